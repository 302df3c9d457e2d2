import { testClock } from "./clock";

/**
 * The root hooks of test/support/setup.ts, as a spec file for mutation runs (stryker.*.conf.json
 * lists it first). A file loaded through mocha's `require` is loaded once, before Stryker
 * activates a mutant, so the src modules it imports would never see a mutant of a module-level
 * constant (the SQL strings of src/domain/allocation/rules.ts); a spec file is reloaded.
 */
process.env.DEMO_DATA = "off";
before(() => testClock.install());
beforeEach(() => testClock.reset());
after(() => testClock.uninstall());
