import { expect } from "chai";
import fc from "fast-check";
import { daysAgo, inDays } from "../support/clock";
import { snapshot } from "../support/database";
import { CREATE_PO, PRE_ORDERS, PROMISE, UPDATE_PO_ITEM } from "../support/documents";
import { graphql } from "../support/graphql";
import { allocate, feed, history, preOrder, products, purchaseOrder } from "../support/scenario";
import { TestServer, errorCode, startTestServer } from "../support/server";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe("Calendar days travel as Date (\"2027-01-15\"), instants as DateTime", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
    await products(api, "A");
  });
  after(() => api.close());

  it("answers every arrival and promise date as a day a storefront in any time zone shows as it is", async () => {
    await preOrder(api, "SO-1", daysAgo(2), [{ sku: "A", quantity: 1 }]);
    await purchaseOrder(api, "PO-1", [{ sku: "A", quantity: 5, arrivalDate: "2027-12-21", bufferDays: 2 }]);
    const run = await allocate(api, "PO-1");
    const pdp = (await api.gql(PROMISE, { sku: "A" })).data.productPromise!;
    const item = (await api.gql(PRE_ORDERS, {})).data.preOrders.edges[0].node;
    const days = [run.allocations[0].promiseDate, pdp.promiseDate, item.promiseDate, (await history(api))[0].newPromiseDate, (await feed(api))[0].newPromiseDate];
    expect(days).to.deep.equal(Array(5).fill("2027-12-23"));
    // What the v1 answer did in a shop west of Greenwich, and why a day must not carry a time:
    expect(new Date("2027-12-23T00:00:00.000Z").toLocaleDateString("en-US", { timeZone: "America/New_York" })).to.equal("12/22/2027");
    expect(run.run!.startedAt).to.match(/T\d{2}:\d{2}:\d{2}\.\d{3}Z$/); // instants stay DateTime
  });

  it("refuses anything that is not a real day of 2000-2199 written YYYY-MM-DD, as a variable or inline, and writes nothing", async () => {
    const before = await snapshot(api.db);
    const bad = ["2027-02-30", "2027-13-01", "2027-00-10", "27-01-15", "0027-01-15", "2200-01-01", "1999-12-31", "2027-1-5",
      "2027-01-15T00:00:00Z", "2027-01-15 ", "01/15/2027", "", "２０２７-01-15"];
    for (const day of bad) {
      const res = await api.gql(CREATE_PO, { input: { id: "PO-BAD", facilityId: "WH", items: [{ sku: "A", quantity: 1, arrivalDate: day }] } });
      expect(errorCode(res), day).to.equal("BAD_USER_INPUT");
      expect(res.errors![0].message, day).to.contain("YYYY-MM-DD");
    }
    const inline = await api.gql(`mutation { createPurchaseOrder(input: { id: "PO-BAD", facilityId: "WH", items: [{ sku: "A", quantity: 1, arrivalDate: "2027-02-29" }] }) { id } }`);
    expect(errorCode(inline)).to.equal("BAD_USER_INPUT");
    const number = await api.gql(CREATE_PO, { input: { id: "PO-BAD", facilityId: "WH", items: [{ sku: "A", quantity: 1, arrivalDate: 20270115 as unknown as string }] } });
    expect(errorCode(number)).to.equal("BAD_USER_INPUT");
    expect(errorCode(await api.gql(PRE_ORDERS, { f: { promiseDateFrom: "2027-02-30" } }))).to.equal("BAD_USER_INPUT");
    expect(await snapshot(api.db)).to.deep.equal(before);
  });

  it("filters pre-orders by promise day, both ends included", async () => {
    await purchaseOrder(api, "PO-F", [{ sku: "A", quantity: 9, arrivalDate: inDays(40) }, { sku: "A", quantity: 9, arrivalDate: inDays(50) }]);
    await preOrder(api, "SO-F", daysAgo(0), [{ sku: "A", quantity: 9 }, { sku: "A", quantity: 9 }]);
    const between = async (from?: string, to?: string) => (await api.gql(PRE_ORDERS, { f: { promiseDateFrom: from, promiseDateTo: to } })).data.preOrders
      .edges.map((e) => e.node).filter((n) => n.orderId === "SO-F").map((n) => n.promiseDate);
    expect(await between(inDays(40), inDays(40))).to.deep.equal([inDays(40)]);
    expect(await between(inDays(41), undefined)).to.deep.equal([inDays(50)]);
    expect(await between(undefined, inDays(50))).to.deep.equal([inDays(40), inDays(50)]);
  });

  it("stores any generated string that is a day and reads it back exactly, and refuses every other with nothing written (property)", async function () {
    this.timeout(120_000);
    await purchaseOrder(api, "PO-P", [{ sku: "A", quantity: 1, arrivalDate: inDays(5) }]);
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
    const nearDay = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    const realDay = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
      .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())).toISOString().slice(0, 10));
    const junk = fc.oneof(fc.string({ maxLength: 12 }), realDay.map((d) => `${d}T00:00:00Z`), realDay.map((d) => ` ${d}`), realDay.map((d) => d.replace(/-/g, "/")));
    let stored = 0;
    let refused = 0;
    await fc.assert(fc.asyncProperty(fc.oneof(realDay, nearDay, junk), async (day) => {
      const before = await snapshot(api.db);
      const res = await api.gql(UPDATE_PO_ITEM, { po: "PO-P", seq: "00001", input: { arrivalDate: day } });
      const today = inDays(0);
      if (res.errors) {
        refused++;
        expect(errorCode(res), day).to.equal("BAD_USER_INPUT");
        expect(await snapshot(api.db), day).to.deep.equal(before);
        expect(DAY.test(day) && Number.isFinite(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day) &&
          day >= today && day <= "2199-12-31", `${day} is a day that should have been stored`).to.equal(false);
      } else {
        stored++;
        expect(res.data.updatePurchaseOrderItem.arrivalDate, day).to.equal(day);
        const read = await api.gql(graphql(`query ArrivalReadBack { purchaseOrder(id: "PO-P") { items { arrivalDate } } }`));
        expect(read.data.purchaseOrder!.items[0].arrivalDate).to.equal(day);
      }
    }), { numRuns: 150 });
    expect(stored, "generated days stored").to.be.greaterThan(20);
    expect(refused, "generated non-days refused").to.be.greaterThan(20);
  });
});
