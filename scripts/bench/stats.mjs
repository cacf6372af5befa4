// Medians and 95th percentiles (nearest rank) of a list of samples.
export function median(xs) {
  return quantile(xs, 0.5);
}

export function p95(xs) {
  return quantile(xs, 0.95);
}

function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  if (q === 0.5 && s.length % 2 === 0) return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
