/** Sizes as people read them in `docker images`: decimal units, about three significant digits. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const digits = u === 0 || Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1')} ${units[u]}`;
}

export function approx(bytes: number): string {
  return `≈ ${formatBytes(bytes)}`;
}

/**
 * A count with en-US thousands separators ("12,345"), as `toLocaleString('en-US')`
 * prints an integer. Written out because the first Intl call of a process pages
 * in ICU's code and data: ~7 MB of resident memory in the language server for
 * one comma.
 */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return sign + out;
}
