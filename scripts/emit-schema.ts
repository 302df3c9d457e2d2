import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "../src/api/schema";

/** Writes schema/schema.graphql from the code; with --check, fails when the committed file differs. */
async function main(): Promise<void> {
  const file = "schema/schema.graphql";
  const text = `${printSchema(lexicographicSortSchema(await schema()))}\n`;
  if (process.argv.includes("--check")) {
    const committed = readFileSync(file, "utf8");
    if (committed !== text) {
      console.error(`${file} is stale: run "npm run schema:emit" and commit the result.`);
      process.exit(1);
    }
    console.log(`${file} matches the code.`);
    return;
  }
  writeFileSync(file, text);
  console.log(`Wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
