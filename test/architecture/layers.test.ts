import { expect } from "chai";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const SRC = resolve(__dirname, "..", "..", "src");

/** Every .ts file under a directory. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The project files a source file imports (relative imports only), as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s+"(\.{1,2}\/[^"]*)"/g)].map((m) => relative(SRC, resolve(dirname(file), m[1])));
}

/** The layer a path under src/ belongs to: its first folder, or the file itself at the top. */
const layerOf = (path: string): string => path.split(sep)[0].replace(/\.ts$/, "");

/** Who may import whom: each layer may use the layers listed, nothing that sits above it. */
const MAY_IMPORT: Record<string, string[]> = {
  entities: [],
  errors: [],
  config: ["auth"],
  migrations: ["db"],
  db: ["entities", "errors", "config", "migrations"],
  domain: ["db", "entities", "errors"],
  auth: [],
  api: ["auth", "config", "db", "domain", "entities", "errors"],
  http: ["api", "auth", "config", "db"],
  edge: ["config", "db", "domain"],
  start: ["api", "auth", "config", "db", "domain", "edge", "http"],
  server: ["api", "config", "start"],
};

describe("The house: one direction of imports", () => {
  it("runs http → api → domain → db → entities, nothing back up", () => {
    const wrong: string[] = [];
    for (const file of files(SRC)) {
      const from = layerOf(relative(SRC, file));
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to !== from && !(MAY_IMPORT[from] ?? []).includes(to)) wrong.push(`${relative(SRC, file)} -> ${target}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it("has a capability use another only through its index.ts", () => {
    const wrong: string[] = [];
    for (const file of files(join(SRC, "domain"))) {
      const path = relative(join(SRC, "domain"), file).split(sep);
      for (const target of importsOf(file)) {
        const parts = target.split(sep);
        if (parts[0] !== "domain" || parts.length < 3) continue;
        const crosses = path.length > 1 && parts[1] !== path[0];
        if (crosses && parts.length > 2 && parts[2] !== "index") wrong.push(`${relative(SRC, file)} -> ${target}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it("keeps src/domain's top level to its index, and the question of which database to the db layer and migrations", () => {
    expect(readdirSync(join(SRC, "domain")).filter((name) => name.endsWith(".ts"))).to.deep.equal(["index.ts"]);
    const asking = files(SRC)
      .filter((file) => !["db", "migrations"].includes(layerOf(relative(SRC, file))))
      .filter((file) => /better-sqlite3|options\.type|isMySql/.test(readFileSync(file, "utf8")));
    expect(asking.map((file) => relative(SRC, file))).to.deep.equal([]);
  });
});
