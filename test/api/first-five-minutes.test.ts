import { expect } from "chai";
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphql } from "../support/graphql";
import { graphQLClient } from "../support/server";

const ROOT = join(__dirname, "..", "..");

/** `npm start` as a newcomer runs it (node scripts/start.js), in a copy of the project, until the server is ready. */
async function npmStart(dir: string): Promise<{ output: () => string; child: ChildProcess; stop: () => Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", DEMO_DATA: "auto", LOG_LEVEL: "info" };
  for (const name of ["DATABASE_URL", "ADMIN_API_KEY", "ADMIN_API_KEYS", "SUPPORT_API_KEY", "SUPPORT_API_KEYS", "NODE_ENV"]) delete env[name];
  const child = spawn(process.execPath, ["scripts/start.js"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 150 s:\n${output}`)), 150_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (/└─+┘/.test(output)) { clearTimeout(timer); setTimeout(resolve, 500); } // and whatever would follow it
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`exited with ${code}:\n${output}`)); });
  });
  return { output: () => output, child, stop: async () => { child.kill("SIGTERM"); await exited; } };
}

describe("The first five minutes: npm start, the generated key, resetting the demo", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "oms-newcomer-"));
    for (const path of ["src", "web", "scripts", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"]) {
      cpSync(join(ROOT, path), join(dir, path), { recursive: true });
    }
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("says it is compiling on the first start, then prints where to go and the generated admin key in a box after the log lines", async function () {
    this.timeout(200_000);
    const first = await npmStart(dir);
    try {
      expect(first.output()).to.match(/^Compiling the TypeScript \(first start: nothing is built yet\)/);
      expect(first.output()).to.match(/Compiled in \d+\.\d s\. Starting the server/);
      const box = first.output().slice(first.output().lastIndexOf("┌"));
      const key = /\n {2}│ {5}(\S+) +│\n/.exec(box)?.[1];
      expect(key, box).to.be.a("string").with.length.above(20);
      expect(box).to.contain("Console:  http://localhost:").and.contain("Demo catalog loaded");
      const afterBox = first.output().slice(first.output().lastIndexOf("┘"));
      expect(afterBox, "nothing logged after the box at start-up").not.to.contain('{"level"');
      expect(first.output().slice(0, first.output().indexOf("┌")), "the key is not in the JSON log").not.to.contain(key!);
      const url = /ready: (http:\/\/\S+\/graphql)/.exec(box)![1];
      const viewer = await graphQLClient(url, `Bearer ${key}`)(graphql(`query NewcomerViewer { viewer { role } }`));
      expect(viewer.errors, JSON.stringify(viewer.errors)).to.equal(undefined);
      expect(viewer.data.viewer.role).to.equal("ADMIN");
    } finally {
      await first.stop();
    }
  });

  it("starts without compiling when no source changed, and compiles again after an edit", async function () {
    this.timeout(200_000);
    const again = await npmStart(dir);
    await again.stop();
    expect(again.output()).to.match(/^Sources unchanged since the last build: starting the server\./);
    expect(again.output()).not.to.contain("Compiling");
    expect(again.output()).not.to.contain("Demo catalog loaded"); // the database is kept between starts
    appendFileSync(join(dir, "src", "config.ts"), "\n// an edit\n");
    const edited = await npmStart(dir);
    await edited.stop();
    expect(edited.output()).to.match(/^Compiling the TypeScript \(sources changed since the last build\)/);
  });

  it("resets the demo catalog with npm run demo:reset, and never a database named by DATABASE_URL", async function () {
    this.timeout(200_000);
    expect(existsSync(join(dir, "data", "oms.sqlite"))).to.equal(true);
    const refused = spawnSync(process.execPath, ["scripts/reset-demo.js"], { cwd: dir, env: { ...process.env, DATABASE_URL: "mysql://root@127.0.0.1/x" }, encoding: "utf8" });
    expect(refused.status).to.equal(1);
    expect(existsSync(join(dir, "data", "oms.sqlite"))).to.equal(true);
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const reset = spawnSync(process.execPath, ["scripts/reset-demo.js"], { cwd: dir, env, encoding: "utf8" });
    expect(reset.status).to.equal(0);
    expect(reset.stdout).to.contain("Deleted data/oms.sqlite");
    expect(existsSync(join(dir, "data", "oms.sqlite"))).to.equal(false);
    const fresh = await npmStart(dir);
    await fresh.stop();
    expect(fresh.output()).to.contain("Demo catalog loaded");
  });
});
