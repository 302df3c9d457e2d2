import http from "node:http";
import { createPool } from "mysql2/promise";
import { decidePromise, groupPromiseRows, promiseRowsParams, promiseRowsSql } from "../src/domain";

/**
 * The baseline for bench/pdp.ts: node:http + a mysql2 pool running the same SQL and the same
 * decision as productPromise, answering the same JSON, with no GraphQL, no ORM and no plugins.
 */
const pool = createPool({ uri: process.env.BENCH_DATABASE_URL, connectionLimit: 20, maxIdle: 20, timezone: "Z", supportBigNumbers: true });
// The domain runs this SQL as a prepared statement (selectPrepared); BENCH_SQL=query compares the text protocol.
const prepared = process.env.BENCH_SQL !== "query";

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    try {
      const sku = String(JSON.parse(Buffer.concat(chunks).toString("utf8")).variables.sku);
      const params = promiseRowsParams([sku]);
      const [rows] = prepared ? await pool.execute(promiseRowsSql(1), params as string[]) : await pool.query(promiseRowsSql(1), params);
      const entry = groupPromiseRows(rows as Record<string, unknown>[]).get(sku);
      const view = entry ? decidePromise(entry.product, entry.items) : null;
      const promise = view && { sku: view.sku, status: view.status, availableToPromise: view.availableToPromise, promiseDate: view.promiseDate?.toISOString() ?? null, purchaseOrderId: view.purchaseOrderId };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { productPromise: promise } }));
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/graphql` }));
});
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
// bench/pdp.ts reads this process's CPU time around the measured run.
process.on("SIGUSR2", () => console.log(JSON.stringify({ cpu: process.cpuUsage() })));
