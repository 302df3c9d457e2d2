import "reflect-metadata";
import { createLogger } from "./api/request-log";
import { loadConfig } from "./config";
import { startService } from "./start";

/** Starts the service from the environment; on SIGTERM finishes requests in flight, then exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const service = await startService(config, logger);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing requests in flight, then closing the database`);
    await service.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  // Before the logger exists (bad configuration) or after it failed: a plain message, no stack.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
