import { expect } from "chai";
import { Browser, BrowserContext, Page } from "playwright-core";
import { loadDemoCatalog } from "../../src/domain";
import { buildWeb } from "../support/build-web";
import { openTestDb } from "../support/database";
import { TEST_KEYS, TestServer, startTestServer } from "../support/server";
import { launchChromium, screenshot, watchPage } from "./chromium";

describe("GraphiQL at /graphiql, offline (headless Chromium, demo catalog)", function () {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: TestServer;
  let origin: string;
  let seen: ReturnType<typeof watchPage>;

  before(async function () {
    browser = await launchChromium(this);
    buildWeb();
    const db = await openTestDb();
    await db.write((m) => loadDemoCatalog(m));
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
  });
  after(async () => {
    await browser?.close();
    await api?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    page = await context.newPage();
    seen = watchPage(page, origin);
  });
  afterEach(() => context?.close());

  it("loads from the service alone, opens the schema docs and the examples, and runs a query", async () => {
    // Without a key it shows the placeholder; the schema needs a key, so sign in at /admin in this tab first.
    await page.goto(`${origin}/graphiql`);
    await page.waitForSelector(".graphiql-container");
    expect(await page.locator(".graphiql-editor-tool").innerText()).to.contain("Authorization").and.contain("paste the admin or support key");
    seen.consoleErrors.length = 0; // the keyless schema request was refused (401), as it should be
    await page.goto(`${origin}/admin`);
    await page.fill("#key", TEST_KEYS.support);
    await page.click("#key-form button[type=submit]");
    await page.waitForSelector("#role");
    await page.goto(`${origin}/graphiql`);
    await page.waitForSelector(".graphiql-container");
    // The docs explorer is open and knows the schema (fetched by introspection through the service).
    await page.waitForSelector(".graphiql-doc-explorer >> text=Query");
    const tabs = await page.locator(".graphiql-tab").allInnerTexts();
    expect(tabs.map((t) => t.trim())).to.include.members(["FindPurchaseOrders", "PurchaseOrderDetail", "WaitingPreOrders", "ProductPromise", "PreviewAllocation"]);
    expect(await page.locator(".graphiql-editor-tool").innerText()).to.contain(`Bearer ${TEST_KEYS.support}`);

    await page.click(".graphiql-execute-button");
    await page.locator(".graphiql-response", { hasText: "PO-DEMO-1" }).waitFor();
    const response = await page.locator(".graphiql-response").innerText();
    expect(response).to.contain("\"totalCount\": 1").and.contain("JACKET-NAVY-M");
    await screenshot(page, "graphiql", false);

    expect(seen.foreignRequests).to.deep.equal([]);
    expect(seen.consoleErrors).to.deep.equal([]);
  });

  it("is where a browser asking GET /graphql for a page is sent", async () => {
    await page.goto(`${origin}/graphql`);
    expect(new URL(page.url()).pathname).to.equal("/graphiql");
    await page.waitForSelector(".graphiql-container");
  });
});
