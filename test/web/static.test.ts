import { expect } from "chai";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot, staticFiles } from "../../src/http/static";

/** GET `path` (exactly as written, still encoded) from a server that hands every request to `files`. */
function get(server: http.Server, path: string): Promise<{ status: number; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path: `/${path}` }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString("utf8") }));
    }).on("error", reject);
  });
}

describe("Static files for the browser pages", () => {
  let dir: string;
  let compiled: string;
  let source: string;
  let server: http.Server;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "oms-static-"));
    compiled = join(dir, "dist");
    source = join(dir, "src");
    mkdirSync(join(source, "img"), { recursive: true });
    mkdirSync(compiled);
    writeFileSync(join(dir, "secret.html"), "outside");
    writeFileSync(join(source, "index.html"), "page");
    writeFileSync(join(source, "main.ts"), "source");
    writeFileSync(join(source, "tsconfig.json"), "{}");
    writeFileSync(join(source, ".hidden.css"), "x");
    writeFileSync(join(source, "img", "logo.svg"), "<svg/>");
    writeFileSync(join(compiled, "main.js"), "compiled");
    const files = staticFiles([compiled, source]);
    // As the routes mount it: the path below the mount point, still percent-encoded.
    server = http.createServer((req, res) => files(req, res, (req.url ?? "/").slice(1)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds a file in the first root that has it, compiled output before source", async () => {
    expect(await get(server, "main.js")).to.deep.equal({ status: 200, body: "compiled" });
    expect(await get(server, "index.html")).to.deep.equal({ status: 200, body: "page" });
    expect(await get(server, "img/logo.svg")).to.deep.equal({ status: 200, body: "<svg/>" });
    expect(await get(server, "img%2Flogo.svg")).to.deep.equal({ status: 200, body: "<svg/>" });
  });

  it("never leaves its roots, whatever the path says", async () => {
    for (const path of ["../secret.html", "%2e%2e/secret.html", "%2E%2E%2Fsecret.html", "img/../../secret.html", "..%5csecret.html",
      "%2fetc%2fpasswd.html", "/../secret.html", "index.html%00.js", "%E0%A4%A.html", "./index.html"]) {
      const response = await get(server, path);
      expect(response.status, path).to.equal(404);
      expect(response.body, path).not.to.contain("outside");
    }
  });

  it("hands out only page assets: no TypeScript, JSON, dotfiles or directories", async () => {
    for (const path of ["main.ts", "tsconfig.json", ".hidden.css", "img", "img/", "", "missing.js"]) {
      expect((await get(server, path)).status, path).to.equal(404);
    }
  });

  it("serves trees that hold no symbolic links (serve-static would follow one out of its root)", () => {
    const walk = (at: string): string[] => readdirSync(at).flatMap((name) => {
      const path = join(at, name);
      const stat = lstatSync(path);
      return stat.isSymbolicLink() ? [path] : stat.isDirectory() ? walk(path) : [];
    });
    expect(walk(join(projectRoot(), "web"))).to.deep.equal([]);
  });

  it("finds the project root from src/ and from dist/src/ alike", () => {
    const root = projectRoot();
    expect(projectRoot(join(root, "dist", "src", "http"))).to.equal(root);
  });
});
