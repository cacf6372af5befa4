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
