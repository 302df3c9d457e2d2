import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { GraphQLClient, graphQLClient } from "./server";

/**
 * The real server (src/server.ts) as a child process on a random port, for tests that need
 * more than one server on one database, or a server to kill. It runs on real time, not the test
 * clock (test/support/clock.ts): give it dates several days away from today.
 */
export interface ServerProcess extends GraphQLClient {
  url: string;
  child: ChildProcess;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: no cleanup, no rollback from the process itself. */
  kill(): Promise<void>;
  output(): string;
}

const ROOT = join(__dirname, "..", "..");
/** The admin key the process is started with; gql() sends it on every request. */
const ADMIN_KEY = "allocation-test-admin-key";

export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "src/server.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", DEMO_DATA: "off", ADMIN_API_KEY: ADMIN_KEY },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const ready = /ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url,
    child,
    gql: graphQLClient(url, `Bearer ${ADMIN_KEY}`),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    output: () => output,
  };
}
