import { expect } from "chai";
import { Page } from "playwright-core";
import { daysAgo, inDays } from "../support/clock";
import { ALLOCATION_HISTORY, PROMISE_DATE_CHANGES } from "../support/documents";
import { allocate, preOrder } from "../support/scenario";
import { TEST_KEYS, TestServer } from "../support/server";
import { consoleOnDemoCatalog, signIn, screenshot, usabilityProblems, watchPage } from "./chromium";

/** The pre-order desk in the console: the queue page (#/pre-orders), in headless Chromium on the demo catalog. */
describe("The console's pre-order queue (headless Chromium, demo catalog)", function () {
  let page: Page;
  let api: TestServer;
  let seen: ReturnType<typeof watchPage>;

  const session = consoleOnDemoCatalog({ width: 1280, height: 900 });
  beforeEach(() => ({ page, api, seen } = session));

  async function openQueue(key: string = TEST_KEYS.admin): Promise<void> {
    await signIn(session, key);
    await page.click(".bar nav a[href='#/pre-orders']");
    await page.waitForSelector("#queue[data-shows]");
  }
  const shown = () => page.locator("#queue-list tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-order")));
  const counts = async () => Object.fromEntries(await page.locator("#queue-summary [data-count]").evaluateAll((facts) =>
    facts.map((f) => [f.getAttribute("data-count"), Number(f.querySelector("dd")?.textContent)])));
  const filterBy = async (fields: Record<string, string>, shows: string) => {
    for (const [id, value] of Object.entries(fields)) {
      if (id === "f-state" || id === "f-size") await page.selectOption(`#${id}`, value);
      else await page.fill(`#${id}`, value);
    }
    await page.click("#queue-filters button[type=submit]");
    await page.waitForSelector(`#queue[data-shows='${shows}']`);
  };
  /** A day as the console writes it ("15 Jan 2027"). */
  const dayWords = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number);
    return `${d} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${y}`;
  };
  const pick = async (...keys: string[]) => {
    for (const key of keys) await page.check(`#queue-list tr[data-order='${key}'] input.pick`);
  };

  it("lists every pre-order item oldest first with its counts, and filters by text, state, dates, facility and PO", async () => {
    await openQueue();
    expect(await shown()).to.deep.equal([
      "SO-DEMO-1001/00001", "SO-DEMO-1002/00001", "SO-DEMO-1002/00002", "SO-DEMO-1003/00001", "SO-DEMO-1004/00001", "SO-DEMO-1005/00001", "SO-DEMO-1006/00001",
    ]);
    expect(await counts()).to.deep.equal({ orders: 6, items: 7, units: 15, waiting: 6, tied: 0 });
    expect(await page.innerText("#selection-status")).to.contain("Nothing selected");
    expect(await page.isDisabled("#release")).to.equal(true);
    expect(await usabilityProblems(page)).to.deep.equal([]);

    await filterBy({ "f-q": "JACKET" }, "q=JACKET#1");
    expect(await shown()).to.deep.equal(["SO-DEMO-1001/00001", "SO-DEMO-1002/00001", "SO-DEMO-1004/00001", "SO-DEMO-1006/00001"]);
    expect(await counts()).to.deep.equal({ orders: 4, items: 4, units: 7, waiting: 3, tied: 0 });

    await allocate(api, "PO-DEMO-1");
    await filterBy({ "f-q": "", "f-state": "tied" }, "state=tied#1");
    expect(await shown()).to.deep.equal(["SO-DEMO-1001/00001", "SO-DEMO-1002/00001", "SO-DEMO-1002/00002", "SO-DEMO-1004/00001", "SO-DEMO-1005/00001"]);
    expect(await counts()).to.deep.equal({ orders: 4, items: 5, units: 9, waiting: 0, tied: 5 });
    expect(await page.innerText("#queue-list tr[data-order='SO-DEMO-1001/00001'] [data-col=state]")).to.equal("Tied PO-DEMO-1 line 00001");

    await filterBy({ "f-state": "waiting" }, "state=waiting#1");
    expect(await shown()).to.deep.equal(["SO-DEMO-1003/00001"]);

    // Ordered 9 to 5 days ago (UTC days), promised on the BOOT line's day, in parking, on PO-DEMO-1.
    await filterBy({ "f-state": "", "f-of": daysAgo(9).slice(0, 10), "f-ot": daysAgo(5).slice(0, 10) }, `of=${daysAgo(9).slice(0, 10)}&ot=${daysAgo(5).slice(0, 10)}#1`);
    expect(await shown()).to.deep.equal(["SO-DEMO-1001/00001", "SO-DEMO-1002/00001", "SO-DEMO-1002/00002", "SO-DEMO-1003/00001"]);
    await filterBy({ "f-of": "", "f-ot": "", "f-pf": inDays(30), "f-pt": inDays(40) }, `pf=${inDays(30)}&pt=${inDays(40)}#1`);
    expect(await shown()).to.deep.equal(["SO-DEMO-1002/00002", "SO-DEMO-1005/00001"]);
    await filterBy({ "f-pf": "", "f-pt": "", "f-facility": "BACKORDER_PARKING" }, "facility=BACKORDER_PARKING#1");
    expect(await shown()).to.deep.equal(["SO-DEMO-1006/00001"]);
    await filterBy({ "f-facility": "", "f-po": "PO-DEMO-1" }, "po=PO-DEMO-1#1");
    expect(await counts()).to.deep.equal({ orders: 4, items: 5, units: 9, waiting: 0, tied: 5 });
    await page.click("#queue-filters a"); // Clear
    await page.waitForSelector("#queue[data-shows='#1']");
    expect(await shown()).to.have.length(7);
    expect(seen.consoleErrors).to.deep.equal([]);
  });

  it("says why each waiting item waits (PreOrderItem.waitingReason)", async () => {
    await allocate(api, "PO-DEMO-1");
    await openQueue();
    const reasons = Object.fromEntries(await page.locator("#queue-list tbody tr").evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute("data-order"), r.querySelector("[data-col=reason]")?.textContent ?? null])));
    expect(reasons).to.deep.include({ "SO-DEMO-1001/00001": "", "SO-DEMO-1003/00001": "Needs 5, the best PO has 1", "SO-DEMO-1006/00001": "Not in pre-order parking" });
    expect(seen.consoleErrors).to.deep.equal([]);
  });

  it("pages by cursor, oldest first", async () => {
    for (let i = 1; i <= 24; i++) await preOrder(api, `SO-SCARF-${String(i).padStart(2, "0")}`, daysAgo(30 - i / 2), [{ sku: "SCARF-GREY", quantity: 1 }]);
    await openQueue();
    expect(await page.innerText("#queue-page-status")).to.equal("Items 1–20 of 31, oldest first");
    const first = await shown();
    expect(first.slice(0, 2)).to.deep.equal(["SO-SCARF-01/00001", "SO-SCARF-02/00001"]);
    await page.click("#queue nav button:has-text('Next →')");
    await page.locator("#queue-page-status", { hasText: "Items 21–31 of 31" }).waitFor();
    const second = await shown();
    expect(second.slice(-7)).to.deep.equal(["SO-DEMO-1001/00001", "SO-DEMO-1002/00001", "SO-DEMO-1002/00002", "SO-DEMO-1003/00001",
      "SO-DEMO-1004/00001", "SO-DEMO-1005/00001", "SO-DEMO-1006/00001"]);
    expect(second.filter((k) => first.includes(k))).to.deep.equal([]);
    await page.click("#queue nav button:has-text('← Previous')");
    await page.locator("#queue-page-status", { hasText: "Items 1–20 of 31" }).waitFor();
    expect(await shown()).to.deep.equal(first);
    // The largest page the page offers is within the service's limits.
    await filterBy({ "f-size": "100" }, "size=100#1");
    expect(await shown()).to.deep.equal([...first, ...second]);
  });

  it("releases, re-dates with a reason and cancels selected items, says what it did and refreshes the counts", async () => {
    await allocate(api, "PO-DEMO-1");
    await openQueue();
    expect(await counts()).to.deep.equal({ orders: 6, items: 7, units: 15, waiting: 1, tied: 5 });

    // Release two tied ones to WH-MAIN: their units go back to the PO.
    await pick("SO-DEMO-1001/00001", "SO-DEMO-1002/00001");
    expect(await page.innerText("#selection-status")).to.equal("2 items selected (3 units).");
    expect(await usabilityProblems(page)).to.deep.equal([]);
    await page.fill("#release-facility", "WH-MAIN");
    await page.click("#release");
    await page.waitForSelector("#desk-summary");
    expect(await page.innerText("#desk-summary")).to.equal("Released 2 items (3 units) to WH-MAIN.");
    expect(await page.innerText("#desk-result li[data-order='SO-DEMO-1001/00001']")).to.contain("was tied to PO-DEMO-1");
    await page.locator("#queue-summary [data-count=tied] dd", { hasText: "3" }).waitFor();
    expect(await counts()).to.deep.equal({ orders: 6, items: 7, units: 15, waiting: 1, tied: 3 });
    expect(await page.innerText("#queue-list tr[data-order='SO-DEMO-1001/00001'] [data-col=state]")).to.equal("Released to WH-MAIN (from PO-DEMO-1)");
    expect(await page.innerText("#selection-status"), "the selection is cleared with the new list").to.contain("Nothing selected");
    const history = await api.gql(ALLOCATION_HISTORY, { order: "SO-DEMO-1001", seq: "00001" });
    expect(history.data!.allocationHistory.edges.map((e) => e.node.type)).to.include("FULFILLMENT_RELEASE");

    // Re-date the waiting one with a reason; a tied one is refused, named with the service's reason.
    await pick("SO-DEMO-1003/00001", "SO-DEMO-1004/00001");
    await page.fill("#redate-date", inDays(60));
    await page.fill("#redate-reason", "Supplier delay");
    await page.click("#redate");
    await page.locator("#desk-summary", { hasText: "Promise date" }).waitFor();
    expect(await page.innerText("#desk-summary")).to.equal(`Promise date set to ${await dayWords(inDays(60))} on 1 item (reason: Supplier delay).`);
    expect(await page.innerText("#desk-refused li[data-order='SO-DEMO-1004/00001']")).to.contain("is tied to a purchase order");
    await page.locator("#queue-list tr[data-order='SO-DEMO-1003/00001'] [data-col=state]", { hasText: "date set by hand" }).waitFor();
    expect(await page.getAttribute("#queue-list tr[data-order='SO-DEMO-1003/00001'] [data-col=promise] time", "datetime")).to.equal(inDays(60));
    const feed = await api.gql(PROMISE_DATE_CHANGES, { first: 50 });
    expect(feed.data!.promiseDateChanges.edges.map((e) => e.node).filter((c) => c.orderId === "SO-DEMO-1003")
      .map((c) => [c.newPromiseDate, c.reason])).to.deep.equal([[inDays(60), "Supplier delay"]]);
    await screenshot(page, "admin-pre-orders");

    // Cancel a tied one: its units go back to the PO.
    await pick("SO-DEMO-1005/00001");
    await page.click("#cancel-items");
    await page.waitForSelector("#confirm-cancel[open]");
    await page.click("#confirm-cancel-button");
    await page.locator("#desk-summary", { hasText: "Cancelled" }).waitFor();
    expect(await page.innerText("#desk-summary")).to.equal("Cancelled 1 item; tied ones gave their units back to their PO.");
    await page.locator("#queue-list tr[data-order='SO-DEMO-1005/00001'] [data-col=state]", { hasText: "Cancelled" }).waitFor();
    await page.locator("#queue-summary [data-count=tied] dd", { hasText: "2" }).waitFor();
    expect(await counts()).to.deep.equal({ orders: 6, items: 7, units: 15, waiting: 1, tied: 2 });
    // Each action left its feed row (the customer-notification worker's list).
    const rows = (await api.gql(PROMISE_DATE_CHANGES, { first: 50 })).data!.promiseDateChanges.edges.map((e) => e.node);
    expect(rows.filter((r) => r.reason !== "Allocate Sales Orders").map((r) => [`${r.orderId}/${r.seqId}`, r.oldPromiseDate, r.newPromiseDate, r.reason])).to.deep.equal([
      ["SO-DEMO-1001/00001", inDays(23), inDays(23), "Released to WH-MAIN by hand"],
      ["SO-DEMO-1002/00001", inDays(23), inDays(23), "Released to WH-MAIN by hand"],
      ["SO-DEMO-1003/00001", null, inDays(60), "Supplier delay"],
      ["SO-DEMO-1005/00001", inDays(35), null, "Pre-order item SO-DEMO-1005/00001 cancelled"],
    ]);
    const cancelled = await api.gql(ALLOCATION_HISTORY, { order: "SO-DEMO-1005", seq: "00001" });
    expect(cancelled.data!.allocationHistory.edges[0].node.type).to.equal("RELEASE");
    expect(seen.consoleErrors).to.deep.equal([]);
  });

  it("works from the keyboard alone: filter, tick an item with Space, release with Enter", async () => {
    await openQueue();
    await page.focus("#f-q");
    await page.keyboard.type("SO-DEMO-1003");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#queue[data-shows='q=SO-DEMO-1003#1']");
    await page.focus("#queue-list tr[data-order='SO-DEMO-1003/00001'] input.pick");
    await page.keyboard.press("Space");
    expect(await page.innerText("#selection-status")).to.equal("1 item selected (5 units).");
    await page.focus("#release-facility");
    expect(await page.evaluate<string>("getComputedStyle(document.activeElement).outlineStyle"), "a visible focus ring").to.not.equal("none");
    await page.keyboard.type("WH-MAIN");
    await page.keyboard.press("Enter");
    await page.locator("#desk-summary", { hasText: "Released 1 item (5 units) to WH-MAIN." }).waitFor();
  });

  it("shows a support key the queue and its counts, with no action bar", async () => {
    await openQueue(TEST_KEYS.support);
    expect(await page.locator("#desk").count()).to.equal(0);
    expect(await page.innerText("#desk-reason")).to.contain("need the admin key");
    expect(await page.locator("#queue-list tbody tr").count()).to.equal(7);
    expect(await page.locator("#queue-list input").count()).to.equal(0);
    expect(await usabilityProblems(page)).to.deep.equal([]);
  });

  it("fits a 420 px wide screen without sideways scroll", async () => {
    await page.setViewportSize({ width: 420, height: 860 });
    await openQueue();
    await pick("SO-DEMO-1001/00001");
    expect(await usabilityProblems(page)).to.deep.equal([]);
    await screenshot(page, "admin-pre-orders-narrow");
  });
});
