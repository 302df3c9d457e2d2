/**
 * The cache tag of a SKU: the same token in the response headers (xkey, Surrogate-Key, Cache-Tag)
 * and in the purge, so a purge reaches exactly the answers that named the SKU.
 *
 * One rule: letters, digits, `.` and `-` stay as they are; every other byte of the SKU's UTF-8
 * form (`_` included, so the rule can be undone) becomes `_` and two upper-case hex digits.
 * `MUG RED/ü` is `MUG_20RED_2F_C3_BC`. The result never holds a space, a comma, a quote or a
 * control character, which separate tags or end headers in every CDN's syntax.
 */
export function cacheTagOf(sku: string): string {
  let tag = "";
  for (const byte of Buffer.from(sku, "utf8")) {
    const c = String.fromCharCode(byte);
    tag += /[A-Za-z0-9.-]/.test(c) ? c : `_${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return tag;
}

/** The SKU a cache tag names (the inverse of cacheTagOf); null for a string cacheTagOf never makes. */
export function skuOfCacheTag(tag: string): string | null {
  if (!/^(?:[A-Za-z0-9.-]|_[0-9A-F]{2})*$/.test(tag)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < tag.length; i++) {
    if (tag[i] === "_") { bytes.push(parseInt(tag.slice(i + 1, i + 3), 16)); i += 2; } else bytes.push(tag.charCodeAt(i));
  }
  const sku = Buffer.from(bytes).toString("utf8");
  return cacheTagOf(sku) === tag ? sku : null;
}
