import { expect } from "chai";
import { KeyRing, generateKey, parseKeys } from "../../src/auth/keys";
import { DEFAULT_LIMITS, loadConfig } from "../../src/config";

describe("API keys and their configuration", () => {
  it("reads one unnamed key per role (actor = the role) and named lists name:key,name:key", () => {
    const { keys } = loadConfig({ ADMIN_API_KEY: "a-key", ADMIN_API_KEYS: "ops:key1, importer:key2", SUPPORT_API_KEYS: "helpdesk:key3" });
    expect(keys.map((k) => [k.role, k.name, k.key])).to.deep.equal([
      ["admin", "admin", "a-key"], ["admin", "ops", "key1"], ["admin", "importer", "key2"], ["support", "helpdesk", "key3"],
    ]);
  });

  it("keeps a colon inside a key and splits the name at the first one", () => {
    expect(parseKeys("admin", undefined, "ops:abc:def")).to.deep.equal([{ name: "ops", role: "admin", key: "abc:def" }]);
  });

  const badLists: [string, Record<string, string>, RegExp][] = [
    ["an entry without a name", { ADMIN_API_KEYS: "justakey" }, /ADMIN_API_KEYS: entry 1 must be name:key/],
    ["an empty key", { SUPPORT_API_KEYS: "desk:" }, /SUPPORT_API_KEYS \(desk\): the key is empty/],
    ["a name with spaces", { ADMIN_API_KEYS: "my ops:k" }, /has a name that is not/],
    ["a key with whitespace", { ADMIN_API_KEY: "two words" }, /whitespace/],
    ["production without an admin key", { NODE_ENV: "production", SUPPORT_API_KEY: "s".repeat(20) }, /refusing to start/],
    ["a short key in production", { NODE_ENV: "production", ADMIN_API_KEY: "tiny7" }, /shorter than 16/],
  ];
  for (const [what, env, message] of badLists) {
    it(`refuses ${what}, without quoting the key`, () => {
      expect(() => loadConfig(env)).to.throw(message);
      try {
        loadConfig(env);
      } catch (error) {
        for (const value of Object.values(env)) if (value.length > 4 && value !== "production") expect((error as Error).message).not.to.include(value);
      }
    });
  }

  it("refuses the same key twice and the same name twice", () => {
    expect(() => new KeyRing([{ name: "a", role: "admin", key: "k1" }, { name: "b", role: "support", key: "k1" }])).to.throw(/configured twice/);
    expect(() => new KeyRing([{ name: "a", role: "admin", key: "k1" }, { name: "a", role: "support", key: "k2" }])).to.throw(/named "a"/);
  });

  it("starts in production with a long admin key, introspection and landing page off unless enabled", () => {
    const config = loadConfig({ NODE_ENV: "production", ADMIN_API_KEY: "x".repeat(32) });
    expect(config).to.include({ production: true, introspection: false, landingPage: false });
    expect(loadConfig({ NODE_ENV: "production", ADMIN_API_KEY: "x".repeat(32), GRAPHQL_INTROSPECTION: "true" }).introspection).to.equal(true);
    expect(loadConfig({}).introspection).to.equal(true);
    expect(loadConfig({}).keys).to.deep.equal([]);
  });

  it("reads the limits and LOG_LEVEL, refusing nonsense", () => {
    expect(loadConfig({}).limits).to.deep.equal(DEFAULT_LIMITS);
    expect(loadConfig({ MAX_BODY_BYTES: "1024", GRAPHQL_MAX_DEPTH: "6", GRAPHQL_MAX_COST: "500" }).limits).to.include({ bodyBytes: 1024, depth: 6, cost: 500 });
    expect(() => loadConfig({ MAX_BODY_BYTES: "1mb" })).to.throw(/MAX_BODY_BYTES must be a whole number/);
    expect(() => loadConfig({ GRAPHQL_MAX_ALIASES: "0" })).to.throw(/GRAPHQL_MAX_ALIASES/);
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: "maybe" })).to.throw(/GRAPHQL_INTROSPECTION must be true or false/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).to.throw(/LOG_LEVEL/);
    expect(loadConfig({ LOG_LEVEL: "DEBUG" }).logLevel).to.equal("debug");
  });

  describe("identifying a caller", () => {
    const ring = new KeyRing([{ name: "admin", role: "admin", key: "admin-key" }, { name: "desk", role: "support", key: "desk-key" }]);

    it("is anonymous without an Authorization header or with a blank one", () => {
      expect(ring.identify(undefined)).to.deep.equal({ role: "anonymous", actor: null });
      expect(ring.identify("   ")).to.deep.equal({ role: "anonymous", actor: null });
    });

    it("knows each key's role and name, with the Bearer scheme in any case", () => {
      expect(ring.identify("Bearer admin-key")).to.deep.equal({ role: "admin", actor: "admin" });
      expect(ring.identify("bearer desk-key")).to.deep.equal({ role: "support", actor: "desk" });
    });

    it("refuses (null) wrong keys, prefixes, extensions and other schemes", () => {
      for (const header of ["Bearer nope", "Bearer admin-ke", "Bearer admin-keyy", "Basic admin-key", "admin-key", "Bearer ", "Bearer admin-key desk-key"]) {
        expect(ring.identify(header), header).to.equal(null);
      }
    });

    it("generates random url-safe keys long enough for production", () => {
      const a = generateKey();
      expect(a).to.match(/^[A-Za-z0-9_-]{32}$/);
      expect(generateKey()).not.to.equal(a);
    });
  });
});
