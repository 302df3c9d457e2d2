/**
 * The order of ids and SKUs: byte by byte in UTF-8, as the binary collations of both databases
 * sort them (SQLite BINARY, MySQL/MariaDB *_bin), so an ORDER BY and a sort in memory agree.
 * Never `localeCompare`: it puts "PO-a" before "PO-B", and its answer depends on the locale.
 */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/**
 * UTF-16 code units compare like UTF-8 bytes except that surrogates (U+D800–DFFF, the halves of
 * characters above U+FFFF) must sort after U+E000–FFFF: shift the two ranges past each other.
 */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
