/**
 * The README's console screenshots (docs/console-*.png), taken in headless Chromium from the demo
 * catalog on a throwaway SQLite database: `npm run screenshots` (needs /usr/bin/chromium). Each
 * shot is a page as a merchandiser sees it after doing what its name says.
 */
import "reflect-metadata";
import { join } from "node:path";
import { chromium, Page } from "playwright-core";
import { parseDatabaseUrl } from "../src/config";
import { Db } from "../src/db";
import { loadDemoCatalog } from "../src/domain";
import { createApp } from "../src/http/app";
import { createLogger } from "../src/api/request-log";
import { buildWeb } from "../test/support/build-web";
import { CHROMIUM } from "../test/browser/chromium";

const OUT = join(__dirname, "..", "docs");
const KEY = "screenshots-admin-key-0123456789";

async function main(): Promise<void> {
  buildWeb();
  const db = await Db.open(parseDatabaseUrl("sqlite::memory:"));
  await db.write((m) => loadDemoCatalog(m));
  const app = await createApp(db, { keys: [{ name: "merchandiser", role: "admin", key: KEY }], logger: createLogger("silent") });
  const origin = new URL(await app.listen(0)).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    const shot = async (name: string, fullPage = true) => {
      await page.screenshot({ path: join(OUT, `console-${name}.png`), fullPage });
      console.log(`docs/console-${name}.png`);
    };
    await page.goto(`${origin}/admin`);
    await page.fill("#key", KEY);
    await page.click("#key-form button[type=submit]");
    await page.waitForSelector("#po-list tr[data-po='PO-DEMO-1']");
    await shot("find");

    // Before anything is tied: the upload's preview shows what Allocate Sales Orders would tie to the new POs.
    await page.click(".bar nav a[href='#/upload']");
    await page.waitForSelector("#upload-csv");
    await page.fill("#upload-csv", SAMPLE_EXPORT);
    await page.waitForSelector("#column-map");
    for (const [field, header] of Object.entries(SAMPLE_MAPPING)) await page.selectOption(`#map-${field}`, header);
    await page.fill("#upload-date-format", "dd.MM.yyyy");
    await page.click("#upload-preview");
    await page.waitForSelector("#upload-summary");
    await shot("upload-preview");
    await page.click(".bar nav a[href='#/']");
    await page.waitForSelector("#po-list tr[data-po='PO-DEMO-1']");


    await page.click("#po-list tr[data-po='PO-DEMO-1'] a");
    await page.waitForSelector("#po-items");
    await page.click("#preview");
    await page.waitForSelector("#preview-allocations");
    await shot("po-preview");
    await page.click("#allocate");
    await page.waitForSelector("#confirm-allocate[open]");
    await shot("po-confirm", false);
    await page.click("#confirm-allocate-button");
    await page.waitForSelector("#flash .notice-success");
    await page.fill("#receive-00001", "4");
    await page.click("#po-items form[data-line='00001'] button");
    await page.waitForSelector("#receive-summary");
    await shot("po-received");

    await page.click(".bar nav a[href='#/pre-orders']");
    await page.waitForSelector("#queue-list");
    await pick(page, "SO-DEMO-1003/00001");
    await page.fill("#redate-date", isoDay(60));
    await page.fill("#redate-reason", "Supplier delay on the boots");
    await page.click("#redate");
    await page.locator("#desk-summary", { hasText: "Promise date" }).waitFor();
    await shot("pre-orders");

    await page.setViewportSize({ width: 420, height: 860 });
    await page.click(".bar nav a[href='#/']");
    await page.waitForSelector("#po-list");
    await page.click("#po-list tr[data-po='PO-DEMO-1'] a");
    await page.waitForSelector("#po-items");
    await shot("po-narrow", false);
  } finally {
    await browser.close();
    await app.stop();
    await db.close();
  }
}

async function pick(page: Page, key: string): Promise<void> {
  await page.check(`#queue-list tr[data-order='${key}'] input.pick`);
}

function isoDay(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

/** A PO export as a retailer's ERP writes it: its own header names and day-first dates. */
const SAMPLE_EXPORT = [
  "Internal ID,Item,Expected Receipt Date,Qty,Location,Safety Stock,Buffer Days",
  `PO-2001,JACKET-NAVY-M,${dayFirst(isoDay(30))},20,WH-MAIN,2,2`,
  `PO-2001,BOOT-TAN-42,${dayFirst(isoDay(30))},12,WH-MAIN,0,0`,
  `PO-2002,JACKET-NAVY-L,${dayFirst(isoDay(45))},8,"WH-NORTH, dock 2",0,1`,
].join("\r\n");

const SAMPLE_MAPPING: Record<string, string> = {
  orderId: "Internal ID", productSku: "Item", arrivalDate: "Expected Receipt Date", quantity: "Qty", facilityId: "Location",
  orderBuffer: "Safety Stock", bufferDays: "Buffer Days",
};

function dayFirst(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
