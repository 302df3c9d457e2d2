import { expect } from "chai";
import { ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { join } from "node:path";
import { Db } from "../../src/db";
import { deleteDonePurges, queuePromisePurgeBySku } from "../../src/domain";
import { PurgeWorker } from "../../src/edge/purge-worker";
import { onMySql, openTestDb, testDatabaseConfig } from "../support/database";

const QUIET = { info: () => undefined, warn: () => undefined };
const ROOT = join(__dirname, "..", "..");

/** A stand-in cache: records the tags of every PURGE and answers what `answer` says (a status, or "hang": never). */
class FakeCache {
  purged: string[][] = [];
  answer: number | "hang" = 200;
  private held: http.ServerResponse[] = [];
  private server = http.createServer((req, res) => {
    this.purged.push(String(req.headers["xkey-purge"] ?? "").split(" "));
    if (this.answer === "hang") this.held.push(res);
    else res.writeHead(this.answer).end();
  });
  url = "";
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/`;
    return this;
  }
  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const settings = (urls: string[]) => ({ purgeUrls: urls, purgeIntervalMs: 20, purgeBatchSize: 500, purgeRetryMaxMs: 200, purgeKeepDoneSeconds: 3600 });

async function waitFor(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("The purge worker: none lost", function () {
  this.timeout(120_000);
  let db: Db;
  before(async () => { db = await openTestDb(); });
  after(() => db.close());
  beforeEach(() => db.write((m) => m.query("DELETE FROM promise_purge")));

  const rows = (): Promise<{ sku: string; done: number; attempts: number; last_error: string | null }[]> =>
    db.read((m) => m.query("SELECT sku, done, attempts, last_error FROM promise_purge ORDER BY purge_id"));
  const queue = (...skus: string[]) => db.write((m) => queuePromisePurgeBySku(m, skus));

  it("marks rows done only when every cache answered 2xx, and retries the rest with backoff until they do", async () => {
    const up = await new FakeCache().start();
    const failing = await new FakeCache().start();
    failing.answer = 503;
    const worker = new PurgeWorker(db, settings([up.url, failing.url]), QUIET);
    try {
      await queue("A", "B c");
      const first = await worker.runOnce();
      expect(first).to.deep.equal({ claimed: 2, purged: 0, failed: 2 });
      expect(up.purged).to.deep.equal([["A", "B_20c"]]);
      expect((await rows()).map((r) => [Number(r.done), Number(r.attempts)])).to.deep.equal([[0, 1], [0, 1]]);
      expect((await rows())[0].last_error).to.contain("503");
      expect(await worker.runOnce(), "not due yet: the backoff holds it back").to.deep.equal({ claimed: 0, purged: 0, failed: 0 });
      failing.answer = 200;
      await new Promise((r) => setTimeout(r, 300));
      expect(await worker.runOnce()).to.deep.equal({ claimed: 2, purged: 2, failed: 0 });
      expect(failing.purged.at(-1)).to.deep.equal(["A", "B_20c"]);
      expect((await rows()).every((r) => Number(r.done) === 1)).to.equal(true);
    } finally {
      await up.close();
      await failing.close();
    }
  });

  it("purges a cache that was unreachable once it answers again", async () => {
    const cache = await new FakeCache().start();
    const url = cache.url;
    await cache.close();
    const worker = new PurgeWorker(db, settings([url]), QUIET);
    await queue("A");
    expect((await worker.runOnce()).failed).to.equal(1);
    const back = new FakeCache();
    await new Promise<void>((resolve) => (back as unknown as { server: http.Server }).server.listen(Number(new URL(url).port), "127.0.0.1", resolve));
    back.url = url;
    try {
      worker.start();
      await waitFor(async () => (await rows()).every((r) => Number(r.done) === 1), "the purge after the cache came back");
      expect(back.purged).to.deep.equal([["A"]]);
    } finally {
      await worker.stop();
      await back.close();
    }
  });

  it("deletes done rows older than the keep time in bounded batches, never a pending one", async () => {
    await queue("A", "B", "C", "D");
    await db.write((m) => m.query("UPDATE promise_purge SET done = 1, done_at = ? WHERE sku <> 'D'", ["2020-01-01 00:00:00.000"]));
    expect(await db.write((m) => deleteDonePurges(m, new Date(), 2))).to.equal(2);
    expect(await db.write((m) => deleteDonePurges(m, new Date(), 2))).to.equal(1);
    expect((await rows()).map((r) => r.sku)).to.deep.equal(["D"]);
  });

  describe("several workers on MariaDB", () => {
    before(function () {
      if (!onMySql()) this.skip();
    });

    it("never purges a row twice at once: a worker's claim skips the rows another holds", async () => {
      const slow = await new FakeCache().start();
      const other = await Db.open(testDatabaseConfig());
      const skus = Array.from({ length: 40 }, (_, i) => `S${i}`);
      await queue(...skus);
      const a = new PurgeWorker(db, { ...settings([slow.url]), purgeBatchSize: 10 }, QUIET);
      const b = new PurgeWorker(other, { ...settings([slow.url]), purgeBatchSize: 10 }, QUIET);
      try {
        await Promise.all([a.runOnce(), b.runOnce(), a.runOnce().then(() => a.runOnce()), b.runOnce()]);
        const purged = slow.purged.flat();
        expect([...purged].sort()).to.deep.equal([...skus].sort());
        expect((await rows()).every((r) => Number(r.done) === 1)).to.equal(true);
      } finally {
        await slow.close();
        await other.close();
      }
    });

    it("loses nothing when a worker process is killed mid-batch: the next worker purges its rows", async () => {
      const cache = await new FakeCache().start();
      cache.answer = "hang";
      await queue("K1", "K2", "K3");
      const env = { ...process.env, DATABASE_URL: testDatabaseConfig().url, PURGE_CACHE_URLS: cache.url, PURGE_INTERVAL_MS: "20", LOG_LEVEL: "warn" };
      const spawnWorker = (): ChildProcess => spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/purge-worker.ts"], { cwd: ROOT, env, stdio: "ignore" });
      const first = spawnWorker();
      let second: ChildProcess | undefined;
      try {
        await waitFor(async () => cache.purged.length > 0, "the first worker's purge request", 60_000);
        const exited = new Promise((resolve) => first.once("exit", resolve));
        process.kill(first.pid!, "SIGKILL");
        await exited;
        expect((await rows()).map((r) => Number(r.done)), "killed before it could mark them").to.deep.equal([0, 0, 0]);
        cache.answer = 200;
        second = spawnWorker();
        await waitFor(async () => (await rows()).every((r) => Number(r.done) === 1), "the second worker's purge", 60_000);
        expect(cache.purged.at(-1)).to.deep.equal(["K1", "K2", "K3"]);
      } finally {
        if (first.exitCode === null && first.signalCode === null) process.kill(first.pid!, "SIGKILL");
        if (second && second.exitCode === null && second.signalCode === null) {
          const gone = new Promise((resolve) => second!.once("exit", resolve));
          process.kill(second.pid!, "SIGTERM");
          await gone;
        }
        await cache.close();
      }
    });
  });
});
