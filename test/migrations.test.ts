import { expect } from "chai";
import { openTestDb, testDatabaseConfig } from "./helpers";

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
});
