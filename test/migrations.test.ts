import { expect } from "chai";
import { createConnection } from "mysql2/promise";
import { Db, fromSqlDate } from "../src/db";
import { CalendarDays1764400000000 } from "../src/migrations/1764400000000-calendar-days";
import { ensureMySqlDatabase, onMySql, openTestDb, testDatabaseConfig } from "./support/database";

describe("Migrations", () => {
  it(`leave TypeORM no pending schema change (${testDatabaseConfig().kind})`, async () => {
    const db = await openTestDb();
    try {
      const pending = await db.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).to.deep.equal([]);
    } finally {
      await db.close();
    }
  });

  it("turn the arrival and promise dates a v1 client sent with a time of day into their UTC day (2.0.0)", async () => {
    const db = await openTestDb();
    try {
      const runner = db.dataSource.createQueryRunner();
      try {
        await runner.query("INSERT INTO product (sku, name, inventory_available) VALUES ('M', 'M', 0)");
        const [{ product_id: product }] = await runner.query("SELECT product_id FROM product WHERE sku = 'M'");
        await runner.query(
          `INSERT INTO purchase_order_item (order_id, order_item_seq_id, product_id, quantity, order_buffer, buffer_days, allocated_quantity, estimated_delivery_date, status_id)
           VALUES ('PO-V1', '00001', ?, 5, 0, 0, 0, ?, 'ITEM_CREATED'), ('PO-V1', '00002', ?, 5, 0, 0, 0, ?, 'ITEM_CREATED')`,
          [product, "2027-01-15 22:30:00.000", product, "2027-01-16 00:00:00.000"],
        );
        await new CalendarDays1764400000000().up(runner);
        const rows: { estimated_delivery_date: unknown }[] = await runner.query("SELECT estimated_delivery_date FROM purchase_order_item WHERE order_id = 'PO-V1' ORDER BY order_item_seq_id");
        expect(rows.map((r) => fromSqlDate(r.estimated_delivery_date)!.toISOString())).to.deep.equal(["2027-01-15T00:00:00.000Z", "2027-01-16T00:00:00.000Z"]);
      } finally {
        await runner.release();
      }
    } finally {
      await db.close();
    }
  });

  it("let several servers start at once on a new MySQL database: one migrates, the others wait", async function () {
    if (!onMySql()) this.skip();
    const url = new URL(testDatabaseConfig().url);
    url.pathname = `${url.pathname}_fresh`;
    await ensureMySqlDatabase(url.toString(), { recreate: true });
    const config = { ...testDatabaseConfig(), url: url.toString() };
    const dbs = await Promise.all([Db.open(config), Db.open(config), Db.open(config)]);
    try {
      const [{ n }] = await dbs[0].read((m) => m.query("SELECT COUNT(*) AS n FROM migrations"));
      expect(Number(n)).to.equal(dbs[0].dataSource.migrations.length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await ensureMySqlDatabase(url.toString(), { drop: true });
    }
  });

  it("wait while another server (on any node of a cluster) holds the schema lock row, and take over a lease whose holder died", async function () {
    if (!onMySql()) this.skip();
    const url = new URL(testDatabaseConfig().url);
    url.pathname = `${url.pathname}_lease`;
    await ensureMySqlDatabase(url.toString(), { recreate: true });
    const config = { ...testDatabaseConfig(), url: url.toString() };
    const other = await createConnection(url.toString());
    try {
      await other.query("CREATE TABLE schema_lock (lock_id INT NOT NULL PRIMARY KEY, holder VARCHAR(120) NULL, expires_at DATETIME(3) NULL)");
      await other.query("INSERT INTO schema_lock VALUES (1, 'another-server', NOW(3) + INTERVAL 60 SECOND)");
      let opened: Db | undefined;
      const opening = Db.open(config).then((db) => (opened = db));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(opened, "opened while another server held the lock").to.equal(undefined);
      await other.query("UPDATE schema_lock SET holder = NULL, expires_at = NULL");
      const db = await opening;
      const [{ n }] = await db.read((m) => m.query("SELECT COUNT(*) AS n FROM migrations"));
      expect(Number(n)).to.equal(db.dataSource.migrations.length);
      await db.close();

      // A holder that died mid-migration: its lease ran out, the next server goes ahead.
      await other.query("UPDATE schema_lock SET holder = 'dead-server', expires_at = NOW(3) - INTERVAL 1 SECOND");
      const started = Date.now();
      await (await Db.open(config)).close();
      expect(Date.now() - started).to.be.below(10_000);
      const [[row]] = (await other.query("SELECT holder FROM schema_lock")) as unknown as [{ holder: string | null }[]];
      expect(row.holder, "released after migrating").to.equal(null);
    } finally {
      await other.end();
      await ensureMySqlDatabase(url.toString(), { drop: true });
    }
  });
});
