import { expect } from "chai";
import fc from "fast-check";
import { DEFAULT_EDGE, loadConfig } from "../../src/config";

/** The start-up error a setting makes, or null when it is accepted. */
const refusal = (env: Record<string, string>): string | null => {
  try {
    loadConfig(env);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe("Edge settings: refused at start-up with the variable's name, or used exactly", () => {
  it("defaults to s-maxage 3600, all three tag headers and no cache to purge", () => {
    expect(loadConfig({}).edge).to.deep.equal(DEFAULT_EDGE);
  });

  it("takes whole numbers in range for PROMISE_CACHE_S_MAXAGE and the PURGE_* numbers, and refuses anything else", () => {
    const ranges: Record<string, [number, number, keyof typeof DEFAULT_EDGE]> = {
      PROMISE_CACHE_S_MAXAGE: [0, 31_536_000, "sharedMaxAge"], PURGE_INTERVAL_MS: [10, 60_000, "purgeIntervalMs"],
      PURGE_BATCH_SIZE: [1, 5000, "purgeBatchSize"], PURGE_RETRY_MAX_MS: [100, 3_600_000, "purgeRetryMaxMs"],
      PURGE_KEEP_DONE_S: [0, 2_592_000, "purgeKeepDoneSeconds"],
    };
    fc.assert(fc.property(fc.constantFrom(...Object.keys(ranges)), fc.oneof(fc.string(), fc.integer({ min: -10, max: 40_000_000 }).map(String)), (name, raw) => {
      const [min, max, key] = ranges[name];
      const problem = refusal({ [name]: raw });
      const valid = /^\d{1,16}$/.test(raw.trim()) && Number(raw) >= min && Number(raw) <= max;
      if (raw.trim() === "") expect(problem).to.equal(null);
      else if (valid) expect(loadConfig({ [name]: raw }).edge[key]).to.equal(Number(raw));
      else expect(problem).to.contain(name);
    }), { numRuns: 400 });
  });

  it("takes CACHE_TAG_HEADERS as names from xkey, Surrogate-Key, Cache-Tag (any case) or none, and refuses others", () => {
    expect(loadConfig({ CACHE_TAG_HEADERS: "Surrogate-Key, XKEY" }).edge.tagHeaders).to.deep.equal(["surrogate-key", "xkey"]);
    expect(loadConfig({ CACHE_TAG_HEADERS: "none" }).edge.tagHeaders).to.deep.equal([]);
    fc.assert(fc.property(fc.string({ minLength: 1 }), (raw) => {
      const names = raw.split(",").map((n) => n.trim().toLowerCase());
      const fine = raw.trim() === "" || raw.trim().toLowerCase() === "none" ||
        (names.every((n) => ["xkey", "surrogate-key", "cache-tag"].includes(n)) && new Set(names).size === names.length);
      if (fine) expect(refusal({ CACHE_TAG_HEADERS: raw })).to.equal(null);
      else expect(refusal({ CACHE_TAG_HEADERS: raw })).to.contain("CACHE_TAG_HEADERS");
    }), { numRuns: 300 });
    expect(refusal({ CACHE_TAG_HEADERS: "xkey,X-Other" })).to.contain("CACHE_TAG_HEADERS");
    expect(refusal({ CACHE_TAG_HEADERS: "xkey,xkey" })).to.contain("CACHE_TAG_HEADERS");
  });

  it("takes PURGE_CACHE_URLS as http(s) URLs without credentials, and refuses others", () => {
    expect(loadConfig({ PURGE_CACHE_URLS: "http://10.0.0.1:6081/, https://edge-2.example.com" }).edge.purgeUrls)
      .to.deep.equal(["http://10.0.0.1:6081/", "https://edge-2.example.com"]);
    for (const bad of ["ftp://x", "varnish:6081", "http://user:secret@x/", "http://a/,http://a/"]) {
      const problem = refusal({ PURGE_CACHE_URLS: bad });
      expect(problem, bad).to.contain("PURGE_CACHE_URLS");
      expect(problem).not.to.contain("secret");
    }
    fc.assert(fc.property(fc.string(), (raw) => {
      const problem = refusal({ PURGE_CACHE_URLS: raw });
      if (problem) expect(problem).to.contain("PURGE_CACHE_URLS");
      else for (const url of loadConfig({ PURGE_CACHE_URLS: raw }).edge.purgeUrls) expect(url).to.match(/^https?:\/\//);
    }), { numRuns: 300 });
  });
});
