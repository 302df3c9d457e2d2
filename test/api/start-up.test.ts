import { expect } from "chai";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, parseDatabaseUrl } from "../../src/config";
import { createLogger } from "../../src/api/request-log";
import { startService } from "../../src/start";
import { graphql } from "../support/graphql";
import { graphQLClient } from "../support/server";

const quiet = [createLogger("silent"), () => undefined] as const;

describe("Start-up", () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "oms-start-")); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const embedded = (file: string) => ({ ...loadConfig({ PORT: "0" }), database: { kind: "sqlite" as const, url: file, display: file, embedded: true } });

  it("loads the demo catalog into a brand-new embedded database only, once", async () => {
    const file = join(dir, "data", "oms.sqlite");
    const first = await startService(embedded(file), ...quiet);
    const gql = graphQLClient(first.url, `Bearer ${first.generatedAdminKey}`);
    const body = await gql(graphql(`query DemoCounts { purchaseOrders { totalCount } preOrders { totalCount } }`));
    await first.stop();
    expect(first.demoLoaded).to.equal(true);
    expect(body.data.purchaseOrders.totalCount).to.equal(1);
    expect(body.data.preOrders.totalCount).to.be.greaterThan(3);
    const second = await startService(embedded(file), ...quiet);
    await second.stop();
    expect(second.demoLoaded).to.equal(false);
  });

  it("never loads demo data with DEMO_DATA=off or into a database named by DATABASE_URL", async () => {
    const off = await startService({ ...embedded(join(dir, "a.sqlite")), demoData: "off" }, ...quiet);
    await off.stop();
    expect(off.demoLoaded).to.equal(false);
    const named = await startService({ ...loadConfig({ PORT: "0", DATABASE_URL: `sqlite:${join(dir, "b.sqlite")}` }) }, ...quiet);
    await named.stop();
    expect(named.demoLoaded).to.equal(false);
  });

  it("reads the database from DATABASE_URL and never prints a password", () => {
    expect(parseDatabaseUrl(undefined)).to.include({ kind: "sqlite", url: "data/oms.sqlite", embedded: true });
    expect(parseDatabaseUrl("sqlite::memory:")).to.include({ kind: "sqlite", url: ":memory:" });
    const mysql = parseDatabaseUrl("mysql://oms:s3cret@db.local:3307/oms");
    expect(mysql.kind).to.equal("mysql");
    expect(mysql.display).to.not.include("s3cret");
    expect(() => parseDatabaseUrl("postgres://x")).to.throw(/DATABASE_URL/);
    expect(() => loadConfig({ PORT: "eighty" })).to.throw(/PORT/);
  });

  it("answers /healthz and stops cleanly on SIGTERM", async function () {
    this.timeout(60_000);
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "src/server.ts"], {
      env: { ...process.env, PORT: "0", DATABASE_URL: "sqlite::memory:", TS_NODE_TRANSPILE_ONLY: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        out += chunk;
        const match = /ready at (http\S+?\/graphql)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.on("exit", () => reject(new Error(`server exited early: ${out}`)));
    });
    const health = await fetch(url.replace(/graphql$/, "healthz"));
    expect(health.status).to.equal(200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).to.equal(0);
    expect(out).to.match(/SIGTERM/);
  });
});
