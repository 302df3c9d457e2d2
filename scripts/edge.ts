/**
 * `npm run edge`: Varnish (Debian's varnish and varnish-modules, for xkey) in front of a running
 * server, with deploy/varnish/default.vcl. It listens on 127.0.0.1 on a free port (or EDGE_PORT),
 * works in its own folder under the temp dir (-n), runs in the foreground of this process (-F)
 * and is stopped by its PID, never by name.
 *
 *   npm run edge -- http://127.0.0.1:4000     # the server's URL (default http://127.0.0.1:4000)
 *
 * Tests and npm run load:edge use startVarnish() from here. Then point PURGE_CACHE_URLS at the
 * URL it prints.
 */
import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const VARNISHD = "/usr/sbin/varnishd";
const VCL = join(__dirname, "..", "deploy", "varnish", "default.vcl");

/** True when varnishd and the xkey vmod are installed (Debian: varnish, varnish-modules). */
export function varnishAvailable(): boolean {
  if (!existsSync(VARNISHD)) return false;
  const vmods = spawnSync(VARNISHD, ["-x", "parameter"], { encoding: "utf8" }).stdout ?? "";
  const path = /vmod_path\s+Value is: (\S+)/.exec(vmods)?.[1] ?? "/usr/lib/x86_64-linux-gnu/varnish/vmods";
  return path.split(":").some((dir) => existsSync(join(dir, "libvmod_xkey.so")));
}

export interface Varnish {
  /** http://127.0.0.1:<port>: GET lookups at <url>/graphql, PURGE at <url>/. */
  url: string;
  port: number;
  pid: number;
  backendPort: number;
  /** Its -n working folder (varnishstat -n reads it). */
  workDir: string;
  /** Stops this varnishd (by PID) and waits for it; keeps its working folder unless `remove`. */
  stop(remove?: boolean): Promise<void>;
  /** Starts it again on the same port and folder after stop() (an empty cache, as after a restart). */
  restart(): Promise<void>;
  output(): string;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The repository's VCL with the backend port (and host) filled in. */
export function vclFor(backendHost: string, backendPort: number): string {
  return readFileSync(VCL, "utf8")
    .replace(/\.host = "127\.0\.0\.1";/, `.host = "${backendHost}";`)
    .replace(/\.port = "4000";/, `.port = "${backendPort}";`);
}

/** Starts varnishd in front of the server at `backend` (http://host:port) and waits until it answers. */
export async function startVarnish(backend: string, options: { port?: number; memoryMb?: number } = {}): Promise<Varnish> {
  const target = new URL(backend);
  const backendPort = Number(target.port || 80);
  const dir = mkdtempSync(join(tmpdir(), "oms-varnish-"));
  writeFileSync(join(dir, "default.vcl"), vclFor(target.hostname, backendPort));
  const port = options.port ?? await freePort();
  let child: ChildProcess | undefined;
  let output = "";
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    output = "";
    child = spawn(VARNISHD, [
      "-F", "-n", join(dir, "work"), "-a", `127.0.0.1:${port}`, "-f", join(dir, "default.vcl"),
      "-s", `malloc,${options.memoryMb ?? 256}m`, "-T", "none", "-j", "none",
      "-p", "thread_pool_min=50", "-p", "default_grace=0",
    ], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (d: Buffer) => { output += d.toString(); });
    child.stderr!.on("data", (d: Buffer) => { output += d.toString(); });
    const current = child;
    exited = new Promise((resolve) => current.once("exit", () => resolve()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (current.exitCode !== null || current.signalCode !== null) throw new Error(`varnishd exited before it was ready:\n${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
        await response.arrayBuffer();
        return; // Varnish answered (a 503 only says the server behind it is not up yet)
      } catch { /* not listening yet */ }
      if (Date.now() > deadline) {
        current.kill("SIGKILL");
        throw new Error(`varnishd did not answer within 30 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const stop = async (remove = false) => {
    if (child && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, "SIGTERM");
      const killed = setTimeout(() => { if (child?.exitCode === null && child.signalCode === null) process.kill(child.pid!, "SIGKILL"); }, 10_000);
      await exited;
      clearTimeout(killed);
    }
    if (remove) rmSync(dir, { recursive: true, force: true });
  };

  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get pid() { return child!.pid!; },
    backendPort,
    workDir: join(dir, "work"),
    stop,
    restart: launch,
    output: () => output,
  };
}

if (require.main === module) {
  (async () => {
    if (!varnishAvailable()) throw new Error("varnishd with the xkey vmod is not installed: apt-get install -y varnish varnish-modules");
    const backend = process.argv[2] ?? "http://127.0.0.1:4000";
    const port = process.env.EDGE_PORT ? Number(process.env.EDGE_PORT) : undefined;
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new Error(`EDGE_PORT must be a port number, got "${process.env.EDGE_PORT}"`);
    const varnish = await startVarnish(backend, { port });
    console.log(`Varnish (pid ${varnish.pid}) in front of ${backend}: ${varnish.url}/graphql`);
    console.log(`Purge it with the purge worker: PURGE_CACHE_URLS=${varnish.url}/ ; Ctrl-C stops it.`);
    const bye = () => void varnish.stop(true).then(() => process.exit(0));
    process.once("SIGINT", bye);
    process.once("SIGTERM", bye);
  })().catch((error) => {
    console.error(`edge: ${(error as Error).message}`);
    process.exit(1);
  });
}
