import { expect } from "chai";
import fc from "fast-check";
import { DATABASE_LIMIT_VARIABLES, DEFAULT_DATABASE_LIMITS, DatabaseLimits, loadConfig } from "../../src/config";

const LIMITS = Object.entries(DATABASE_LIMIT_VARIABLES) as [keyof DatabaseLimits, { name: string; min: number; max: number }][];

/** Text a person might put in an environment variable meant to hold a number. */
const numberish = fc.oneof(
  fc.integer({ min: -10, max: 4_000_000 }).map(String),
  fc.integer({ min: 1, max: 100 }).map((n) => ` ${n} `),
  fc.constantFrom("", " ", "0", "1.5", "1e3", "0x10", "+5", "Infinity", "NaN", "10s", "١٢", "9007199254740993"),
  fc.string({ maxLength: 12 }),
);

describe("Database settings from the environment", () => {
  it("takes every pool size and time limit as a whole number within its bounds, or refuses to start naming the variable", () => {
    fc.assert(fc.property(fc.constantFrom(...LIMITS), numberish, ([key, { name, min, max }], raw) => {
      let limits: Partial<DatabaseLimits> | undefined;
      try {
        limits = loadConfig({ [name]: raw }).database.limits;
      } catch (error) {
        expect((error as Error).message).to.include(name);
        expect(/^\d+$/.test(raw.trim()) && Number(raw) >= min && Number(raw) <= max, `refused ${JSON.stringify(raw)}`).to.equal(false);
        return;
      }
      const expected = raw.trim() === "" ? DEFAULT_DATABASE_LIMITS[key] : Number(raw.trim());
      expect(limits![key]).to.equal(expected);
      expect(Number.isSafeInteger(expected) && expected >= min && expected <= max).to.equal(true);
    }), { numRuns: 500 });
  });

  it("keeps /healthz under a second: its own wait is at most 950 ms", () => {
    expect(() => loadConfig({ HEALTH_TIMEOUT_MS: "1000" })).to.throw(/HEALTH_TIMEOUT_MS must be a whole number from 50 to 950/);
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: "5" }), "a limit that would fail ordinary work").to.throw(/from 100 to/);
    expect(loadConfig({}).database.limits).to.deep.equal(DEFAULT_DATABASE_LIMITS);
  });

  it("takes DATABASE_READ_URL beside a MySQL DATABASE_URL only, and never prints its password", () => {
    const config = loadConfig({ DATABASE_URL: "mysql://oms:pw1@primary:3306/oms", DATABASE_READ_URL: "mysql://ro:s3cret@replica:3307/oms" });
    expect(config.database.readUrl).to.equal("mysql://ro:s3cret@replica:3307/oms");
    expect(config.database.readDisplay).to.equal("MySQL replica:3307/oms as ro");
    expect(() => loadConfig({ DATABASE_READ_URL: "mysql://replica/oms" })).to.throw(/DATABASE_READ_URL needs a mysql:\/\/ DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://primary/oms", DATABASE_READ_URL: "postgres://replica/oms" })).to.throw(/DATABASE_READ_URL/);
    expect(loadConfig({ DATABASE_URL: "mysql://primary/oms", DATABASE_READ_URL: " " }).database.readUrl).to.equal(undefined);
  });
});
