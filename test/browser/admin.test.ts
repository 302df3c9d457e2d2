import { expect } from "chai";
import { Browser, BrowserContext, Page } from "playwright-core";
import { loadDemoCatalog } from "../../src/domain/demo-catalog";
import { buildWeb } from "../build-web";
import { CREATE_PO, inDays } from "../fixtures";
import { TestServer, openTestDb, startTestServer } from "../helpers";
import { launchChromium, screenshot, watchPage } from "./chromium";

const KEY = "demo-admin-key";

describe("The retailer's console at /admin (headless Chromium, demo catalog)", function () {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: TestServer;
  let origin: string;
  let seen: ReturnType<typeof watchPage>;

  before(async function () {
    browser = await launchChromium(this);
    buildWeb();
  });
  after(() => browser?.close());

  beforeEach(async () => {
    const db = await openTestDb();
    await loadDemoCatalog(db);
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    seen = watchPage(page, origin);
  });
  afterEach(async () => {
    await context?.close();
    await api?.close();
  });

  async function signIn(key = KEY): Promise<void> {
    await page.goto(`${origin}/admin`);
    await page.fill("#key", key);
    await page.click("#key-form button[type=submit]");
    await page.waitForSelector("#role");
  }
  const cellTexts = (selector: string) => page.locator(selector).allInnerTexts();

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
    expect(await page.innerText("#tied-pre-orders")).to.contain("No pre-order is tied");

    await page.click("#preview");
    await page.waitForSelector("#preview-allocations");
    expect(await page.locator("#preview-allocations tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-order")))).to.deep.equal([
      "SO-DEMO-1001/00001", "SO-DEMO-1002/00001", "SO-DEMO-1002/00002", "SO-DEMO-1004/00001", "SO-DEMO-1005/00001",
    ]);
    expect(await page.locator("#preview-allocations tbody td:last-child time").evaluateAll((t) => t.map((e) => e.getAttribute("datetime")))).to.deep.equal([
      inDays(21), inDays(21), inDays(35), inDays(21), inDays(35),
    ]);
    const skipped = page.locator("#preview-skipped tr[data-order='SO-DEMO-1003/00001']");
    expect(await skipped.innerText()).to.contain("BOOT-TAN-42").and.contain("Not enough units left on this PO for this product");
    expect(await page.innerText("#total-atp")).to.equal("19"); // a preview changes nothing
    await screenshot(page, "admin-preview");

    await page.click("#allocate");
    await page.waitForSelector("#confirm-allocate[open]");
    await screenshot(page, "admin-confirm");
    await page.click("#confirm-allocate-button");
    await page.waitForSelector("#flash .notice-success");
    expect(await page.innerText("#flash")).to.contain("Allocated 5 pre-order items (9 units) to PO-DEMO-1")
      .and.contain("1 item could not be tied and keeps waiting");
    await page.waitForSelector("#tied-pre-orders table");
    expect(await page.locator("#tied-pre-orders tbody tr").evaluateAll((rows) => rows.map((r) => [
      r.getAttribute("data-order"), r.querySelector("[data-col=promise] time")?.getAttribute("datetime"),
    ]))).to.deep.equal([
      ["SO-DEMO-1001/00001", inDays(21)], ["SO-DEMO-1002/00001", inDays(21)], ["SO-DEMO-1002/00002", inDays(35)],
      ["SO-DEMO-1004/00001", inDays(21)], ["SO-DEMO-1005/00001", inDays(35)],
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
});
