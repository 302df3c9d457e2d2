import { expect } from "chai";
import { idProblem } from "../../src/domain";

/** The one rule for ids, SKUs and facility ids (docs/domain.md): what looks alike must be alike. */
describe("Ids: characters that draw nothing are refused", () => {
  it("refuses default-ignorable characters and the braille blank a second outside tester found passing", () => {
    for (const id of ["PO-HAN\u3164X", "PO-CGJ\u034FX", "PO-VS\uFE0FX", "PO-BRL\u2800", "PO-\u115FX", "PO-\uFFA0X", "PO-\u180BX"]) {
      expect(idProblem("orderId", id), JSON.stringify(id)).to.equal("orderId must not hold control, format, invisible or line separator characters");
    }
  });

  it("keeps visible letters, marks and symbols from any script", () => {
    for (const id of ["PO-É1", "PO-E\u0301", "漢字-1", "PO-😀", "ß-İ-ı", "PO 1"]) expect(idProblem("orderId", id), id).to.equal(null);
  });
});
