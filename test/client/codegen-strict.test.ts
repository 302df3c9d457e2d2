import { expect } from "chai";
import { join } from "node:path";
import ts from "typescript";

/**
 * The typed documents graphql-codegen writes (test/support/graphql/, and the console's, which
 * `npm run typecheck` compiles with strict on) compile under `--strict` in a project of their own,
 * and a strict client's mistakes with them are errors (test/client/strict-usage.ts).
 */
describe("graphql-codegen types under --strict", () => {
  it("compile, and catch nullable days, unknown SKUs, closed enums and lower-case roles", function () {
    this.timeout(120_000);
    const root = join(__dirname, "..", "..");
    const program = ts.createProgram([join(root, "test/client/strict-usage.ts"), join(root, "test/support/graphql/index.ts")], {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
      skipLibCheck: true, types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).to.deep.equal([]);
    expect(program.getCompilerOptions().strict).to.equal(true);
  });
});
