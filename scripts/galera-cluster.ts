import { execFile, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createConnection } from "mysql2/promise";

/**
 * A local three-node MariaDB Galera cluster (Debian's mariadb-server and galera-4), for
 * `npm run load:cluster` and for trying the service on a multi-primary cluster by hand:
 *
 *   npx ts-node scripts/galera-cluster.ts start    # prints the nodes' URLs and the folder holding cluster.json
 *   npx ts-node scripts/galera-cluster.ts stop [<dir>]
 *
 * Each node gets its own datadir under one temp folder (made world-writable: the rsync state
 * transfer drops privileges), and ports the OS says are free. Nodes are stopped by the PIDs this
 * script started, last node first. Nothing else on the machine is touched.
 */

export interface GaleraNode {
  name: string;
  pid: number;
  port: number;
  /** mysql://root@127.0.0.1:<port> (no database). */
  url: string;
}

export interface GaleraCluster {
  dir: string;
  nodes: GaleraNode[];
  /** Seconds it took to start. */
  startSeconds: number;
}

const PROVIDER = "/usr/lib/galera/libgalera_smm.so";
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ports nobody listens on right now, asked of the OS. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise<net.Server>((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => resolve(server));
  })));
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function nodeConfig(dir: string, i: number, ports: { sql: number[]; group: number[]; ist: number[]; sst: number[] }): string {
  const home = join(dir, `node${i + 1}`);
  return `[mysqld]
datadir=${home}/data
port=${ports.sql[i]}
socket=${home}/mysqld.sock
pid-file=${home}/mysqld.pid
log-error=${home}/error.log
bind-address=127.0.0.1
user=root
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=96M
innodb_log_file_size=48M
innodb_flush_log_at_trx_commit=2
max_connections=300
wsrep_on=ON
wsrep_provider=${PROVIDER}
wsrep_cluster_name=oms_local_${ports.group[0]}
wsrep_cluster_address=gcomm://${ports.group.map((p) => `127.0.0.1:${p}`).join(",")}
wsrep_node_address=127.0.0.1
wsrep_node_name=node${i + 1}
wsrep_node_incoming_address=127.0.0.1:${ports.sql[i]}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${ports.group[i]};ist.recv_addr=127.0.0.1:${ports.ist[i]};gcache.size=64M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${ports.sst[i]}
wsrep_slave_threads=2
`;
}

/** The node's wsrep state once it answers SQL: "Synced" when it is part of the cluster and caught up. */
async function nodeState(port: number): Promise<{ state: string; size: number } | undefined> {
  try {
    const c = await createConnection({ host: "127.0.0.1", port, user: "root", connectTimeout: 2000 });
    try {
      const [rows] = await c.query("SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_cluster_size')");
      const status = new Map((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
      return { state: status.get("wsrep_local_state_comment") ?? "", size: Number(status.get("wsrep_cluster_size") ?? 0) };
    } finally {
      await c.end();
    }
  } catch {
    return undefined;
  }
}

async function waitSynced(node: GaleraNode, size: number, dir: string, timeoutMs = 180_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(500)) {
    if (!alive(node.pid)) throw new Error(`${node.name} exited while starting; see ${join(dir, node.name, "error.log")}`);
    const state = await nodeState(node.port);
    if (state && state.state === "Synced" && state.size >= size) return;
  }
  throw new Error(`${node.name} did not join the cluster in ${timeoutMs / 1000} s; see ${join(dir, node.name, "error.log")}`);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts three nodes, the first bootstrapping the cluster, the others joining one at a time. */
export async function startGaleraCluster(nodes = 3): Promise<GaleraCluster> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "oms-galera-"));
  const [sql, group, ist, sst] = await Promise.all([freePorts(nodes), freePorts(nodes), freePorts(nodes), freePorts(nodes)]).then(async (lists) => {
    const all = lists.flat();
    // Four lists asked at once may share a port; ask again for the whole set until they do not.
    return new Set(all).size === all.length ? lists : chunk(await freePorts(nodes * 4), nodes);
  });
  const ports = { sql, group, ist, sst };
  await Promise.all(Array.from({ length: nodes }, async (_, i) => {
    const home = join(dir, `node${i + 1}`);
    mkdirSync(join(home, "data"), { recursive: true });
    writeFileSync(join(home, "my.cnf"), nodeConfig(dir, i, ports));
    // Only the first node needs system tables: the others receive everything by state transfer,
    // whose rsync runs as nobody and could not overwrite files that root made.
    if (i === 0) {
      await run("mariadb-install-db", ["--no-defaults", `--datadir=${join(home, "data")}`, "--auth-root-authentication-method=normal", "--user=root", "--skip-test-db"]);
    }
  }));
  chmodSync(dir, 0o777);
  await run("chmod", ["-R", "a+rwX", dir]);
  // mariadbd ignores a world-writable option file.
  for (let i = 0; i < nodes; i++) chmodSync(join(dir, `node${i + 1}`, "my.cnf"), 0o644);

  const cluster: GaleraCluster = { dir, nodes: [], startSeconds: 0 };
  try {
    for (let i = 0; i < nodes; i++) {
      const home = join(dir, `node${i + 1}`);
      const out = openSync(join(home, "stdout.log"), "a");
      const child = spawn("mariadbd", [`--defaults-file=${join(home, "my.cnf")}`, ...(i === 0 ? ["--wsrep-new-cluster"] : [])], {
        detached: true, stdio: ["ignore", out, out],
      });
      child.unref();
      const node: GaleraNode = { name: `node${i + 1}`, pid: child.pid!, port: sql[i], url: `mysql://root@127.0.0.1:${sql[i]}` };
      cluster.nodes.push(node);
      writeFileSync(join(dir, "cluster.json"), JSON.stringify(cluster, null, 2));
      await waitSynced(node, i + 1, dir);
    }
  } catch (error) {
    // Keep the logs to read; the nodes started so far are stopped.
    await stopGaleraCluster(cluster, { keepFiles: true });
    throw error;
  }
  cluster.startSeconds = (Date.now() - started) / 1000;
  writeFileSync(join(dir, "cluster.json"), JSON.stringify(cluster, null, 2));
  return cluster;
}

/** Stops the nodes this cluster started, by PID, last node first, then removes its folder. */
export async function stopGaleraCluster(cluster: GaleraCluster, { keepFiles = false } = {}): Promise<void> {
  for (const node of [...cluster.nodes].reverse()) {
    if (!alive(node.pid)) continue;
    process.kill(node.pid, "SIGTERM");
    for (const until = Date.now() + 60_000; alive(node.pid) && Date.now() < until; await sleep(200));
    if (alive(node.pid)) process.kill(node.pid, "SIGKILL");
  }
  if (!keepFiles) rmSync(cluster.dir, { recursive: true, force: true });
}

function chunk<T>(list: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
}

async function main(): Promise<void> {
  const [command, where] = process.argv.slice(2);
  if (command === "start") {
    const cluster = await startGaleraCluster();
    console.log(`Galera cluster of ${cluster.nodes.length} nodes up in ${cluster.startSeconds.toFixed(0)} s (${cluster.dir}):`);
    for (const node of cluster.nodes) console.log(`  ${node.name}  pid ${node.pid}  ${node.url}`);
    console.log(`Stop it with: npx ts-node --transpile-only scripts/galera-cluster.ts stop ${cluster.dir}`);
  } else if (command === "stop" && where) {
    const cluster = JSON.parse(readFileSync(join(where, "cluster.json"), "utf8")) as GaleraCluster;
    await stopGaleraCluster(cluster);
    console.log(`Stopped ${cluster.nodes.map((n) => `${n.name} (pid ${n.pid})`).join(", ")}; removed ${cluster.dir}`);
  } else {
    console.error("usage: galera-cluster.ts start | stop <dir printed by start>");
    process.exitCode = 2;
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
