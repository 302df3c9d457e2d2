import { expect } from "chai";
import fc from "fast-check";
import { connect } from "node:net";
import { loadConfig } from "../../src/config";
import { Db, Lane, Work } from "../../src/db";
import { inDays } from "../support/clock";
import { openTestDb } from "../support/database";
import { products, purchaseOrder } from "../support/scenario";
import { TestServer, startTestServer } from "../support/server";

/**
 * The storefront's compiled plans (src/http/storefront-fast-path.ts) against the general path:
 * two servers on one database, one with the plans and one without, get the same requests; the
 * status, every header (but the request id and the date), the body byte for byte and the request
 * log line (but its id and duration) must be the same. The plans must also really answer the
 * storefront's usual requests, or this would compare the general path with itself.
 */
describe("The storefront fast path answers exactly as the general path", () => {
  let fast: TestServer;
  let general: TestServer;
  const logs = { fast: [] as Record<string, unknown>[], general: [] as Record<string, unknown>[] };

  before(async () => {
    const db = await openTestDb();
    const options = { promiseCacheMaxAge: 30, logger: undefined };
    fast = await startTestServer(db, { ...options, log: (line) => void logs.fast.push(line) });
    general = await startTestServer(db, { ...options, log: (line) => void logs.general.push(line), storefrontPlans: false });
    await products(fast,
      { sku: "PRE", name: "Pre-order" },
      { sku: "STOCK", name: "In stock", inventoryAvailable: 3 },
      { sku: "NONE", name: "Nothing coming" },
      { sku: "MUG RED/ü", name: "Odd SKU", inventoryAvailable: 1 });
    await purchaseOrder(fast, "PO-SOON", [{ sku: "PRE", quantity: 5, orderBuffer: 1, bufferDays: 3, arrivalDate: inDays(10) }], { status: "APPROVED" });
    await purchaseOrder(fast, "PO-LATE", [{ sku: "PRE", quantity: 50, arrivalDate: inDays(40) }, { sku: "STOCK", quantity: 7, arrivalDate: inDays(20) }], { status: "APPROVED" });
  });
  after(async () => {
    await general.app.stop();
    await fast.close();
  });

  interface Sent { method: "GET" | "POST"; query: string; variables?: unknown; operationName?: unknown; headers?: Record<string, string>; extra?: Record<string, unknown> }

  /** One request to both servers; what each answered, the parts that may differ taken out. */
  async function both(sent: Sent) {
    const answers = [];
    for (const [server, log] of [[fast, logs.fast], [general, logs.general]] as const) {
      log.length = 0;
      const response = await send(server.url, sent);
      // An internal error names its request id in the body too.
      const body = (await response.text()).replaceAll(response.headers.get("x-request-id") ?? "-", "<request id>");
      const headers = [...response.headers].filter(([name]) => name !== "x-request-id" && name !== "date");
      // The request log line is written when the response closes.
      for (let i = 0; i < 50 && !log.some((l) => l.msg === "request"); i++) await new Promise((resolve) => setTimeout(resolve, 2));
      const line = log.find((l) => l.msg === "request");
      const { requestId, durationMs, time, ...logged } = line ?? {};
      answers.push({ status: response.status, headers, body, logged });
    }
    return { fast: answers[0], general: answers[1] };
  }

  function send(url: string, { method, query, variables, operationName, headers = {}, extra = {} }: Sent): Promise<Response> {
    if (method === "POST") {
      const body: Record<string, unknown> = { query, ...extra };
      if (variables !== undefined) body.variables = variables;
      if (operationName !== undefined) body.operationName = operationName;
      return fetch(url, { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    }
    const params = new URLSearchParams({ query });
    if (variables !== undefined) params.set("variables", JSON.stringify(variables));
    if (operationName !== undefined) params.set("operationName", String(operationName));
    for (const [key, value] of Object.entries(extra)) params.set(key, JSON.stringify(value));
    return fetch(`${url}?${params}`, { method, headers });
  }

  const PREFLIGHT = { "apollo-require-preflight": "true" };
  const FIELDS = "sku status availableToPromise promiseDate purchaseOrderId inventoryAvailable quantity";

  /** What a storefront sends, hand-written and through codegen and Apollo Client (fragments, __typename); all answered by the plans. */
  const USUAL: Sent[] = [
    { method: "POST", query: `query($sku: String!) { productPromise(sku: $sku) { ${FIELDS} } }`, variables: { sku: "PRE" } },
    { method: "POST", query: `query Pdp($sku: String!, $q: Int) { productPromise(sku: $sku, quantity: $q) { sku status promiseDate } }`, variables: { sku: "PRE", q: 4 }, operationName: "Pdp" },
    { method: "POST", query: `query Pdp($sku: String!, $q: Int) { productPromise(sku: $sku, quantity: $q) { sku status promiseDate } }`, variables: { sku: "STOCK", q: null } },
    { method: "GET", query: `{ productPromise(sku: "STOCK") { sku status availableToPromise } }`, headers: PREFLIGHT },
    { method: "GET", query: `query C($skus: [String!]!) { productPromises(skus: $skus) { sku status promiseDate } }`, variables: { skus: ["PRE", "UNKNOWN", "MUG RED/ü", "PRE"] }, headers: { "x-apollo-operation-name": "C" } },
    { method: "POST", query: `{ a: productPromise(sku: "PRE") { s: sku __typename } b: productPromise(sku: "NONE", quantity: 2) { status } __typename t: __typename }` },
    {
      method: "POST",
      query: `query ProductPromise($sku: String!) { productPromise(sku: $sku) { ...PromiseFields __typename } } fragment PromiseFields on ProductPromise { ${FIELDS} __typename }`,
      variables: { sku: "PRE" }, headers: { accept: "application/graphql-response+json,application/json;q=0.9" },
    },
    { method: "POST", query: `{ productPromise(sku: "PRE") { ... on ProductPromise { sku } ... { status sku } } }`, headers: { accept: "*/*" } },
    { method: "POST", query: `{ productPromises(skus: ["PRE", "STOCK"], quantity: 6) { ${FIELDS} } }`, headers: { "content-type": "application/json; charset=utf-8" } },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, headers: { accept: "text/html;q=0.9, application/json;q=0.8" } },
    // As Apollo Client 4 sends them: a JSON content type on its GETs, and its name in `extensions`.
    { method: "GET", query: `{ productPromise(sku: "PRE") { sku } }`, headers: { "content-type": "application/json" }, extra: { extensions: { clientLibrary: { name: "@apollo/client", version: "4.3.8" } } } },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, extra: { extensions: { clientLibrary: { name: "@apollo/client", version: "4.3.8" } } } },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, extra: { extensions: null } },
  ];

  /** What only the general path answers: errors, refusals and shapes the plans leave to it. */
  const UNUSUAL: Sent[] = [
    { method: "GET", query: `{ productPromise(sku: "PRE") { sku } }` }, // no preflight header: CSRF
    { method: "GET", query: `{ productPromise(sku: "PRE") { sku } }`, headers: { ...PREFLIGHT, "content-type": "text/plain" } },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, headers: { "content-type": "text/plain" } },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, headers: { accept: "application/xml" } },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, operationName: "Other" },
    { method: "GET", query: `{ productPromise(sku: "PRE") { sku } }`, variables: null, headers: PREFLIGHT }, // a GET's variables must be an object (found by an outside tester)
    { method: "GET", query: `{ productPromise(sku: "PRE") { sku } }`, variables: [], headers: PREFLIGHT },
    { method: "GET", query: `{ productPromise(sku: "PRE") { sku } }`, headers: { ...PREFLIGHT }, extra: { extensions: null } },
    { method: "GET", query: `{ productPromise(sku: "PRE") { sku } }`, headers: { "content-type": "application/json; charset=utf-8" }, extra: { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } } },
    { method: "GET", query: `{ productPromise(sku: "PRE") { sku } }`, headers: { "content-type": "text/plain" } },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, extra: { extensions: [] } },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, extra: { extensions: "{}" } },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, extra: { extensions: { persistedQuery: { version: 1, sha256Hash: "x" } } } },
    { method: "POST", query: `query($sku: String!) { productPromise(sku: $sku) { sku } }`, variables: { sku: 5 } },
    { method: "POST", query: `query($sku: String!) { productPromise(sku: $sku) { sku } }`, variables: {} },
    { method: "POST", query: `query($sku: String!) { productPromise(sku: $sku) { sku } }`, variables: "{\"sku\":\"PRE\"}" },
    { method: "POST", query: `{ productPromise(sku: "PRE", quantity: 0) { sku } }` },
    { method: "POST", query: `{ productPromise(sku: "${"X".repeat(300)}") { sku } }` },
    { method: "POST", query: `{ productPromises(skus: ${JSON.stringify(Array.from({ length: 251 }, (_, i) => `S${i}`))}) { sku } }` },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku nope } }` },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku @skip(if: true) status } }` },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } productPromise(sku: "PRE") { status } }` },
    { method: "POST", query: `fragment F on Query { productPromise(sku: "PRE") { status } } { ...F }` },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku } products(first: 1) { totalCount } }` },
    { method: "POST", query: `mutation { upsertProducts(input: []) { id } }` },
    { method: "POST", query: `{ productPromise(sku: "PRE") { sku }` },
    { method: "POST", query: `query A { productPromise(sku: "PRE") { sku } } query B { __typename }`, operationName: "A" },
    { method: "POST", query: `{ __schema { types { name } } }` },
    { method: "POST", query: `# ${"a comment longer than any storefront lookup ".repeat(100)}\n{ productPromise(sku: "PRE") { sku } }` },
  ];

  it("answers the storefront's usual requests through the plans, byte for byte as the general path", async () => {
    for (const sent of USUAL) {
      const before = fast.app.storefrontAnswers();
      const { fast: a, general: b } = await both(sent);
      expect(a, JSON.stringify(sent)).to.deep.equal(b);
      expect(a.status).to.equal(200);
      expect(fast.app.storefrontAnswers(), `taken by the plans: ${JSON.stringify(sent)}`).to.equal(before + 1);
    }
    expect(general.app.storefrontAnswers()).to.equal(0);
  });

  it("leaves errors, refusals and other shapes to the general path, which answers them as always", async () => {
    for (const sent of UNUSUAL) {
      const before = fast.app.storefrontAnswers();
      const { fast: a, general: b } = await both(sent);
      expect(a, JSON.stringify(sent)).to.deep.equal(b);
      expect(fast.app.storefrontAnswers(), `not taken: ${JSON.stringify(sent)}`).to.equal(before);
    }
  });

  it("answers a support key's lookup through the general path (the plans are for anonymous callers)", async () => {
    const before = fast.app.storefrontAnswers();
    const { fast: a, general: b } = await both({ method: "POST", query: `{ productPromise(sku: "PRE") { sku } }`, headers: { authorization: "Bearer test-support-key-0123456789abcdef" } });
    expect(a).to.deep.equal(b);
    expect(fast.app.storefrontAnswers()).to.equal(before);
  });

  it("answers generated lookups (fields, aliases, fragments, arguments, variables, methods, Accept) the same way", async () => {
    // Mostly well-formed, with a share of what the checks refuse (a long SKU, a bad quantity, an unknown field, clashing aliases).
    const sku = fc.oneof({ weight: 9, arbitrary: fc.constantFrom("PRE", "STOCK", "NONE", "UNKNOWN", "MUG RED/ü", "", " PRE") }, { weight: 1, arbitrary: fc.constant("X".repeat(260)) });
    const quantity = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(undefined, null) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, -2, 2 ** 31, 1.5, "2") },
    );
    const leaf = fc.oneof(
      { weight: 19, arbitrary: fc.constantFrom("sku", "status", "availableToPromise", "promiseDate", "purchaseOrderId", "inventoryAvailable", "quantity", "__typename") },
      { weight: 1, arbitrary: fc.constant("nope") },
    );
    const alias = fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constantFrom("x", "y", "sku") });
    const selection = fc.array(fc.tuple(leaf, alias), { minLength: 1, maxLength: 5 })
      .chain((fields) => fc.constantFrom("plain", "fragment", "inline").map((wrap) => ({ fields, wrap })));
    const root = fc.record({
      list: fc.boolean(), alias: fc.option(fc.constantFrom("a", "b", "productPromise"), { nil: undefined }), skus: fc.array(sku, { minLength: 1, maxLength: 3 }),
      quantity, asVariables: fc.boolean(), selection,
    });
    const request = fc.record({
      roots: fc.array(root, { minLength: 1, maxLength: 3 }), typename: fc.boolean(), named: fc.boolean(), method: fc.constantFrom("GET", "POST") as fc.Arbitrary<"GET" | "POST">,
      accept: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(undefined, "application/json", "application/graphql-response+json", "*/*", "application/graphql-response+json;q=0.5, application/json") },
        { weight: 1, arbitrary: fc.constant("text/html") },
      ),
    });
    let taken = 0;
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const variables: Record<string, unknown> = {};
      const definitions: string[] = [];
      const fragments: string[] = [];
      const roots = r.roots.map((root, i) => {
        const fields = root.selection.fields.map(([name, alias]) => (alias ? `${alias}: ${name}` : name)).join(" ");
        let body = fields;
        if (root.selection.wrap === "fragment") {
          fragments.push(`fragment F${i} on ProductPromise { ${fields} }`);
          body = `...F${i}`;
        } else if (root.selection.wrap === "inline") body = `... on ProductPromise { ${fields} }`;
        const args: string[] = [];
        const skus = root.list ? root.skus : root.skus[0];
        if (root.asVariables) {
          definitions.push(`$s${i}: ${root.list ? "[String!]!" : "String!"}`, `$q${i}: Int`);
          variables[`s${i}`] = skus;
          if (root.quantity !== undefined) variables[`q${i}`] = root.quantity;
          args.push(`${root.list ? "skus" : "sku"}: $s${i}`, `quantity: $q${i}`);
        } else {
          args.push(`${root.list ? "skus" : "sku"}: ${JSON.stringify(skus)}`);
          if (root.quantity !== undefined) args.push(`quantity: ${JSON.stringify(root.quantity)}`);
        }
        return `${root.alias ? `${root.alias}${i}: ` : ""}${root.list ? "productPromises" : "productPromise"}(${args.join(", ")}) { ${body} }`;
      });
      const head = r.named || definitions.length ? `query${r.named ? " Named" : ""}${definitions.length ? `(${definitions.join(", ")})` : ""} ` : "";
      const query = `${head}{ ${r.typename ? "__typename " : ""}${roots.join(" ")} } ${fragments.join(" ")}`;
      const headers: Record<string, string> = r.method === "GET" ? { ...PREFLIGHT } : {};
      if (r.accept) headers.accept = r.accept;
      const before = fast.app.storefrontAnswers();
      const { fast: a, general: b } = await both({ method: r.method, query, variables: definitions.length ? variables : undefined, headers });
      expect(a, query).to.deep.equal(b);
      taken += fast.app.storefrontAnswers() - before;
    }), { numRuns: 150 });
    // About a third of the generated requests are well-formed lookups (38 to 55 of 150 seen): the plans must
    // have answered a good share of them. 20 is far below what chance gives, and far above none.
    expect(taken).to.be.greaterThan(20);
  });
});

describe("STOREFRONT_PLANS: the fast path's switch", () => {
  it("is on by default, off with off/false/0, and refuses anything else at start-up naming the variable", () => {
    expect(loadConfig({}).storefrontPlans).to.equal(true);
    for (const off of ["off", "false", "0", " OFF "]) expect(loadConfig({ STOREFRONT_PLANS: off }).storefrontPlans).to.equal(false);
    for (const on of ["on", "true", "1"]) expect(loadConfig({ STOREFRONT_PLANS: on }).storefrontPlans).to.equal(true);
    expect(() => loadConfig({ STOREFRONT_PLANS: "fast" })).to.throw(/STOREFRONT_PLANS/);
  });
});

describe("The request log of a lookup whose client hangs up, on both paths", () => {
  /** The database, with the storefront's reads held until `release` (so a client can hang up while its lookup runs). */
  function gated(db: Db) {
    let release!: () => void;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const proxy = new Proxy(db, {
      get(target, prop) {
        if (prop === "lane") {
          return (lane: Lane) => {
            const inner = target.lane(lane);
            return lane !== "storefront" ? inner : { ...inner, read: async <T>(work: Work<T>) => { await gate; return inner.read(work); } };
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    return { db: proxy, release: () => { release(); gate = Promise.resolve(); } };
  }

  /** Writes a whole POST on a raw socket and closes it at once, without reading the answer. */
  function postAndHangUp(url: string, body: string): Promise<void> {
    const { port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.end(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        socket.destroySoon();
        resolve();
      });
      socket.on("error", reject);
    });
  }

  for (const storefrontPlans of [true, false]) {
    it(`logs the operation and CLIENT_CLOSED_REQUEST (499) when the client hangs up before the answer (${storefrontPlans ? "plans" : "general path"})`, async () => {
      const lines: Record<string, unknown>[] = [];
      const base = await openTestDb();
      const { db, release } = gated(base);
      const api = await startTestServer(db, { logger: undefined, log: (line) => void lines.push(line), storefrontPlans });
      try {
        await postAndHangUp(api.url, JSON.stringify({ query: "query Pdp($sku: String!) { productPromise(sku: $sku) { sku } }", variables: { sku: "A" }, operationName: "Pdp" }));
        for (let i = 0; i < 200 && !lines.some((l) => l.msg === "request"); i++) await new Promise((resolve) => setTimeout(resolve, 5));
        const line = lines.find((l) => l.msg === "request");
        expect(line).to.include({ status: 499, operationName: "Pdp", operation: "query", outcome: "CLIENT_CLOSED_REQUEST" });
        expect(line!.fields).to.deep.equal(["productPromise"]);
      } finally {
        release();
        await api.app.stop();
        await base.close();
      }
    });
  }

  it("logs a request whose body never arrived whole as CLIENT_CLOSED_REQUEST (499), not 200 ok", async () => {
    const lines: Record<string, unknown>[] = [];
    const api = await startTestServer(undefined, { logger: undefined, log: (line) => void lines.push(line) });
    try {
      const { port } = new URL(api.url);
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), "127.0.0.1", () => {
          socket.end(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
          resolve();
        });
        socket.on("error", reject);
      });
      for (let i = 0; i < 200 && !lines.some((l) => l.msg === "request"); i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(lines.find((l) => l.msg === "request")).to.include({ status: 499, outcome: "CLIENT_CLOSED_REQUEST" });
    } finally {
      await api.close();
    }
  });
});
