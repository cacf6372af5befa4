// Writes small package tables in the format of scripts/data-debian.mjs, from a readable
// description, so resolver tests can state exactly what the index holds.

export interface FixturePackage {
  name: string;
  /** Newest first; defaults to ["1.0"]. */
  versions?: string[];
  kib: number;
  debKib?: number;
  flags?: string;
  /** Relations as in a Packages file without versions: "a | b, c"; "!x" = only the real x; "?" = unsatisfiable group. */
  pre?: string;
  dep?: string;
  rec?: string;
  /** "x, !y": x = name and its providers, !y = just package y. */
  conflicts?: string;
  /** Names this package provides; providers are preferred in the order packages are listed. */
  provides?: string[];
}

export function buildAptTableText(packages: FixturePackage[], baseline: string[], generated = '2026-11-29'): string {
  const real = [...packages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const known = new Set(real.map((p) => p.name));
  const mentioned = new Set<string>();
  const names = (text: string | undefined): string[] =>
    (text ?? '').split(/[,|]/).map((s) => s.trim().replace(/^!/, '')).filter((s) => s !== '' && s !== '?');
  for (const p of real) {
    for (const n of [...names(p.pre), ...names(p.dep), ...names(p.rec), ...names(p.conflicts), ...(p.provides ?? [])]) mentioned.add(n);
  }
  const virtual = [...mentioned].filter((n) => !known.has(n)).sort();
  const index = new Map<string, number>();
  real.forEach((p, i) => index.set(p.name, i));
  virtual.forEach((n, i) => index.set(n, real.length + i));
  const ref = (n: string): string => {
    const bang = n.startsWith('!');
    const i = index.get(bang ? n.slice(1) : n);
    if (i === undefined) throw new Error(`fixture: unknown name ${n}`);
    return (bang ? '!' : '') + i.toString(36);
  };
  const relation = (text: string | undefined): string =>
    (text ?? '').trim() === ''
      ? ''
      : text!.split(',').map((g) => (g.trim() === '?' ? '?' : g.split('|').map((a) => ref(a.trim())).join('|'))).join(',');

  let prev = '';
  const frontCoded = real.map((p) => {
    let k = 0;
    while (k < 35 && k < p.name.length && k < prev.length && p.name[k] === prev[k]) k++;
    prev = p.name;
    return k.toString(36) + p.name.slice(k);
  });
  const providers = new Map<string, string[]>();
  for (const p of packages) {
    for (const v of p.provides ?? []) {
      if (!providers.has(v)) providers.set(v, []);
      providers.get(v)!.push(p.name);
    }
  }
  const provided = [...providers.keys()].sort((a, b) => index.get(a)! - index.get(b)!);
  const header = {
    format: 'layerwise-apt-table/1',
    distribution: 'debian',
    release: 'testing-fixture',
    arch: 'amd64',
    generated,
    sources: [{ suite: 'fixture/main amd64', file: 'fixture', stanzas: real.length }],
    counts: { packages: real.length, virtual: virtual.length, provided: provided.length },
    baseline: { image: 'fixture:slim', source: 'hand-made', packages: baseline },
    aptLists: { bytes: 123, measured: generated, method: 'fixture' },
  };
  return [
    JSON.stringify(header),
    ...frontCoded,
    ...real.map((p) => (p.versions ?? ['1.0']).join(' ')),
    ...real.map((p) => p.kib.toString(36)),
    ...real.map((p) => (p.debKib ?? Math.ceil(p.kib / 3)).toString(36)),
    ...real.map((p) => p.flags ?? ''),
    ...real.map((p) => relation(p.pre)),
    ...real.map((p) => relation(p.dep)),
    ...real.map((p) => relation(p.rec)),
    ...real.map((p) => (p.conflicts ?? '').split(',').map((c) => c.trim()).filter(Boolean).map(ref).join(',')),
    ...virtual,
    ...provided.map((v) => `${ref(v)}:${providers.get(v)!.map(ref).join(',')}`),
  ].join('\n') + '\n';
}
