import { expect } from "chai";
import { Db } from "../src/db";
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
});
