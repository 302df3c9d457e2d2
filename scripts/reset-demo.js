#!/usr/bin/env node
/**
 * `npm run demo:reset`: deletes the embedded SQLite database (data/oms.sqlite and its WAL files),
 * so the next `npm start` creates it anew with the demo catalog. It never touches a database named
 * by DATABASE_URL (MySQL or another SQLite file): those are not the demo's.
 */
"use strict";
const { existsSync, rmSync } = require("node:fs");
const { join } = require("node:path");

if (process.env.DATABASE_URL && process.env.DATABASE_URL.trim()) {
  process.stderr.write("DATABASE_URL is set: demo:reset only deletes the embedded demo database (data/oms.sqlite) and leaves yours alone. Unset it to reset the demo.\n");
  process.exit(1);
}
const file = join(__dirname, "..", "data", "oms.sqlite");
const removed = [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f));
for (const f of removed) rmSync(f);
process.stdout.write(removed.length
  ? "Deleted data/oms.sqlite. Stop the server if it is running; the next `npm start` creates a fresh database with the demo catalog.\n"
  : "There was no data/oms.sqlite; the next `npm start` creates one with the demo catalog.\n");
