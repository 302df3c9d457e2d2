import { EdgeConfig } from "../config";
import { Db } from "../db";
import { PendingPurge, cacheTagOf, claimPendingPurges, deferPurges, deleteDonePurges, markPurgesDone } from "../domain";

/** Where the worker reports what it did; pino's logger fits. */
export interface PurgeLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** What one batch did. */
export interface PurgeBatch {
  claimed: number;
  purged: number;
  failed: number;
}

/** The header a Varnish cache with deploy/varnish/default.vcl reads the tags to purge from (space-separated). */
export const PURGE_TAG_HEADER = "xkey-purge";
/** Tags per purge request: keeps the header under 4 KB, far from Varnish's 8 KB limit. */
const HEADER_BUDGET = 4000;
/** The first retry's wait; each further try doubles it, up to PURGE_RETRY_MAX_MS. */
const FIRST_RETRY_MS = 250;
/** A cache that has not answered by then counts as down for this try. */
const PURGE_TIMEOUT_MS = 2000;
/** Done rows deleted per statement, and how often the worker deletes them. */
const CLEANUP_BATCH = 1000;
const CLEANUP_EVERY_MS = 10_000;

/**
 * The purge worker: claims pending rows of the purge outbox (src/domain/edge), purges their SKUs'
 * tags in every cache of PURGE_CACHE_URLS and marks them done only when every cache answered 2xx;
 * otherwise the rows wait for a later try, with a doubling backoff, so a cache that was down is
 * purged once it is back. Several workers may run on several machines: on MySQL/MariaDB the
 * claim is a locking read that skips rows another worker holds, and the rows stay locked (the
 * transaction open) until they are marked, so a worker killed mid-batch leaves them pending for
 * the next. On SQLite the server runs one worker in its own process, claiming and marking through
 * the write queue in two short transactions (never holding the queue during the HTTP calls).
 */
export class PurgeWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastCleanup = 0;

  constructor(
    private readonly db: Db,
    private readonly config: Pick<EdgeConfig, "purgeUrls" | "purgeIntervalMs" | "purgeBatchSize" | "purgeRetryMaxMs" | "purgeKeepDoneSeconds">,
    private readonly log: PurgeLog,
  ) {}

  /** Runs batches until stop(): at once while there is work, every PURGE_INTERVAL_MS when idle. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let batch: PurgeBatch = { claimed: 0, purged: 0, failed: 0 };
        try {
          batch = await this.runOnce();
          await this.cleanUp();
        } catch (error) {
          this.log.warn({ err: error }, "Purge batch failed; its rows stay pending");
        }
        if (batch.claimed < this.config.purgeBatchSize || batch.failed > 0) await this.sleep(this.config.purgeIntervalMs);
      }
    })();
  }

  /** Stops after the batch under way (whose rows are then marked as usual). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** One batch: claim, purge in every cache, mark done or put back for later. */
  async runOnce(): Promise<PurgeBatch> {
    const { purgeBatchSize } = this.config;
    if (this.db.dialect.name === "mysql") {
      return this.db.write(async (m) => {
        const rows = await claimPendingPurges(m, purgeBatchSize);
        const failure = rows.length ? await this.purge(rows) : null;
        await this.settle(rows, failure, (ids, at) => markPurgesDone(m, ids, at), (ids, retryAt, why) => deferPurges(m, ids, retryAt, why));
        return batchOf(rows, failure);
      });
    }
    const rows = await this.db.write((m) => claimPendingPurges(m, purgeBatchSize));
    const failure = rows.length ? await this.purge(rows) : null;
    await this.settle(rows, failure,
      (ids, at) => this.db.write((m) => markPurgesDone(m, ids, at)),
      (ids, retryAt, why) => this.db.write((m) => deferPurges(m, ids, retryAt, why)));
    return batchOf(rows, failure);
  }

  private async settle(
    rows: PendingPurge[], failure: string | null,
    done: (ids: number[], at: Date) => Promise<void>, defer: (ids: number[], retryAt: Date, why: string) => Promise<void>,
  ): Promise<void> {
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    if (!failure) {
      await done(ids, new Date());
      return;
    }
    const attempts = Math.max(...rows.map((r) => r.attempts));
    const wait = Math.min(this.config.purgeRetryMaxMs, FIRST_RETRY_MS * 2 ** Math.min(attempts, 20));
    await defer(ids, new Date(Date.now() + wait), failure);
    this.log.warn({ rows: rows.length, attempts: attempts + 1, retryInMs: wait, error: failure }, "Purge failed; will retry");
  }

  /** Purges the rows' tags in every cache; null when every cache answered 2xx to every request, else why not. */
  private async purge(rows: PendingPurge[]): Promise<string | null> {
    const tags = [...new Set(rows.map((r) => cacheTagOf(r.sku)))].sort();
    const requests = headerChunks(tags);
    const failures = await Promise.all(this.config.purgeUrls.map(async (url) => {
      for (const header of requests) {
        try {
          const response = await fetch(url, { method: "PURGE", headers: { [PURGE_TAG_HEADER]: header }, signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
          await response.arrayBuffer();
          if (response.status < 200 || response.status > 299) return `${url} answered ${response.status}`;
        } catch (error) {
          return `${url}: ${(error as Error).message}`;
        }
      }
      return null;
    }));
    return failures.filter(Boolean).join("; ") || null;
  }

  private async cleanUp(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    const before = new Date(Date.now() - this.config.purgeKeepDoneSeconds * 1000);
    // Bounded batches, each its own short transaction, so cleaning never holds many locks.
    for (let i = 0; i < 20; i++) {
      if ((await this.db.write((m) => deleteDonePurges(m, before, CLEANUP_BATCH))) < CLEANUP_BATCH) break;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => { clearTimeout(timer); resolve(); };
    });
  }
}

const batchOf = (rows: PendingPurge[], failure: string | null): PurgeBatch =>
  ({ claimed: rows.length, purged: failure ? 0 : rows.length, failed: failure ? rows.length : 0 });

/** Tags joined by spaces, as few headers as keep each under HEADER_BUDGET bytes. */
function headerChunks(tags: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const tag of tags) {
    if (current && current.length + 1 + tag.length > HEADER_BUDGET) {
      out.push(current);
      current = "";
    }
    current = current ? `${current} ${tag}` : tag;
  }
  if (current) out.push(current);
  return out;
}
