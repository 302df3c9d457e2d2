import { expect } from "chai";
import { parse as parseCsv } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { BrowserContext, Page } from "playwright-core";
import { parsePurchaseOrderCsv } from "../../src/domain/intake";
import { inDays } from "../support/clock";
import { RECEIVE } from "../support/documents";
import { allocate, cancelPurchaseOrder, purchaseOrder } from "../support/scenario";
import { TEST_KEYS, TestServer } from "../support/server";
import { consoleOnDemoCatalog, signIn as signInAs, screenshot, usabilityProblems, watchPage } from "./chromium";

const KEY = TEST_KEYS.admin;

describe("The retailer's console at /admin (headless Chromium, demo catalog)", function () {
  let context: BrowserContext;
  let page: Page;
  let api: TestServer;
  let origin: string;
  let seen: ReturnType<typeof watchPage>;

  const session = consoleOnDemoCatalog({ width: 1280, height: 860 });
  beforeEach(() => ({ context, page, api, origin, seen } = session));

  const signIn = (key: string = KEY): Promise<void> => signInAs(session, key);
  const cellTexts = (selector: string) => page.locator(selector).allInnerTexts();
  const shownPos = () => page.locator("#po-list tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-po")));

  it("finds PO-DEMO-1, previews, allocates, and shows the promise dates and the lower ATP", async () => {
    await signIn();
    expect(await page.innerText("#role")).to.equal("Admin key");
    await page.fill("#q", "po-demo");
    await page.click("form.filters button[type=submit]");
    await page.waitForSelector("#po-list tr[data-po='PO-DEMO-1']");
    const row = page.locator("#po-list tr[data-po='PO-DEMO-1']");
    expect(await row.locator("[data-col=atp]").innerText()).to.equal("19");
    expect(await row.locator("[data-col=pending]").innerText()).to.equal("6 waiting items");
    await screenshot(page, "admin-find");

    await row.locator("a").click();
    await page.waitForSelector("#po-items");
    expect(await cellTexts("#po-items tbody [data-col=atp]")).to.deep.equal(["9", "6", "4"]);
    expect(await page.locator("#po-items tbody [data-col=promise] time").evaluateAll((t) => t.map((e) => e.getAttribute("datetime"))),
      "each line's promise date: arrival plus buffer days").to.deep.equal([inDays(23), inDays(23), inDays(35)]);
    expect(await page.innerText("#tied-pre-orders")).to.contain("No pre-order is tied");

    await page.click("#preview");
    await page.waitForSelector("#preview-allocations");
    expect(await page.locator("#preview-allocations tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-order")))).to.deep.equal([
      "SO-DEMO-1001/00001", "SO-DEMO-1002/00001", "SO-DEMO-1002/00002", "SO-DEMO-1004/00001", "SO-DEMO-1005/00001",
    ]);
    expect(await page.locator("#preview-allocations tbody td:last-child time").evaluateAll((t) => t.map((e) => e.getAttribute("datetime")))).to.deep.equal([
      inDays(23), inDays(23), inDays(35), inDays(23), inDays(35), // the jackets' PO items add 2 buffer days to their arrival
    ]);
    const skipped = page.locator("#preview-skipped tr[data-order='SO-DEMO-1003/00001']");
    expect(await skipped.innerText()).to.contain("BOOT-TAN-42").and.contain("Not enough units left on this PO for this product");
    expect(await page.innerText("#total-atp")).to.equal("19"); // a preview changes nothing
    await screenshot(page, "admin-preview");

    await page.click("#allocate");
    await page.waitForSelector("#confirm-allocate[open]");
    await screenshot(page, "admin-confirm", false);
    await page.click("#confirm-allocate-button");
    await page.waitForSelector("#flash .notice-success");
    expect(await page.innerText("#flash")).to.contain("Allocated 5 pre-order items (9 units) to PO-DEMO-1")
      .and.contain("1 item could not be tied and keeps waiting");
    await page.waitForSelector("#tied-pre-orders table");
    expect(await page.locator("#tied-pre-orders tbody tr").evaluateAll((rows) => rows.map((r) => [
      r.getAttribute("data-order"), r.querySelector("[data-col=promise] time")?.getAttribute("datetime"),
    ]))).to.deep.equal([
      ["SO-DEMO-1001/00001", inDays(23)], ["SO-DEMO-1002/00001", inDays(23)], ["SO-DEMO-1002/00002", inDays(35)],
      ["SO-DEMO-1004/00001", inDays(23)], ["SO-DEMO-1005/00001", inDays(35)],
    ]);
    expect(await cellTexts("#po-items tbody [data-col=atp]")).to.deep.equal(["4", "5", "1"]);
    expect(await page.innerText("#total-atp")).to.equal("10");
    expect(await page.locator("#runs tbody tr").count()).to.equal(1);
    await screenshot(page, "admin-allocated");

    await page.click("a.back");
    await page.waitForSelector("#po-list tr[data-po='PO-DEMO-1']");
    expect(await row.locator("[data-col=atp]").innerText()).to.equal("10");
    expect(await row.locator("[data-col=pending]").innerText()).to.equal("1 waiting item");
    expect(seen.foreignRequests).to.deep.equal([]);
    expect(seen.consoleErrors).to.deep.equal([]);
  });

  it("sends the key as a Bearer token on every request and keeps it for this tab only", async () => {
    const sent: (string | undefined)[] = [];
    page.on("request", (request) => { if (request.url().endsWith("/graphql")) sent.push(request.headers().authorization); });
    await signIn(KEY);
    await page.click("#po-list tr[data-po='PO-DEMO-1']");
    await page.waitForSelector("#po-items");
    await page.reload();
    await page.waitForSelector("#po-items"); // no second question after a reload
    expect(sent.length).to.be.greaterThan(3);
    expect(new Set(sent)).to.deep.equal(new Set([`Bearer ${KEY}`]));

    const otherTab = await context.newPage();
    await otherTab.goto(`${origin}/admin`);
    await otherTab.waitForSelector("#key-form");
  });

  it("disables Preview and Allocate Sales Orders for a support key, saying why", async () => {
    await signIn(TEST_KEYS.support);
    expect(await page.innerText("#role")).to.equal("Support key (read only)");
    await page.click("#po-list tr[data-po='PO-DEMO-1']");
    await page.waitForSelector("#po-items");
    expect(await page.isDisabled("#preview")).to.equal(true);
    expect(await page.isDisabled("#allocate")).to.equal(true);
    expect(await page.innerText("#action-reason")).to.contain("support key can look but not change anything");
    expect(await page.getAttribute("#allocate", "aria-describedby")).to.equal("action-reason");
    expect(await usabilityProblems(page)).to.deep.equal([]);
    await screenshot(page, "admin-support");
  });

  it("says in words what went wrong: a refused key, a race, a cancelled PO, an internal error, never a stack", async () => {
    const failWith = (operation: string, error: Record<string, unknown>, also = "") => page.route(`${origin}/graphql`, (route) =>
      route.request().postData()?.includes(operation) && route.request().postData()?.includes(also)
        ? route.fulfill({ json: { errors: [error], data: null } }) : route.continue());

    await page.goto(`${origin}/admin`);
    await page.fill("#key", "wrong-key");
    await page.click("#key-form button[type=submit]");
    await page.waitForSelector("#key-form .notice-error");
    expect(await page.innerText("#key-form .notice-error")).to.contain("That key was not accepted");
    await page.unrouteAll();

    await page.fill("#key", KEY);
    await page.click("#key-form button[type=submit]");
    await page.click("#po-list tr[data-po='PO-DEMO-1']");
    await page.waitForSelector("#po-items");

    // The real run fails (the confirmation's dry run went through).
    await failWith("mutation AllocateSalesOrders", { message: "Lock wait timeout", extensions: { code: "CONFLICT" } }, `"dryRun":false`);
    await page.click("#allocate");
    await page.click("#confirm-allocate-button");
    await page.waitForSelector("#flash .notice-error");
    expect(await page.innerText("#flash")).to.equal("Someone else changed this PO at the same moment; try again.");
    await page.unrouteAll();

    await failWith("mutation AllocateSalesOrders", { message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-42", stacktrace: ["Error: ER_LOCK_DEADLOCK", "    at Query.run (mysql2)"] } });
    await page.waitForSelector("#po-items"); // the PO is shown afresh after an error
    await page.click("#preview");
    await page.locator("#flash", { hasText: "req-42" }).waitFor();
    const text = await page.innerText("#flash");
    expect(text).to.contain("Something went wrong on the service's side").and.contain("quote reference req-42");
    expect(text).not.to.match(/ER_LOCK|mysql2|\bat\b/);
    await page.unrouteAll();
    await page.waitForSelector("#po-items");

    // The PO is cancelled behind the page's back: the dry run before the confirmation gets the server's own reason.
    await cancelPurchaseOrder(api, "PO-DEMO-1");
    await page.click("#allocate");
    await page.locator("#flash", { hasText: "cancelled" }).waitFor();
    expect(await page.locator("#confirm-allocate").count()).to.equal(0);
    expect(await page.innerText("#flash")).to.equal(
      "Purchase order PO-DEMO-1 is cancelled; only created or approved purchase orders can be allocated");
    await page.waitForSelector("#action-reason"); // and the page now shows the PO as cancelled
    expect(await page.isDisabled("#allocate")).to.equal(true);
    await screenshot(page, "admin-error");
    expect(seen.foreignRequests).to.deep.equal([]);
  });

  it("keeps \"SKU is\" chosen when it is picked before typing, and finds the PO by SKU", async () => {
    await signIn();
    await page.waitForSelector("#results[data-shows]");
    await page.selectOption("#in", "sku");
    await page.waitForTimeout(300); // a re-draw of the page would come now
    expect(await page.inputValue("#in")).to.equal("sku");
    await page.fill("#q", "BOOT-TAN-42");
    await page.press("#q", "Enter");
    await page.waitForSelector("#results[data-shows*='q=BOOT-TAN-42']");
    expect(await page.getAttribute("#results", "data-shows")).to.equal("in=sku&q=BOOT-TAN-42&size=20#1");
    expect(await shownPos()).to.deep.equal(["PO-DEMO-1"]);
    // Another filter changed with the box empty keeps the choice too.
    await page.fill("#q", "");
    await page.selectOption("#status", "OPEN");
    await page.waitForSelector("#results[data-shows='in=sku&status=OPEN&size=20#1']");
    expect(await page.inputValue("#in")).to.equal("sku");
    expect(await page.evaluate("document.activeElement?.id"), "the changed control keeps the focus").to.equal("status");
  });

  it("confirms Allocate Sales Orders with what the preview showed: 5 items tied, 1 kept waiting", async () => {
    await signIn();
    await page.click("#po-list tr[data-po='PO-DEMO-1'] a");
    await page.waitForSelector("#po-items");
    await page.click("#preview");
    await page.waitForSelector("#preview-allocations");
    expect(await page.innerText("#allocation-panel")).to.contain("5 pre-order items (9 units) would be tied").and.contain("1 item would keep waiting");
    await page.click("#allocate");
    await page.waitForSelector("#confirm-allocate[open]");
    const words = await page.innerText("#confirm-words");
    expect(words).to.contain("5 pre-order items (9 units) will be tied").and.contain("1 item waiting for this PO's products will keep waiting");
    expect(words).not.to.contain("6");
    await page.click("#confirm-allocate button[value=cancel]");
    expect(await page.innerText("#total-atp")).to.equal("19"); // cancelled: nothing changed
  });

  it("fits a 420 px wide screen: no sideways scroll on the find and PO pages, ATP on screen", async () => {
    await page.setViewportSize({ width: 420, height: 860 });
    await signIn();
    await page.waitForSelector("#po-list tr[data-po='PO-DEMO-1']");
    expect(await usabilityProblems(page)).to.deep.equal([]);
    await page.click("#po-list tr[data-po='PO-DEMO-1'] a");
    await page.waitForSelector("#po-items");
    await page.click("#preview");
    await page.waitForSelector("#preview-allocations");
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).to.be.at.most(420);
    const atp = page.locator("#po-items tbody tr[data-sku='BOOT-TAN-42'] [data-col=atp]");
    await atp.scrollIntoViewIfNeeded();
    const box = (await atp.boundingBox())!;
    expect(box.x).to.be.at.least(0);
    expect(box.x + box.width).to.be.at.most(420);
    expect(await atp.innerText()).to.match(/\d/);
    expect(await usabilityProblems(page)).to.deep.equal([]);
    await screenshot(page, "admin-po-narrow");
  });

  it("labels every input and says why a button is disabled in visible text tied to it (aria-describedby)", async () => {
    await signIn();
    await page.waitForSelector("#po-list");
    expect(await page.locator("#q").evaluate((e) => (e as unknown as { labels: { textContent: string }[] }).labels[0]?.textContent)).to.equal("PO id or SKU to find");
    expect(await usabilityProblems(page)).to.deep.equal([]);
    await cancelPurchaseOrder(api, "PO-DEMO-1");
    await page.click("#po-list tr[data-po='PO-DEMO-1'] a");
    await page.waitForSelector("#action-reason");
    expect(await page.isDisabled("#allocate")).to.equal(true);
    expect(await usabilityProblems(page)).to.deep.equal([]);
  });

  it("exports the POs found (every page) as CSV in the upload's columns, quoted where needed, that parses back into the same POs", async () => {
    await purchaseOrder(api, "PO-X-1", [
      { sku: "SCARF-GREY", quantity: 12, arrivalDate: inDays(30), orderBuffer: 2, bufferDays: 3 },
      { sku: "BOOT-TAN-42", quantity: 4 },
    ], { facilityId: 'WH "North", dock 2' });
    await purchaseOrder(api, "PO-X-2", [{ sku: "JACKET-NAVY-M", quantity: 7, arrivalDate: inDays(40) }], { facilityId: "WH-SOUTH" });
    await purchaseOrder(api, "PO-Y-1", [{ sku: "JACKET-NAVY-M", quantity: 1, arrivalDate: inDays(40) }]);
    // 50 more, older: the export reads the found list 50 POs a request, so it takes two.
    for (let i = 1; i <= 50; i++) {
      await purchaseOrder(api, `PO-X-P${String(i).padStart(2, "0")}`, [{ sku: "SCARF-GREY", quantity: i }], { orderDate: `2026-01-${String(1 + (i % 28)).padStart(2, "0")}` });
    }
    const exportRequests: string[] = [];
    page.on("request", (r) => { if (r.postData()?.includes("query ExportPurchaseOrders")) exportRequests.push(r.postData()!); });
    await signIn();
    await page.selectOption("#size", "10");
    await page.fill("#q", "po-x-");
    await page.press("#q", "Enter");
    await page.waitForSelector("#results[data-shows='q=po-x-&size=10#1']");
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    expect(file.suggestedFilename()).to.match(/^purchase-orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await file.path())!, "utf8");
    expect(text).to.contain('"WH ""North"", dock 2"');
    const all = parseCsv(text) as string[][];
    expect(exportRequests).to.have.length(2);
    expect(all).to.have.length(1 + 3 + 50);
    expect(all.filter((r) => r[0].startsWith("PO-X-P")).map((r) => Number(r[3])).sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 50 }, (_, i) => i + 1));
    const rows = all.filter((r) => !r[0].startsWith("PO-X-P"));
    expect(rows).to.deep.equal([
      ["orderId", "productSku", "arrivalDate", "quantity", "facilityId", "orderBuffer", "bufferDays"],
      ["PO-X-2", "JACKET-NAVY-M", inDays(40), "7", "WH-SOUTH", "0", "0"],
      ["PO-X-1", "SCARF-GREY", inDays(30), "12", 'WH "North", dock 2', "2", "3"],
      ["PO-X-1", "BOOT-TAN-42", "", "4", 'WH "North", dock 2', "0", "0"],
    ]);
    const back = parsePurchaseOrderCsv(text, "MM/dd/yyyy");
    expect(back.errors).to.deep.equal([]);
    expect(back.orders.filter((o) => !o.id.startsWith("PO-X-P")).map((o) => [o.id, o.facilityId, o.items.map((i) => [i.sku, i.quantity, i.arrivalDate?.toISOString().slice(0, 10) ?? null])])).to.deep.equal([
      ["PO-X-2", "WH-SOUTH", [["JACKET-NAVY-M", 7, inDays(40)]]],
      ["PO-X-1", 'WH "North", dock 2', [["SCARF-GREY", 12, inDays(30)], ["BOOT-TAN-42", 4, null]]],
    ]);
    expect(await page.innerText("#export-status")).to.equal("Exported 52 POs (53 item rows) in the upload's columns, arrival dates as yyyy-MM-dd.");
  });

  it("shows how many tied pre-orders an earlier PO could take, previews the moves and rebalances", async () => {
    await allocate(api, "PO-DEMO-1");
    await purchaseOrder(api, "PO-DEMO-EARLY", [{ sku: "BOOT-TAN-42", quantity: 8, arrivalDate: inDays(20) }]);
    await signIn();
    await page.goto(`${origin}/admin#/po/PO-DEMO-EARLY`);
    await page.waitForSelector("#rebalance-count");
    expect(await page.innerText("#rebalance-count")).to.equal("2 tied pre-orders of its products could move here and be promised earlier");
    expect(await page.isDisabled("#rebalance-run"), "Rebalance comes after a preview").to.equal(true);
    await page.click("#rebalance-preview");
    await page.waitForSelector("#rebalance-moves");
    expect(await page.locator("#rebalance-moves tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-order")))).to.deep.equal(["SO-DEMO-1002", "SO-DEMO-1005", "SO-DEMO-1003"]);
    expect(await usabilityProblems(page)).to.deep.equal([]);
    await page.click("#rebalance-run");
    await page.waitForSelector("#flash .notice-success");
    expect(await page.innerText("#flash")).to.equal("Moved 2 pre-order items to PO-DEMO-EARLY with earlier promise dates; tied 1 waiting item.");
    await page.waitForSelector("#rebalance-count:text('0 tied pre-orders')");
    expect(seen.consoleErrors).to.deep.equal([]);
  });

  it("receives stock on a PO line: releases the oldest tied pre-orders whole, adds the rest to inventory, completes the line", async () => {
    await allocate(api, "PO-DEMO-1");
    await signIn();
    await page.click("#po-list tr[data-po='PO-DEMO-1'] a");
    await page.waitForSelector("#po-items");
    const line = page.locator("#po-items tbody tr[data-line='00001']");
    expect(await line.locator("[data-col=received]").innerText()).to.equal("0 of 10");
    expect(await usabilityProblems(page)).to.deep.equal([]);
    await page.fill("#receive-00001", "4");
    await page.click("#po-items form[data-line='00001'] button");
    await page.waitForSelector("#receive-summary");
    expect(await page.innerText("#receive-summary")).to.equal("Received 4 units of JACKET-NAVY-M on PO-DEMO-1 line 00001 (4 of 10 now received). "
      + "Released 1 pre-order item (2 units) to fulfilment at WH-MAIN. 2 units added to inventory (2 available now).");
    expect(await page.locator("#released li").evaluateAll((li) => li.map((e) => e.getAttribute("data-order")))).to.deep.equal(["SO-DEMO-1001/00001"]);
    await page.waitForSelector("#po-items tbody tr[data-line='00001'] [data-col=received]:text('4 of 10')");
    await page.fill("#receive-00001", "7");
    expect(await page.locator("#receive-00001:invalid").count(), "more than is still open is refused before sending").to.equal(1);
    // Sent anyway (the limit taken off the field): the service refuses it in words and nothing changes.
    await page.locator("#receive-00001").evaluate((input) => input.removeAttribute("max"));
    await page.click("#po-items form[data-line='00001'] button");
    await page.waitForSelector("#flash .notice-error");
    expect(await page.innerText("#flash")).to.equal("PO item PO-DEMO-1/00001 has 6 of its 10 units still to receive; 7 cannot be received");
    await page.locator("#po-items tbody tr[data-line='00001'] [data-col=received]", { hasText: "4 of 10" }).waitFor();
    await page.fill("#receive-00001", "6");
    await page.click("#po-items form[data-line='00001'] button");
    await page.waitForSelector("#receive-summary:has-text('6 units')");
    expect(await page.innerText("#receive-summary")).to.equal("Received 6 units of JACKET-NAVY-M on PO-DEMO-1 line 00001 (10 of 10 now received). "
      + "Released 1 pre-order item (3 units) to fulfilment at WH-MAIN. 3 units added to inventory (5 available now). The line is fully received.");
    expect(await page.locator("#released li").evaluateAll((li) => li.map((e) => e.getAttribute("data-order")))).to.deep.equal(["SO-DEMO-1004/00001"]);
    await page.waitForSelector("#po-items tbody tr[data-line='00001'] [data-col=received]:text('10 of 10')");
    expect(await line.locator("[data-col=receive]").innerText()).to.equal("All received");
    expect(await page.locator("#tied-pre-orders tr[data-order='SO-DEMO-1004/00001']").count(), "kept for the record").to.equal(1);
    await screenshot(page, "admin-received");

    // The service's refusal is shown in words: another tab received the rest of line 00002 first.
    await page.fill("#receive-00002", "6");
    expect((await api.gql(RECEIVE, { po: "PO-DEMO-1", seq: "00002", quantity: 6 })).errors).to.equal(undefined);
    await page.click("#po-items form[data-line='00002'] button");
    await page.waitForSelector("#flash .notice-error");
    expect(await page.innerText("#flash")).to.match(/receiv/i);
    expect(await page.innerText("#flash")).to.equal("PO item PO-DEMO-1/00002 is completed; nothing can be received on it");
    await page.locator("#po-items tbody tr[data-line='00002'] [data-col=receive]", { hasText: "All received" }).waitFor();

    // A support key sees what was received, with no form.
    await page.click("#who button.link");
    await page.fill("#key", TEST_KEYS.support);
    await page.click("#key-form button[type=submit]");
    await page.waitForSelector("#po-items");
    expect(await page.locator("#po-items form").count()).to.equal(0);
    expect(await page.innerText("#receive-reason")).to.equal("Receiving stock needs the admin key.");
  });

  it("pages through POs by cursor and filters by SKU, status and pending pre-orders", async () => {
    for (let i = 1; i <= 11; i++) {
      await purchaseOrder(api, `PO-SCARF-${String(i).padStart(2, "0")}`, [{ sku: "SCARF-GREY", quantity: 5 * i, arrivalDate: inDays(30) }],
        { facilityId: "WH-NORTH", orderDate: `2026-01-${String(i).padStart(2, "0")}`, status: i === 1 ? "CANCELLED" : "CREATED" });
    }
    await signIn();
    await page.selectOption("#size", "10");
    await page.locator("#page-status", { hasText: /^POs 1–10 of 12$/ }).waitFor();
    expect(await page.locator("#po-list tbody tr").count()).to.equal(10);
    await page.click("text=Next →");
    await page.locator("#page-status", { hasText: /^POs 11–12 of 12$/ }).waitFor();
    expect(await shownPos()).to.deep.equal(["PO-SCARF-02", "PO-SCARF-01"]);
    await page.click("text=← Previous");
    await page.locator("#page-status", { hasText: /^POs 1–10 of 12$/ }).waitFor();

    await page.selectOption("#in", "sku");
    await page.fill("#q", "BOOT-TAN-42");
    await page.click("form.filters button[type=submit]");
    await page.waitForSelector("#results[data-shows='in=sku&q=BOOT-TAN-42&size=10#1']");
    expect(await shownPos()).to.deep.equal(["PO-DEMO-1"]);

    await page.fill("#q", "");
    await page.check("#pending");
    await page.waitForSelector("#results[data-shows='in=sku&pending=1&size=10#1']");
    expect(await shownPos()).to.deep.equal(["PO-DEMO-1"]);
    await page.uncheck("#pending");
    await page.selectOption("#status", "CANCELLED");
    await page.waitForSelector("#results[data-shows='in=sku&status=CANCELLED&size=10#1']");
    expect(await shownPos()).to.deep.equal(["PO-SCARF-01"]);
    await page.click("#po-list tr[data-po='PO-SCARF-01']");
    await page.waitForSelector("#action-reason");
    expect(await page.innerText("#action-reason")).to.equal("This PO is cancelled: only created or approved POs can be allocated.");
    await page.click("a.back"); // back to the same filters
    await page.waitForSelector("#po-list tr[data-po='PO-SCARF-01']");
    expect(await page.inputValue("#status")).to.equal("CANCELLED");
    expect(seen.consoleErrors).to.deep.equal([]);
  });
});
