#!/usr/bin/env node
/**
 * `npm start`: compiles the server's TypeScript only when a source changed since the last build
 * (or nothing is built yet), says what it is doing while it does, then runs the server in this
 * process's place. Plain JavaScript, so it runs before anything is compiled.
 */
"use strict";
const { createHash } = require("node:crypto");
const { spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-fingerprint");
const SERVER = join(DIST, "src", "server.js");
/** What the compiled server depends on. */
const SOURCES = ["src", "web", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

function files(path) {
  if (!existsSync(path)) return [];
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

/** Every source file's path, size and modification time, hashed: any edit, addition or removal changes it. */
function fingerprint() {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap((s) => files(join(ROOT, s)))) {
    const stat = statSync(file);
    hash.update(`${relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function tsc(project) {
  const run = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", project], { cwd: ROOT, stdio: "inherit" });
  if (run.status !== 0) {
    process.stderr.write(`\nThe TypeScript did not compile (${project}); the errors are above. Nothing was started.\n`);
    process.exit(run.status ?? 1);
  }
}

const current = fingerprint();
const built = existsSync(STAMP) && existsSync(SERVER) ? readFileSync(STAMP, "utf8") : "";
if (built === current) {
  process.stdout.write("Sources unchanged since the last build: starting the server.\n");
} else {
  const why = built ? "sources changed since the last build" : "first start: nothing is built yet";
  process.stdout.write(`Compiling the TypeScript (${why}). This takes about 30 seconds on a 2-core machine and happens again only after a source changes…\n`);
  const started = Date.now();
  tsc("tsconfig.build.json");
  tsc("web/tsconfig.json");
  mkdirSync(DIST, { recursive: true });
  writeFileSync(STAMP, current);
  process.stdout.write(`Compiled in ${((Date.now() - started) / 1000).toFixed(1)} s. Starting the server…\n`);
}
require(SERVER);
