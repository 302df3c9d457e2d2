import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getIntrospectionQuery, IntrospectionQuery } from "graphql";
import { TestServer, startTestServer } from "../support/server";

const ROOT = join(__dirname, "..", "..");

/** graphql-schema-linter with the rules in package.json, over one schema file: its exit status and report. */
function lint(file: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules/graphql-schema-linter/lib/cli.js"), "--config-directory", ROOT, file], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("A described, linted schema", () => {
  let api: TestServer;
  before(async () => {
    api = await startTestServer();
  });
  after(() => api.close());

  it("describes every type, field, argument, input field and enum value a client sees through introspection", async () => {
    const res = await api.gql(getIntrospectionQuery());
    const schema = res.data as IntrospectionQuery;
    const missing: string[] = [];
    for (const type of schema.__schema.types) {
      if (type.name.startsWith("__") || ["String", "Int", "Boolean", "ID", "Float"].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (type.kind === "OBJECT" || type.kind === "INTERFACE") {
        for (const field of type.fields) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (type.kind === "INPUT_OBJECT") for (const field of type.inputFields) if (!field.description) missing.push(`${type.name}.${field.name}`);
      if (type.kind === "ENUM") for (const value of type.enumValues) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).to.deep.equal([]);
    const viewer = schema.__schema.types.find((t) => t.name === "Viewer");
    const role = viewer && "fields" in viewer ? viewer.fields.find((f) => f.name === "role") : undefined;
    expect(role?.type).to.deep.include({ kind: "NON_NULL", ofType: { kind: "ENUM", name: "Role", ofType: null } });
  });

  it("passes graphql-schema-linter with every rule on, and the linter catches a missing description", function () {
    this.timeout(60_000);
    const committed = lint(join(ROOT, "schema/schema.graphql"));
    expect(committed.status, committed.output).to.equal(0);
    const broken = join(mkdtempSync(join(tmpdir(), "schema-lint-")), "schema.graphql");
    writeFileSync(broken, readFileSync(join(ROOT, "schema/schema.graphql"), "utf8").replace(/"""\s*The shop's SKU: unique, at most 64 characters\s*"""\n/, ""));
    const result = lint(broken);
    expect(result.status).to.equal(1);
    expect(result.output).to.contain("Product.sku").and.contain("fields-have-descriptions");
  });
});
