import "reflect-metadata";
import { loadConfig } from "./config";
import { startService } from "./start";

/** Starts the service from the environment; on SIGTERM finishes requests in flight, then exits. */
async function main(): Promise<void> {
  const service = await startService(loadConfig());
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then closing the database`);
    await service.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
