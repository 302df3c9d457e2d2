import "reflect-metadata";
import { testClock } from "./clock";

// Tests talk to the database named by TEST_DATABASE_URL (or DATABASE_URL); SQLite in memory otherwise.
process.env.DEMO_DATA = "off";

/**
 * Mocha root hooks (.mocharc.json requires this file): the service in this process reads the
 * test clock for the whole run, and every test starts at RUN_NOON, whatever the one before did.
 */
export const mochaHooks = {
  beforeAll(): void {
    testClock.install();
  },
  beforeEach(): void {
    testClock.reset();
  },
  afterAll(): void {
    testClock.uninstall();
  },
};
