#!/usr/bin/env node
// Builds shared-rules/layer-cost/data/debian-bookworm.packages.gz from the Packages
// indexes apt downloaded into /var/lib/apt/lists, so hovers can estimate what an
// `apt-get install` adds to an image without any network at run time.
//
// Format: gzip of UTF-8 text, columnar (one line per package in each section, packages
// sorted by name), because columns compress far better than rows:
//   line 1      JSON header: release, date, sources, baseline (+ provenance), measured
//               apt-lists bytes, counts {packages: N, virtual: V, provided: P, …}
//   N lines     names, front-coded: one base-36 digit = characters shared with the previous name, then the rest
//   N lines     versions, newest first, space-separated (older ones from other suites, for pkg=version)
//   N lines     Installed-Size in KiB, base 36
//   N lines     .deb Size in KiB (rounded), base 36
//   N lines     flags: e = Essential, i = Important/Protected, r/I/s/x = Priority required/important/standard/extra (optional: none)
//   N lines     Pre-Depends   } groups joined by ',', alternatives by '|', each a base-36 reference:
//   N lines     Depends       } 0..N-1 = package line, N.. = virtual name line; version
//   N lines     Recommends    } constraints are evaluated against the newest versions: "!ref" = only the
//                             } real package fits, unfit alternatives are dropped, "?" = no alternative fits
//   N lines     Conflicts+Breaks hitting the newest versions: "ref" = name and its providers, "!ref" = that package only
//   V lines     names that are only provided (virtual) and that some relation mentions
//   P lines     "<ref>:<ref>,<ref>…": a provided name and its providers, already in the order
//               apt's CompareProviders prefers them (Essential, Important, Priority, cache ID)
// Usage: node scripts/data-debian.mjs [--no-measure]

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync, constants as zc } from 'node:zlib';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'shared-rules/layer-cost/data/debian-bookworm.packages.gz');
const LISTS = '/var/lib/apt/lists';
const RELEASE = 'bookworm';
const ARCH = 'amd64';
const BUDGET = 1_200_000;

// The three suites of the official image's /etc/apt/sources.list.d/debian.sources, in the
// order apt reads them (that order decides package IDs, which break provider ties).
const SUITES = [
  { suite: 'bookworm', host: 'debian', pattern: `_dists_bookworm_main_binary-${ARCH}_Packages` },
  { suite: 'bookworm-updates', host: 'debian', pattern: `_dists_bookworm-updates_main_binary-${ARCH}_Packages` },
  { suite: 'bookworm-security', host: 'debian-security', pattern: `_dists_bookworm-security_main_binary-${ARCH}_Packages` },
];

const OFFICIAL_SOURCES = `Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

// Binary packages of debian:bookworm-slim (amd64), transcribed from
// docker-library/repo-info repos/debian/local/bookworm-slim.md (image created 2026-09-18).
const BASELINE_SOURCE =
  'docker-library/repo-info, repos/debian/local/bookworm-slim.md at commit 321a824e8fd6c5a8a1291b74697c33ecb0fb81be ' +
  '(debian:bookworm-slim amd64, image created 2026-09-18, "dpkg (.deb-based packages)" section)';
const BASELINE = [
  'adduser', 'apt', 'base-files', 'base-passwd', 'bash', 'bsdutils', 'coreutils', 'dash',
  'debconf', 'debian-archive-keyring', 'debianutils', 'diffutils', 'dpkg', 'e2fsprogs',
  'findutils', 'gcc-12-base', 'gpgv', 'grep', 'gzip', 'hostname', 'init-system-helpers',
  'libacl1', 'libapt-pkg6.0', 'libattr1', 'libaudit-common', 'libaudit1', 'libblkid1',
  'libbz2-1.0', 'libc-bin', 'libc6', 'libcap-ng0', 'libcap2', 'libcom-err2', 'libcrypt1',
  'libdb5.3', 'libdebconfclient0', 'libext2fs2', 'libffi8', 'libgcc-s1', 'libgcrypt20',
  'libgmp10', 'libgnutls30', 'libgpg-error0', 'libhogweed6', 'libidn2-0', 'liblz4-1',
  'liblzma5', 'libmd0', 'libmount1', 'libnettle8', 'libp11-kit0', 'libpam-modules',
  'libpam-modules-bin', 'libpam-runtime', 'libpam0g', 'libpcre2-8-0', 'libseccomp2',
  'libselinux1', 'libsemanage-common', 'libsemanage2', 'libsepol2', 'libsmartcols1', 'libss2',
  'libstdc++6', 'libsystemd0', 'libtasn1-6', 'libtinfo6', 'libudev1', 'libunistring2',
  'libuuid1', 'libxxhash0', 'libzstd1', 'login', 'logsave', 'mawk', 'mount', 'ncurses-base',
  'ncurses-bin', 'passwd', 'perl-base', 'sed', 'sysvinit-utils', 'tar', 'tzdata',
  'usr-is-merged', 'util-linux', 'util-linux-extra', 'zlib1g',
];

function log(msg) { process.stderr.write(`data-debian: ${msg}\n`); }

function findList(pattern) {
  if (!existsSync(LISTS)) return undefined;
  const hit = readdirSync(LISTS).filter((f) => f.includes(pattern) && !f.endsWith('.diff_Index'));
  return hit.length ? join(LISTS, hit.sort()[0]) : undefined;
}

function listsPresent() {
  return SUITES.every((s) => findList(s.pattern));
}

// apt-helper understands every compression apt may keep (lz4 with GzipIndexes, xz, gz, none).
function readIndex(path) {
  if (existsSync('/usr/lib/apt/apt-helper')) {
    return execFileSync('/usr/lib/apt/apt-helper', ['cat-file', path], { maxBuffer: 1 << 30 }).toString('utf8');
  }
  const raw = readFileSync(path);
  if (path.endsWith('.gz')) return gunzipSync(raw).toString('utf8');
  if (/\.(lz4|xz|zst|bz2)$/.test(path)) throw new Error(`cannot decompress ${path} without apt-helper`);
  return raw.toString('utf8');
}

function inReleaseDate(packagesPath) {
  const inrel = packagesPath.replace(/_main_binary-[^_]+_Packages.*$/, '_InRelease');
  if (!existsSync(inrel)) return undefined;
  const m = /^Date: (.+)$/m.exec(readFileSync(inrel, 'utf8'));
  return m ? new Date(m[1]).toISOString() : undefined;
}

function* stanzas(text) {
  for (const block of text.split(/\n\n+/)) {
    if (!block.trim()) continue;
    const fields = new Map();
    let key = '';
    for (const line of block.split('\n')) {
      if (line.startsWith(' ') || line.startsWith('\t')) {
        if (key) fields.set(key, fields.get(key) + '\n' + line);
        continue;
      }
      const c = line.indexOf(':');
      if (c < 0) continue;
      key = line.slice(0, c);
      fields.set(key, line.slice(c + 1).trim());
    }
    yield fields;
  }
}

// dpkg version ordering (epoch, upstream, revision; '~' sorts before everything).
function order(ch) {
  if (ch === '~') return -1;
  if (/[0-9]/.test(ch)) return 0;
  if (!ch) return 0;
  if (/[A-Za-z]/.test(ch)) return ch.charCodeAt(0);
  return ch.charCodeAt(0) + 256;
}
function verrevcmp(a, b) {
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !/[0-9]/.test(a[i])) || (j < b.length && !/[0-9]/.test(b[j]))) {
      const ac = order(a[i] ?? ''), bc = order(b[j] ?? '');
      if (ac !== bc) return ac - bc;
      i++; j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && /[0-9]/.test(a[i]) && j < b.length && /[0-9]/.test(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++; j++;
    }
    if (i < a.length && /[0-9]/.test(a[i])) return 1;
    if (j < b.length && /[0-9]/.test(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}
function splitVersion(v) {
  const c = v.indexOf(':');
  const epoch = c >= 0 ? parseInt(v.slice(0, c), 10) : 0;
  const rest = c >= 0 ? v.slice(c + 1) : v;
  const d = rest.lastIndexOf('-');
  return { epoch, upstream: d >= 0 ? rest.slice(0, d) : rest, revision: d >= 0 ? rest.slice(d + 1) : '' };
}
export function compareVersions(a, b) {
  const x = splitVersion(a), y = splitVersion(b);
  if (x.epoch !== y.epoch) return x.epoch - y.epoch;
  return verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision);
}

// "a (>= 1) | b:any, c" -> [[{name:"a",op:">=",version:"1"},{name:"b"}],[{name:"c"}]];
// :any/:native/:amd64 qualifiers are dropped (single-architecture table).
function parseRelations(value) {
  if (!value) return [];
  return value.split(',').map((group) => group.split('|').map((alt) => {
    const m = /^\s*([^\s(:[]+)(:[^\s(]+)?\s*(?:\(\s*(<<|<=|=|>=|>>|<|>)\s*([^)\s]+)\s*\))?/.exec(alt);
    if (!m) return undefined;
    // gcc:arm64 names a foreign-architecture package apt cannot install here: keep it unresolvable.
    const foreign = m[2] && !/^:(any|native|amd64)$/.test(m[2]);
    return { name: foreign ? m[1] + m[2] : m[1], op: m[3], version: m[4] };
  }).filter(Boolean)).filter((g) => g.length);
}
function parseDeps(value) {
  return parseRelations(value).map((g) => g.map((a) => a.name));
}

function satisfies(version, op, wanted) {
  const c = compareVersions(version, wanted);
  switch (op) {
    case '<<': case '<': return c < 0;
    case '<=': return c <= 0;
    case '=': return c === 0;
    case '>=': case '>': return c >= 0;
    case '>>': return c > 0;
    default: return true;
  }
}

const PRIORITY_FLAG = { required: 'r', important: 'I', standard: 's', optional: '', extra: 'x' };

function build() {
  const byName = new Map();
  const firstSeen = new Map();
  const seen = (n) => { if (!firstSeen.has(n)) firstSeen.set(n, firstSeen.size); };
  const sources = [];
  for (const s of SUITES) {
    const path = findList(s.pattern);
    if (!path) { log(`no index for ${s.suite}, skipped`); continue; }
    const text = readIndex(path);
    let count = 0;
    for (const f of stanzas(text)) {
      const name = f.get('Package');
      if (!name) continue;
      count++;
      const arch = f.get('Architecture');
      if (arch !== ARCH && arch !== 'all') continue;
      // Same order apt's list parser meets names: the package, then its relations, then Provides.
      seen(name);
      for (const key of ['Pre-Depends', 'Depends', 'Conflicts', 'Breaks', 'Recommends', 'Suggests', 'Replaces', 'Enhances', 'Provides']) {
        for (const g of parseDeps(f.get(key))) for (const n of g) seen(n);
      }
      const rec = {
        name,
        version: f.get('Version'),
        isize: parseInt(f.get('Installed-Size') ?? '0', 10) || 0,
        size: parseInt(f.get('Size') ?? '0', 10) || 0,
        essential: f.get('Essential') === 'yes',
        important: f.get('Important') === 'yes' || f.get('Protected') === 'yes',
        priority: PRIORITY_FLAG[f.get('Priority') ?? 'optional'] ?? 'x',
        pre: parseRelations(f.get('Pre-Depends')),
        dep: parseRelations(f.get('Depends')),
        rec: parseRelations(f.get('Recommends')),
        conflicts: [...parseRelations(f.get('Conflicts')), ...parseRelations(f.get('Breaks'))].map((g) => g[0]),
        prov: parseRelations(f.get('Provides')).map((g) => g[0]),
        versions: [],
      };
      const old = byName.get(name);
      if (!old) { rec.versions = [rec.version]; byName.set(name, rec); continue; }
      const all = [...new Set([...old.versions, rec.version])].sort((a, b) => compareVersions(b, a));
      const winner = compareVersions(rec.version, old.version) > 0 ? rec : old;
      winner.versions = all;
      byName.set(name, winner);
    }
    sources.push({ suite: `${s.suite}/main ${ARCH}`, file: path.split('/').pop(), indexDate: inReleaseDate(path), stanzas: count });
    log(`${s.suite}: ${count} stanzas from ${path}`);
  }
  return { byName, firstSeen, sources };
}

// apt's CompareProviders (apt-pkg/depcache.cc) for providers that are not installed:
// Essential first, then Important, then higher Priority, then the higher cache ID
// (IDs follow the order apt first meets names while parsing the indexes).
const PRIORITY_RANK = { r: 1, I: 2, s: 3, '': 4, x: 5 };
function providerOrder(firstSeen) {
  return (a, b) =>
    (b.essential - a.essential) ||
    (b.important - a.important) ||
    (PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]) ||
    (firstSeen.get(b.name) - firstSeen.get(a.name));
}

// Sorted names share long prefixes: store how many leading characters (one base-36
// digit, at most 35) repeat the previous name, then the rest.
function frontCode(names) {
  let prev = '';
  return names.map((n) => {
    let k = 0;
    while (k < 35 && k < n.length && k < prev.length && n[k] === prev[k]) k++;
    prev = n;
    return k.toString(36) + n.slice(k);
  });
}

// Columnar sections (one line per package per section) compress far better than rows.
function encode(byName, firstSeen) {
  const real = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const relations = (p) => [...p.pre, ...p.dep, ...p.rec];
  // Provided names matter only when something depends on them or they are real packages;
  // this drops tens of thousands of Rust/Haskell feature names nobody can depend on here.
  const wanted = new Set(byName.keys());
  const providersOf = new Set(real.flatMap((p) => p.prov.map((v) => v.name)));
  for (const p of real) for (const g of relations(p)) for (const a of g) wanted.add(a.name);
  for (const p of real) for (const a of p.conflicts) if (!a.op && providersOf.has(a.name)) wanted.add(a.name);
  const providers = new Map();
  const providedVersion = new Map(); // "provider\0name" -> version of the Provides entry ('' if unversioned)
  for (const p of real) {
    for (const v of p.prov) {
      if (!wanted.has(v.name)) continue;
      if (!providers.has(v.name)) providers.set(v.name, []);
      if (!providers.get(v.name).includes(p)) providers.get(v.name).push(p);
      providedVersion.set(`${p.name}\0${v.name}`, v.version ?? '');
    }
  }
  // Version constraints are resolved here against the newest versions, so the resolver
  // needs none: an alternative is written as
  //   ref   the real package (if its version fits) or any provider;
  //   !ref  only the real package: no Provides meets the constraint (e.g. node-tap-parser
  //         Provides node-yaml (= 1.10.2) but something Depends on node-yaml (>= 2.0.1~));
  //   (dropped) nothing meets it (e.g. "libcgi-pm-perl | perl (<< 5.19)": perl is 5.36);
  //   a group left with no alternative is written "?" (cannot be satisfied).
  // Cases where only some providers qualify keep them all (counted in the header).
  let approximated = 0;
  const providerFits = (p, a) => {
    const v = providedVersion.get(`${p.name}\0${a.name}`);
    return v !== undefined && v !== '' && satisfies(v, a.op, a.version);
  };
  const altRef = (a) => {
    if (!a.op) return ref(a.name);
    const realFits = byName.has(a.name) && satisfies(byName.get(a.name).version, a.op, a.version);
    const ps = (providers.get(a.name) ?? []).filter((p) => p.name !== a.name);
    const fit = ps.filter((p) => providerFits(p, a));
    if (realFits && fit.length === ps.length) return ref(a.name);
    if (realFits && fit.length === 0) return `!${ref(a.name)}`;
    if (!realFits && fit.length === 0) return undefined;
    if (!byName.has(a.name) && fit.length === ps.length) return ref(a.name);
    approximated++;
    return ref(a.name);
  };
  const groups = (gs) => gs.map((g) => g.map(altRef).filter((r) => r !== undefined).join('|') || '?').join(',');
  // Conflicts and Breaks that hit the newest version of something: "ref" = the name and its
  // providers, "!ref" = just that real package (a versioned relation, expanded here).
  const conflicts = (p) => {
    const out = new Set();
    for (const a of p.conflicts) {
      if (!a.op) {
        if (a.name !== p.name && (byName.has(a.name) || providers.has(a.name))) out.add(ref(a.name));
        continue;
      }
      if (byName.has(a.name) && a.name !== p.name && satisfies(byName.get(a.name).version, a.op, a.version)) out.add(`!${ref(a.name)}`);
      for (const q of providers.get(a.name) ?? []) if (q !== p && providerFits(q, a)) out.add(`!${ref(q.name)}`);
    }
    return [...out].join(',');
  };
  const index = new Map(real.map((p, i) => [p.name, i]));
  const virtual = [...wanted].filter((n) => !byName.has(n)).sort();
  virtual.forEach((n, i) => index.set(n, real.length + i));
  const ref = (n) => index.get(n).toString(36);
  const byProvided = [...providers.keys()].sort((a, b) => index.get(a) - index.get(b));
  const cmp = providerOrder(firstSeen);
  const sections = [
    frontCode(real.map((p) => p.name)),
    real.map((p) => p.versions.join(' ')),
    real.map((p) => p.isize.toString(36)),
    real.map((p) => Math.round(p.size / 1024).toString(36)),
    real.map((p) => (p.essential ? 'e' : '') + (p.important ? 'i' : '') + p.priority),
    real.map((p) => groups(p.pre)),
    real.map((p) => groups(p.dep)),
    real.map((p) => groups(p.rec)),
    real.map(conflicts),
    virtual,
    byProvided.map((v) => `${ref(v)}:${providers.get(v).sort(cmp).map((p) => ref(p.name)).join(',')}`),
  ];
  return { sections, counts: { packages: real.length, virtual: virtual.length, provided: byProvided.length, approximatedVersionedRelations: approximated } };
}

function listBytes(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += listBytes(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

// What `apt-get update` leaves in a layer: run it against a scratch lists dir with the
// official image's sources and its /etc/apt/apt.conf.d/docker-* settings.
function measureAptLists() {
  const results = {};
  for (const [key, gzipIndexes] of [['bytes', true], ['bytesWithoutGzipIndexes', false]]) {
    const tmp = mkdtempSync(join(tmpdir(), 'aptlists-'));
    try {
      mkdirSync(join(tmp, 'parts'));
      mkdirSync(join(tmp, 'lists/partial'), { recursive: true });
      mkdirSync(join(tmp, 'cache/archives/partial'), { recursive: true });
      writeFileSync(join(tmp, 'debian.sources'), OFFICIAL_SOURCES);
      writeFileSync(join(tmp, 'parts/docker-no-languages'), 'Acquire::Languages "none";\n');
      writeFileSync(join(tmp, 'parts/docker-gzip-indexes'), `Acquire::GzipIndexes "${gzipIndexes}";\n`);
      writeFileSync(join(tmp, 'parts/docker-clean'), 'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n');
      // Mirrors here may serve a frozen snapshot; validity dates do not change the byte count.
      writeFileSync(join(tmp, 'parts/zz-no-valid-until'), 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n');
      writeFileSync(join(tmp, 'apt.conf'), [
        `Dir::Etc::Parts "${tmp}/parts";`,
        `Dir::Etc::SourceList "${tmp}/debian.sources";`,
        `Dir::Etc::SourceParts "${tmp}/nonexistent";`,
        `Dir::State::Lists "${tmp}/lists";`,
        `Dir::Cache "${tmp}/cache";`,
        '',
      ].join('\n'));
      const r = spawnSync('apt-get', ['-q', 'update'], { env: { ...process.env, APT_CONFIG: join(tmp, 'apt.conf') }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`apt-get update failed: ${r.stderr || r.stdout}`);
      results[key] = listBytes(join(tmp, 'lists'));
      if (gzipIndexes) {
        results.files = readdirSync(join(tmp, 'lists')).filter((f) => f !== 'lock' && statSync(join(tmp, 'lists', f)).isFile())
          .map((f) => ({ name: f, bytes: statSync(join(tmp, 'lists', f)).size }));
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return {
    ...results,
    measured: new Date().toISOString().slice(0, 10),
    method:
      'apt-get update on a Debian 12 machine into an empty Dir::State::Lists, with the three suites of debian:bookworm-slim ' +
      '(/etc/apt/sources.list.d/debian.sources: bookworm, bookworm-updates, bookworm-security; main; amd64) and the image\'s ' +
      'apt.conf.d settings (Acquire::GzipIndexes "true", Acquire::Languages "none"); bytes = sum of regular file sizes ' +
      'left in the lists directory. bytesWithoutGzipIndexes: same with Acquire::GzipIndexes "false" (images without docker-gzip-indexes).',
  };
}

function previousHeader() {
  if (!existsSync(OUT)) return undefined;
  try {
    const text = gunzipSync(readFileSync(OUT)).toString('utf8');
    return JSON.parse(text.slice(0, text.indexOf('\n')));
  } catch { return undefined; }
}

function main() {
  const noMeasure = process.argv.includes('--no-measure');
  if (!listsPresent()) {
    log('apt lists missing, running apt-get update');
    const r = spawnSync('apt-get', ['-q', 'update'], { stdio: 'inherit' });
    if (r.status !== 0) log('apt-get update reported errors; using whatever lists exist');
  }
  if (!findList(SUITES[0].pattern)) throw new Error(`no ${RELEASE} main ${ARCH} Packages index in ${LISTS}`);

  const { byName, firstSeen, sources } = build();
  const { sections, counts } = encode(byName, firstSeen);
  const missingBaseline = BASELINE.filter((n) => !byName.has(n));
  if (missingBaseline.length) log(`baseline packages not in the index: ${missingBaseline.join(', ')}`);

  let aptLists;
  if (noMeasure) aptLists = previousHeader()?.aptLists;
  else {
    try { aptLists = measureAptLists(); } catch (e) {
      log(`measuring apt lists failed (${e.message}); keeping the previous measurement`);
      aptLists = previousHeader()?.aptLists;
    }
  }

  const generated = new Date().toISOString().slice(0, 10);
  const header = {
    format: 'layerwise-apt-table/1',
    distribution: 'debian',
    release: RELEASE,
    arch: ARCH,
    generated,
    sources,
    counts,
    baseline: {
      image: 'debian:bookworm-slim',
      source: BASELINE_SOURCE,
      packages: BASELINE,
    },
    aptLists,
  };
  const text = [JSON.stringify(header), ...sections.flat()].join('\n') + '\n';
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: zc.Z_BEST_COMPRESSION, memLevel: 9 });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, gz);
  log(`${counts.packages} packages, ${counts.virtual} virtual names, ${counts.provided} provided names, ${text.length} bytes text, ${gz.length} bytes gzip -> ${OUT}`);
  if (aptLists) log(`apt lists after update: ${aptLists.bytes} bytes (without GzipIndexes: ${aptLists.bytesWithoutGzipIndexes})`);
  if (gz.length > BUDGET) { log(`over budget (${BUDGET} bytes)`); process.exitCode = 1; }
}

main();
