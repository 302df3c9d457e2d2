import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DocumentNode, GraphQLSchema, Kind, OperationDefinitionNode, buildSchema, parse, validate } from "graphql";
import { loadDemoCatalog } from "../../src/domain";
import { testClock } from "../support/clock";
import { TEST_KEYS, TestServer, startTestServer } from "../support/server";

/**
 * Every GraphQL example in README.md, taken from README.md itself, validated against the committed
 * schema and run in order against a server holding the demo catalog, as a reader pasting them
 * top to bottom would. Where the README shows an answer (comment lines starting `# {` right after
 * a command or an operation), the answer must be exactly that. The clock is the README's day.
 */

const ROOT = join(__dirname, "..", "..");
/** The day the README's examples and answers are written for (the demo catalog counts from it). */
const README_DAY = "2026-11-27T12:00:00.000Z";

interface Example {
  /** Where it is, for messages: "README.md:123". */
  at: string;
  /** How it is sent. */
  kind: "post" | "get" | "graphql" | "js";
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** The answer the README shows, if any. */
  expected?: unknown;
  /** js only: the snippet. */
  code?: string;
}

/** The fenced code blocks of a Markdown text, with their language and first line number. */
function codeBlocks(markdown: string): { lang: string; text: string; line: number }[] {
  const blocks: { lang: string; text: string; line: number }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith("```")) end++;
    blocks.push({ lang: open[1], text: lines.slice(start, end).join("\n"), line: start + 1 });
    i = end;
  }
  return blocks;
}

/** Comment lines starting at `from` (`# ` or `// `) that hold a JSON answer beginning with "{", parsed; undefined when there is none. */
function answerAfter(lines: string[], from: number, prefix: RegExp): unknown {
  let text = "";
  for (let i = from; i < lines.length; i++) {
    const m = prefix.exec(lines[i]);
    if (!m) break;
    const rest = lines[i].slice(m[0].length);
    if (!text && !rest.startsWith("{")) break;
    text += rest;
    try {
      return JSON.parse(text);
    } catch {
      // more lines to come
    }
  }
  return text ? (() => { throw new Error(`unparseable answer: ${text}`); })() : undefined;
}

/** The single-quoted shell word that starts at `index` (just after its opening quote), and where it ends. */
function quoted(text: string, index: number): { value: string; end: number } {
  const end = text.indexOf("'", index);
  return { value: text.slice(index, end), end };
}

/** What the extraction found wrong with the README's blocks themselves. */
const problems: string[] = [];

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  for (const block of codeBlocks(markdown)) {
    const lines = block.text.split("\n");
    const lineOf = (offset: number) => block.text.slice(0, offset).split("\n").length - 1;
    if (block.lang === "sh") {
      for (const call of block.text.matchAll(/(^|\s)gql '/g)) {
        const { value, end } = quoted(block.text, call.index! + call[0].length);
        const body = JSON.parse(value.replace(/\n\s*/g, ""));
        const next = lineOf(end) + 1;
        found.push({ at: `README.md:${block.line + lineOf(call.index!)}`, kind: "post", query: body.query, variables: body.variables, operationName: body.operationName, expected: answerAfter(lines, next, /^# /) });
      }
      for (const call of block.text.matchAll(/curl -sG [^\n]*\\\n(?:[^\n]*\\\n)*[^\n]*/g)) {
        const words = [...call[0].matchAll(/--data-urlencode '([^']*)'/g)].map((m) => m[1]);
        const param = (name: string) => words.find((w) => w.startsWith(`${name}=`))?.slice(name.length + 1);
        const next = lineOf(call.index! + call[0].length) + 1;
        found.push({
          at: `README.md:${block.line + lineOf(call.index!)}`, kind: "get", query: param("query")!,
          variables: param("variables") ? JSON.parse(param("variables")!) : undefined, expected: answerAfter(lines, next, /^# /),
        });
      }
    } else if (block.lang === "graphql") {
      const document = parse(block.text);
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      for (const op of operations) {
        found.push({
          at: `README.md:${block.line + lineOf(op.loc!.start)}`, kind: "graphql", query: block.text, operationName: op.name?.value,
          expected: answerAfter(lines, lineOf(op.loc!.end) + 1, /^# /),
        });
      }
      if (operations.length > 1 && !operations.every((op) => op.name)) problems.push(`README.md:${block.line}: several operations in one block must each have a name`);
    } else if (block.lang === "js") {
      const query = /`((?:query|mutation)[^`]*)`/.exec(block.text)?.[1];
      if (query) found.push({ at: `README.md:${block.line}`, kind: "js", query, code: block.text, expected: answerAfter(lines, lines.length - 1, /^\/\/ /) });
    }
  }
  return found;
}

describe("README.md: every GraphQL example runs as pasted, against the demo catalog", () => {
  let api: TestServer;
  let schema: GraphQLSchema;
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const all = examples(readme);

  before(async () => {
    schema = buildSchema(readFileSync(join(ROOT, "schema/schema.graphql"), "utf8"));
    testClock.set(README_DAY);
    api = await startTestServer();
    await api.db.write((m) => loadDemoCatalog(m));
  });
  after(() => api.close());

  it("finds the examples: shell commands, GraphQL blocks, the PDP's GET and the storefront snippet", () => {
    expect(problems).to.deep.equal([]);
    expect(all.length).to.be.greaterThan(20);
    expect(new Set(all.map((e) => e.kind))).to.deep.equal(new Set(["post", "get", "graphql", "js"]));
  });

  it("validates every example against the committed schema", () => {
    const problems = all.flatMap((e) => {
      const document: DocumentNode = parse(e.query);
      return validate(schema, document).map((error) => `${e.at}: ${error.message}`);
    });
    expect(problems).to.deep.equal([]);
  });

  it("runs each, in README order, without an error, answering what the README shows", async function () {
    this.timeout(120_000);
    const origin = api.url.replace(/\/graphql$/, "");
    for (const example of all) {
      testClock.set(README_DAY);
      let body: { data?: unknown; errors?: unknown[] };
      if (example.kind === "get") {
        const params = new URLSearchParams({ query: example.query, ...(example.variables ? { variables: JSON.stringify(example.variables) } : {}) });
        body = await (await fetch(`${api.url}?${params}`, { headers: { "apollo-require-preflight": "true" } })).json() as typeof body;
      } else if (example.kind === "js") {
        const run = new Function("fetch", `return (async () => {\n${example.code!.replace(/https:\/\/oms\.example\.com/g, origin)}\nreturn { data };\n})();`);
        body = await run(fetch);
      } else {
        const response = await fetch(api.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${TEST_KEYS.admin}` },
          body: JSON.stringify({ query: example.query, variables: example.variables, operationName: example.operationName }),
        });
        body = (await response.json()) as typeof body;
      }
      expect(body.errors, `${example.at}: ${JSON.stringify(body.errors)}`).to.equal(undefined);
      if (example.expected !== undefined) expect(body, example.at).to.deep.equal(example.expected);
    }
    console.log(`      (${all.length} README examples run, ${all.filter((e) => e.expected !== undefined).length} with the answer shown: ${["post", "get", "graphql", "js"].map((k) => `${all.filter((e) => e.kind === k).length} ${k}`).join(", ")})`);
  });
});

describe("GraphiQL's example tabs: valid against the schema, and they run on the demo catalog", () => {
  it("answers every tab without an error", async () => {
    const { EXAMPLES } = await import("../../web/graphiql/examples");
    const schema = buildSchema(readFileSync(join(ROOT, "schema/schema.graphql"), "utf8"));
    testClock.set(README_DAY);
    const api = await startTestServer();
    try {
      await api.db.write((m) => loadDemoCatalog(m));
      for (const tab of EXAMPLES) {
        expect(validate(schema, parse(tab.query)).map((e) => e.message), tab.query.split("\n")[0]).to.deep.equal([]);
        const res = await api.gql(tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
        expect(res.errors, tab.query.split("\n")[0]).to.equal(undefined);
      }
      expect(EXAMPLES.length).to.be.at.least(6);
    } finally {
      await api.close();
    }
  });
});
