import { expect } from "chai";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot, resolveStaticFile } from "../../src/web/static";

describe("Static files for the browser pages", () => {
  let dir: string;
  let compiled: string;
  let source: string;
  before(() => {
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
    symlinkSync(join(dir, "secret.html"), join(source, "escape.html"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("finds a file in the first root that has it, compiled output before source", () => {
    expect(resolveStaticFile([compiled, source], "main.js")).to.equal(join(compiled, "main.js"));
    expect(resolveStaticFile([compiled, source], "index.html")).to.equal(join(source, "index.html"));
    expect(resolveStaticFile([compiled, source], "img/logo.svg")).to.equal(join(source, "img", "logo.svg"));
    expect(resolveStaticFile([compiled, source], "img%2Flogo.svg")).to.equal(join(source, "img", "logo.svg"));
  });

  it("never leaves its roots, whatever the path says", () => {
    for (const path of ["../secret.html", "%2e%2e/secret.html", "%2E%2E%2Fsecret.html", "img/../../secret.html", "..%5csecret.html",
      "%2fetc%2fpasswd.html", "/../secret.html", "escape.html", "index.html%00.js", "%E0%A4%A.html", "./index.html"]) {
      expect(resolveStaticFile([compiled, source], path), path).to.equal(undefined);
    }
  });

  it("hands out only page assets: no TypeScript, JSON, dotfiles or directories", () => {
    for (const path of ["main.ts", "tsconfig.json", ".hidden.css", "img", "img/", "", "missing.js"]) {
      expect(resolveStaticFile([compiled, source], path), path).to.equal(undefined);
    }
  });

  it("finds the project root from src/ and from dist/src/ alike", () => {
    const root = projectRoot();
    expect(projectRoot(join(root, "dist", "src", "web"))).to.equal(root);
  });
});
