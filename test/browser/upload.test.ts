import { expect } from "chai";
import { Page } from "playwright-core";
import { inDays } from "../support/clock";
import { allocate } from "../support/scenario";
import { TEST_KEYS, TestServer } from "../support/server";
import { graphql } from "../support/graphql";
import { consoleOnDemoCatalog, signIn, screenshot, usabilityProblems, watchPage } from "./chromium";

/** A stored PO as the upload left it. */
const PO = graphql(`
  query UploadedPurchaseOrder($id: ID!) {
    purchaseOrder(id: $id) { id facilityId items { quantity orderBuffer bufferDays arrivalDate product { sku } } }
  }
`);


/** A day as the retailer's ERP writes it: 15.01.2027. */
const dayFirst = (iso: string) => iso.split("-").reverse().join(".");

/** A PO export with the ERP's own header names (NetSuite-like), day-first dates and a quoted facility. */
const EXPORT = () => [
  "Internal ID,Item,Expected Receipt Date,Qty,Location,Safety Stock,Buffer Days",
  `PO-2001,JACKET-NAVY-M,${dayFirst(inDays(30))},20,WH-MAIN,2,2`,
  `PO-2001,BOOT-TAN-42,${dayFirst(inDays(30))},12,WH-MAIN,0,0`,
  `PO-2002,JACKET-NAVY-L,${dayFirst(inDays(45))},8,"WH-NORTH, dock 2",0,1`,
].join("\r\n");

const MAPPING: Record<string, string> = {
  orderId: "Internal ID", productSku: "Item", arrivalDate: "Expected Receipt Date", quantity: "Qty", facilityId: "Location",
  orderBuffer: "Safety Stock", bufferDays: "Buffer Days",
};

describe("The console's PO upload page (headless Chromium, demo catalog)", function () {
  let page: Page;
  let api: TestServer;
  let seen: ReturnType<typeof watchPage>;

  const session = consoleOnDemoCatalog({ width: 1280, height: 900 });
  beforeEach(() => ({ page, api, seen } = session));

  async function openUpload(key: string = TEST_KEYS.admin): Promise<void> {
    await signIn(session, key);
    await page.click(".bar nav a[href='#/upload']");
  }
  async function mapColumns(mapping: Record<string, string>): Promise<void> {
    for (const [field, header] of Object.entries(mapping)) await page.selectOption(`#map-${field}`, header);
  }
  const storedPo = async (id: string) => (await api.gql(PO, { id })).data!.purchaseOrder;

  it("maps the ERP's column names, previews what the upload and Allocate Sales Orders would do (writing nothing), then uploads exactly that", async () => {
    await openUpload();
    await page.waitForSelector("#upload-csv");
    expect(await page.isDisabled("#upload-submit")).to.equal(true);
    expect(await usabilityProblems(page)).to.deep.equal([]);
    await page.fill("#upload-csv", EXPORT());
    await page.waitForSelector("#column-map");
    // The selects offer the file's own header names.
    expect(await page.locator("#map-orderId option").allInnerTexts()).to.deep.equal(["— choose a column —", ...EXPORT().split("\r\n")[0].split(",")]);
    expect(await page.innerText("#upload-status")).to.contain("Choose the column for: PO id, SKU, Arrival date, Quantity, Facility");
    expect(await page.isDisabled("#upload-preview")).to.equal(true);
    await mapColumns(MAPPING);
    await page.fill("#upload-date-format", "dd.MM.yyyy");
    expect(await page.innerText("#upload-status")).to.equal("Preview first: Upload sends exactly what was previewed.");
    expect(await page.isDisabled("#upload-submit")).to.equal(true);
    expect(await usabilityProblems(page)).to.deep.equal([]);

    await page.click("#upload-preview");
    await page.waitForSelector("#upload-summary");
    expect(await page.innerText("#upload-summary")).to.equal("The upload would create 2 POs (3 items). Allocate Sales Orders run on each right after would tie "
      + "6 waiting pre-order items (14 units). Nothing has been changed yet.");
    const previewed = await page.locator(".would-tie li").evaluateAll((li) => li.map((e) => [e.closest("[data-preview]")?.getAttribute("data-preview"), e.getAttribute("data-order")]));
    expect(previewed).to.deep.equal([
      ["PO-2001", "SO-DEMO-1001/00001"], ["PO-2001", "SO-DEMO-1002/00002"], ["PO-2001", "SO-DEMO-1003/00001"], ["PO-2001", "SO-DEMO-1004/00001"],
      ["PO-2001", "SO-DEMO-1005/00001"], ["PO-2002", "SO-DEMO-1002/00001"],
    ]);
    expect(await page.innerText("#upload-result [data-po='PO-2002'] h2")).to.equal("PO-2002 at WH-NORTH, dock 2");
    expect(await storedPo("PO-2001"), "a preview writes nothing").to.equal(null);
    await screenshot(page, "admin-upload-preview");

    // Changing anything after the preview asks for a new one.
    await page.fill("#upload-date-format", "dd/MM/yyyy");
    expect(await page.isDisabled("#upload-submit")).to.equal(true);
    await page.fill("#upload-date-format", "dd.MM.yyyy");
    expect(await page.isDisabled("#upload-submit")).to.equal(false);

    await page.click("#upload-submit");
    await page.locator("#upload-summary", { hasText: "Uploaded" }).waitFor();
    expect(await page.innerText("#upload-summary")).to.equal("Uploaded 2 POs (3 items). Open each to run Allocate Sales Orders on it.");
    const stored = await storedPo("PO-2001");
    expect(stored!.items.map((i) => [i.product.sku, i.quantity, i.orderBuffer, i.bufferDays, i.arrivalDate])).to.deep.equal([
      ["JACKET-NAVY-M", 20, 2, 2, inDays(30)], ["BOOT-TAN-42", 12, 0, 0, inDays(30)],
    ]);
    expect((await storedPo("PO-2002"))!.facilityId).to.equal("WH-NORTH, dock 2");
    // What the preview said Allocate Sales Orders would tie is what it ties.
    const tied = [...(await allocate(api, "PO-2001")).allocations, ...(await allocate(api, "PO-2002")).allocations];
    expect(tied.map((a) => [a.purchaseOrderId, `${a.orderId}/${a.seqId}`])).to.deep.equal(previewed);
    expect(await page.isDisabled("#upload-submit"), "the same text cannot be sent twice by accident").to.equal(true);
    expect(seen.consoleErrors).to.deep.equal([]);
  });

  it("lists every bad row with its line number and writes nothing", async () => {
    await openUpload();
    await page.fill("#upload-csv", EXPORT().replace("BOOT-TAN-42", "BOOT-NONE").replace("20,WH-MAIN", "0,WH-MAIN"));
    await mapColumns(MAPPING);
    await page.fill("#upload-date-format", "dd.MM.yyyy");
    await page.click("#upload-preview");
    await page.waitForSelector("#upload-errors");
    const lines = await page.locator("#upload-errors li").evaluateAll((li) => li.map((e) => e.getAttribute("data-line")));
    expect(lines).to.deep.equal(["2", "3"]);
    expect(await page.innerText("#upload-errors li[data-line='3']")).to.contain("BOOT-NONE");
    expect(await page.isDisabled("#upload-submit")).to.equal(true);
    expect(await storedPo("PO-2001")).to.equal(null);
  });

  it("reads a chosen file, and remembers the mapping in this browser for the next upload", async () => {
    await openUpload();
    await page.setInputFiles("#upload-file", { name: "erp-export.csv", mimeType: "text/csv", buffer: Buffer.from(EXPORT()) });
    await page.waitForSelector("#column-map");
    expect(await page.inputValue("#upload-csv")).to.equal(EXPORT().replaceAll("\r\n", "\n")); // a text box keeps LF line ends
    await mapColumns(MAPPING);
    await page.fill("#upload-date-format", "dd.MM.yyyy");
    await page.click("#upload-preview");
    await page.waitForSelector("#upload-summary");

    await page.click(".bar nav a[href='#/']");
    await page.waitForSelector("#po-list");
    await page.click(".bar nav a[href='#/upload']");
    await page.setInputFiles("#upload-file", { name: "erp-export.csv", mimeType: "text/csv", buffer: Buffer.from(EXPORT()) });
    await page.waitForSelector("#column-map");
    for (const [field, header] of Object.entries(MAPPING)) expect(await page.inputValue(`#map-${field}`), field).to.equal(header);
  });

  it("tells a support key that uploading needs the admin key", async () => {
    await openUpload(TEST_KEYS.support);
    await page.waitForSelector("#upload-reason");
    expect(await page.innerText("#upload-reason")).to.contain("needs the admin key");
    expect(await page.locator("#upload-csv").count()).to.equal(0);
  });

  it("fits a 420 px wide screen without sideways scroll, preview included", async () => {
    await page.setViewportSize({ width: 420, height: 860 });
    await openUpload();
    await page.fill("#upload-csv", EXPORT());
    await mapColumns(MAPPING);
    await page.fill("#upload-date-format", "dd.MM.yyyy");
    await page.click("#upload-preview");
    await page.waitForSelector("#upload-summary");
    expect(await usabilityProblems(page)).to.deep.equal([]);
  });
});
