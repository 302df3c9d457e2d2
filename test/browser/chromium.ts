import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Browser, BrowserContext, Page, chromium } from "playwright-core";
import { loadDemoCatalog } from "../../src/domain";
import { buildWeb } from "../support/build-web";
import { openTestDb } from "../support/database";
import { TestServer, startTestServer } from "../support/server";

/** Debian's chromium package: the machine cannot download Playwright's own browser. */
export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = join(__dirname, "..", "..", "test-output");

/**
 * Headless Chromium for the browser tests, or a skip with the reason when it is not installed.
 * Under CI=true a missing browser is a failure: .ci/run installs it, so its absence is a broken CI.
 * Playwright gives every launch a fresh temporary --user-data-dir (it refuses one in `args`).
 */
export async function launchChromium(context: Mocha.Context): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === "true") throw new Error(`${CHROMIUM} is missing; under CI=true the browser tests must run (apt-get install -y chromium)`);
    console.log(`    (browser tests skipped: ${CHROMIUM} is not installed; apt-get install -y chromium to run them)`);
    context.skip();
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Records what a page does that it must not: requests to any other host than the service,
 * and errors in its console (CSP violations included).
 */
export function watchPage(page: Page, origin: string): { foreignRequests: string[]; consoleErrors: string[] } {
  const seen = { foreignRequests: [] as string[], consoleErrors: [] as string[] };
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) seen.foreignRequests.push(url);
  });
  page.on("console", (message) => { if (message.type() === "error") seen.consoleErrors.push(message.text()); });
  page.on("pageerror", (error) => seen.consoleErrors.push(String(error)));
  return seen;
}

/** A PNG in test-output/ (gitignored): the whole page, or only the viewport (a modal dialog covers just that). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * What makes a page hard to use, as a list of findings (empty when none): a form control without a
 * label, a disabled button whose reason is not visible text tied to it by aria-describedby, and a
 * page wider than the window (sideways scroll).
 */
export async function usabilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Runs in the page; the tests' TypeScript has no DOM library, so the page's objects are typed loosely.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const document: any = (globalThis as any).document;
    const problems: string[] = [];
    const name = (e: { tagName: string; id: string; name?: string }) => `${e.tagName.toLowerCase()}#${e.id || e.name || "?"}`;
    const visibleText = (id: string) => {
      const target = document.getElementById(id);
      return target !== null && target.getClientRects().length > 0 && (target.textContent ?? "").trim() !== "";
    };
    for (const control of Array.from<any>(document.querySelectorAll("input, select, textarea"))) {
      if (control.type === "hidden" || control.closest("[hidden]")) continue;
      const labelled = (control.labels?.length ?? 0) > 0 || control.hasAttribute("aria-label")
        || (control.getAttribute("aria-labelledby") ?? "").split(/\s+/).some((id: string) => id !== "" && visibleText(id));
      if (!labelled) problems.push(`${name(control)} has no label`);
    }
    for (const button of Array.from<any>(document.querySelectorAll("button:disabled"))) {
      if (button.getClientRects().length === 0 || /…$/.test(button.textContent ?? "")) continue; // hidden, or busy for a moment
      const ids = (button.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id: string) => id !== "");
      if (!ids.some(visibleText)) problems.push(`disabled button "${button.textContent}" does not say why in visible text (aria-describedby)`);
    }
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
    return problems;
  });
}

/** What a console test works with: Chromium, a fresh page, and a test server on the demo catalog. */
export interface ConsoleSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  api: TestServer;
  origin: string;
  seen: ReturnType<typeof watchPage>;
}

/**
 * Registers the hooks every console test file shares: Chromium and the built console once per
 * file; a new database with the demo catalog, a server and a page of `viewport` for each test.
 * The returned session's fields are set before each test runs.
 */
export function consoleOnDemoCatalog(viewport: { width: number; height: number }): ConsoleSession {
  const session = {} as ConsoleSession;
  before(async function () {
    session.browser = await launchChromium(this);
    buildWeb();
  });
  after(() => session.browser?.close());
  beforeEach(async () => {
    const db = await openTestDb();
    await db.write((m) => loadDemoCatalog(m));
    session.api = await startTestServer(db);
    session.origin = new URL(session.api.url).origin;
    session.context = await session.browser.newContext({ viewport });
    session.page = await session.context.newPage();
    session.seen = watchPage(session.page, session.origin);
  });
  afterEach(async () => {
    await session.context?.close();
    await session.api?.close();
  });
  return session;
}

/** Opens the console and signs in with `key`, as a person does: the key form, then the role shown. */
export async function signIn(session: Pick<ConsoleSession, "page" | "origin">, key: string): Promise<void> {
  await session.page.goto(`${session.origin}/admin`);
  await session.page.fill("#key", key);
  await session.page.click("#key-form button[type=submit]");
  await session.page.waitForSelector("#role");
}
