import { execFileSync } from "node:child_process";
import { join } from "node:path";

let built = false;

/**
 * Compiles web/ (the console's and GraphiQL's TypeScript, with the console's generated
 * documents) into dist/web/ once per test run, so `npm test` and `npx mocha <file>` work on a
 * fresh checkout and never test a stale build.
 */
export function buildWeb(): void {
  if (built) return;
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(__dirname, "..", "..", "web", "tsconfig.json")], { stdio: "inherit" });
  built = true;
}
