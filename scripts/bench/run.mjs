// Layerwise's own benchmark: our language server against the most-installed
// Dockerfile server (dockerfile-language-server-nodejs, a devDependency) in
// the same run, over stdio, on seeded multi-stage Dockerfiles of 100 to
// 20,000 lines; then both validators in-process over ../shared/corpus.
//
//   node scripts/bench/run.mjs [--quick] [--sizes 100,1000] [--no-build] [--no-corpus] [--rule-times]
//
// --rule-times adds a per-rule report over the corpus (time in each rule's
// check, parse time separately). Shared analyses are memoized per model, so
// the first rule to ask for one is charged for it.
//
// Each size runs in three fresh servers per side (one with --quick); peak RSS
// is the median of their peaks. Prints medians, p95 and ours/peer ratios,
// checks the targets, and writes bench-results/latest.json. Not part of
// `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lspServer } from './lsp.mjs';
import { corpusTexts } from './corpus.mjs';
import { positions, Session } from './scenarios.mjs';
import { median, p95, sleep } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const sizesArg = argv.includes('--sizes') ? argv[argv.indexOf('--sizes') + 1] : undefined;
const SIZES = sizesArg ? sizesArg.split(',').map(Number) : [100, 1000, 5000, 20000];
const started = performance.now();

// ---- build: the server bundle as it ships (minified, as in the VSIX), and our core for the in-process corpus run ----
if (!argv.includes('--no-build')) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { stdio: 'inherit', cwd: root });
const coreFile = join(root, '.cache', 'bench', 'core.cjs');
mkdirSync(dirname(coreFile), { recursive: true });
const { build } = require('esbuild');
await build({
  entryPoints: [join(root, 'scripts', 'bench', 'core-entry.ts')],
  outfile: coreFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  logLevel: 'warning',
  absWorkingDir: root,
});
const core = require(coreFile);

// Ours starts as the VS Code client starts it, with the environment it adds (server/launch.ts).
const OURS = { name: 'layerwise', command: process.execPath, args: [join(root, 'dist', 'server.js'), '--stdio'], env: core.serverProcessEnv(process.env) };
const PEER_BIN = join(dirname(require.resolve('dockerfile-language-server-nodejs/package.json')), 'bin', 'docker-langserver');
const PEER = { name: 'docker-langserver', command: process.execPath, args: [PEER_BIN, '--stdio'] };
// The full catalog, hint rules included.
const everyRule = Object.fromEntries(core.allRules.map((r) => [r.meta.id, 'warning']));
const initOptions = { ours: { settings: { rules: everyRule } }, peer: undefined };

const work = join(tmpdir(), 'layerwise-bench');
// Each size runs in SESSIONS fresh servers per side, ours and the peer's
// alternating, and the samples of all sessions are pooled. Peak RSS is one
// number per session and moves by ±10% between identical sessions (where V8's
// heap limit stood at the last full collection): its median needs several.
// Keystroke latency varies ±50% with where the key lands and with GC: 36
// samples (12 per session) keep the median stable. Counts are per session.
const SESSIONS = quick ? 1 : 3;
const N = quick ? { cold: 3, open: 2, warm: 5, keys: 6, bursts: 1, warmRequests: 5, hovers: 15, actions: 15, inlay: 4 } : { cold: 7, open: 3, warm: 20, keys: 12, bursts: 1, warmRequests: 10, hovers: 15, actions: 15, inlay: 8 };

function fileFor(size, seed) {
  const dir = join(work, `${size}-${seed}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'Dockerfile');
  const text = core.generateDockerfile(size, seed);
  writeFileSync(path, text);
  return { uri: pathToFileURL(path).href, text };
}

async function coldStarts(server, init) {
  const out = [];
  for (let k = 0; k < N.cold; k++) {
    const t0 = performance.now();
    const s = lspServer(root, server.command, server.args, server.env);
    await s.initialize(init);
    out.push(performance.now() - t0);
    await s.shutdown();
  }
  return out;
}

async function sizeRun(server, init, size, sessionIndex) {
  const s = lspServer(root, server.command, server.args, server.env);
  await s.initialize(init);
  s.notify('initialized', {});
  // Let start-up work (data tables, registrations) finish before timing edits.
  await sleep(1500);
  const opens = [];
  let session;
  for (let k = 0; k < N.open; k++) {
    if (session) session.close();
    const f = fileFor(size, 1000 + k);
    session = new Session(s, f.uri, f.text);
    opens.push(await session.open());
  }
  const { typing, keywords, froms } = positions(session.text);
  // Untimed warm-up keystrokes (JIT), the same for both servers.
  await session.keystrokes(typing.slice(0, Math.ceil(typing.length / 2)), N.warm);
  const keys = await session.keystrokes(typing.slice(Math.ceil(typing.length / 2)), size >= 20000 ? Math.ceil(N.keys * 0.4) : N.keys);
  const bursts = [];
  // Sessions burst at different places (one each, spread over the file as three bursts in one session would be).
  const places = N.bursts * SESSIONS;
  for (let k = 0; k < N.bursts; k++) bursts.push(await session.burst(typing[Math.floor(((k * SESSIONS + sessionIndex + 0.5) * typing.length) / places)], 20, 30));
  // Untimed warm-up requests too: keystrokes do not compile the request
  // handlers, and a fresh server's first ten requests at 20,000 lines take
  // 2-6 ms before settling under one.
  await session.hovers(keywords, N.warmRequests);
  const hovers = await session.hovers(keywords, N.hovers);
  await session.codeActions(N.warmRequests, keywords);
  const actions = await session.codeActions(N.actions, keywords);
  // Read before the inlay hints, which only ours serves: the memory compared is that of the same work.
  const rss = s.peakRss();
  let inlay = [];
  if (server === OURS) {
    // Four untimed first (the handler compiles on its first requests), then
    // the timed ones, spread over the FROMs and keys from the end of the file.
    await session.inlayHints(typing, froms, 4);
    inlay = await session.inlayHints(typing.slice().reverse(), froms.slice().reverse(), N.inlay);
  }
  await s.shutdown();
  return { open: opens, change: keys, burst: bursts, hover: hovers, codeAction: actions, inlay, rss: [rss] };
}

function lintCorpus() {
  const files = corpusTexts(root);
  if (!files) return undefined;
  const utils = require('dockerfile-utils');
  const linter = core.defaultLinter();
  const config = { rules: everyRule };
  const pass = (fn, list = files) => {
    const t0 = performance.now();
    for (const t of list) fn(t);
    return list.length / ((performance.now() - t0) / 1000);
  };
  const peerLint = (t) => utils.validate(t);
  const ourLint = (t) => linter.lintText(t, config);
  // The target is on the first pass after a short warm-up: a CLI run sees
  // each file once, and compiling the code on the way is part of its cost.
  for (const t of files.slice(0, 200)) peerLint(t);
  const peer = pass(peerLint);
  for (const t of files.slice(0, 200)) ourLint(t);
  const ours = pass(ourLint);
  // Reported beside it: the rate once both are compiled, which tells the work
  // per file from the JIT. Three more passes over the even-numbered files
  // warm up; the odd-numbered ones, in three parts, are then linted once
  // each: a second pass over the same files hits the text caches (~15% faster).
  const even = files.filter((_, i) => i % 2 === 0);
  const odd = files.filter((_, i) => i % 2 === 1);
  for (let k = 0; k < 3; k++) {
    pass(peerLint, even);
    pass(ourLint, even);
  }
  const warm = { ours: [], peer: [] };
  for (let k = 0; k < 3; k++) {
    const part = odd.filter((_, i) => i % 3 === k);
    warm.peer.push(pass(peerLint, part));
    warm.ours.push(pass(ourLint, part));
  }
  // What the model alone costs, in a process of its own (see model-floor.mjs):
  // a rate the full lint cannot beat, whatever its rules do.
  const floor = JSON.parse(execFileSync(process.execPath, [join(root, 'scripts', 'bench', 'model-floor.mjs'), coreFile], { encoding: 'utf8' })).perSecond;
  return { files: files.length, ours, peer, warmOurs: median(warm.ours), warmPeer: median(warm.peer), modelOnly: floor };
}

function ruleTimes() {
  const files = corpusTexts(root);
  if (!files) return undefined;
  const spent = new Map();
  const timed = core.allRules.map((r) => ({
    meta: r.meta,
    check(ctx) {
      const t0 = performance.now();
      try {
        r.check(ctx);
      } finally {
        spent.set(r.meta.id, (spent.get(r.meta.id) ?? 0) + performance.now() - t0);
      }
    },
  }));
  const linter = new core.Linter(timed);
  const config = { rules: everyRule };
  for (const t of files.slice(0, 200)) linter.lintText(t, config);
  spent.clear();
  let parse = 0;
  let total = 0;
  for (const t of files) {
    const t0 = performance.now();
    const model = core.parseDockerfile(t);
    const t1 = performance.now();
    linter.lint(model, config);
    parse += t1 - t0;
    total += performance.now() - t0;
  }
  return { files: files.length, totalMs: total, parseMs: parse, rules: Object.fromEntries([...spent].sort((a, b) => b[1] - a[1])) };
}

// ---- run ----
const results = { sizes: {}, cold: {}, corpus: undefined, node: process.version, quick };
console.log(`Layerwise benchmark: sizes ${SIZES.join(', ')} lines${quick ? ' (quick)' : ''}; ${core.allRules.length} rules on`);
results.cold.ours = await coldStarts(OURS, initOptions.ours);
results.cold.peer = await coldStarts(PEER, initOptions.peer);
const pool = (into, from) => {
  for (const [k, v] of Object.entries(from)) (into[k] ??= []).push(...v);
  return into;
};
for (const size of SIZES) {
  const ours = {};
  const peer = {};
  process.stdout.write(`  ${size} lines:`);
  for (let r = 0; r < SESSIONS; r++) {
    process.stdout.write(` layerwise…`);
    pool(ours, await sizeRun(OURS, initOptions.ours, size, r));
    process.stdout.write(' docker-langserver…');
    pool(peer, await sizeRun(PEER, initOptions.peer, size, r));
  }
  process.stdout.write(' done\n');
  results.sizes[size] = { ours, peer };
}
if (!argv.includes('--no-corpus')) results.corpus = lintCorpus();
if (argv.includes('--rule-times')) results.ruleTimes = ruleTimes();

// ---- report ----
const ms = (x) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : 'n/a');
const mb = (x) => (Number.isFinite(x) ? (x / 1048576).toFixed(0) + ' MB' : 'n/a');
const rows = [];
const checks = [];
const row = (metric, size, ours, peer, fmt = ms) => {
  const ratio = median(ours) / median(peer);
  rows.push([metric, size, fmt(median(ours)), fmt(p95(ours)), fmt(median(peer)), fmt(p95(peer)), Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a']);
  return ratio;
};
const check = (label, ok, detail) => checks.push(`${ok ? 'PASS' : 'MISS'}  ${label}: ${detail}`);

const coldRatio = row('spawn → initialize (ms)', '-', results.cold.ours, results.cold.peer);
check('cold start ≤ peer', coldRatio <= 1, `ratio ${coldRatio.toFixed(2)}`);
for (const size of SIZES) {
  const { ours, peer } = results.sizes[size];
  row('didOpen → diagnostics (ms)', size, ours.open, peer.open);
  const change = row('didChange → diagnostics (ms)', size, ours.change, peer.change);
  const burst = row('20-key burst → last diagnostics (ms)', size, ours.burst, peer.burst);
  row('hover (ms)', size, ours.hover, peer.hover);
  row('codeAction (ms)', size, ours.codeAction, peer.codeAction);
  // No target; docker-langserver has no inlay hints. A FROM's hint is its stage total.
  row('inlay hints, FROM in view (ms)', size, ours.inlay ?? [], peer.inlay ?? []);
  const rss = row(`peak RSS (median of ${SESSIONS})`, size, ours.rss, peer.rss, mb);
  check(`hover ≤ 1 ms at ${size}`, median(ours.hover) <= 1, `${ms(median(ours.hover))} ms`);
  check(`codeAction ≤ 1 ms at ${size}`, median(ours.codeAction) <= 1, `${ms(median(ours.codeAction))} ms`);
  check(`peak RSS ≤ peer at ${size}`, rss <= 1, `ratio ${rss.toFixed(2)}`);
  if (size === 1000) check('didChange ≤ 0.5× peer at 1,000 lines', change <= 0.5, `ratio ${change.toFixed(2)}`);
  if (size === 20000) {
    check('didChange ≤ 0.2× peer at 20,000 lines', change <= 0.2, `ratio ${change.toFixed(2)}`);
    check('burst ≤ 300 ms at 20,000 lines', median(ours.burst) <= 300, `${ms(median(ours.burst))} ms (peer ${ms(median(peer.burst))} ms)`);
  }
}

const widths = [38, 6, 10, 10, 10, 10, 7];
const line = (cells) => cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
console.log('\n' + line(['metric', 'lines', 'ours med', 'ours p95', 'peer med', 'peer p95', 'ratio']));
console.log('-'.repeat(widths.reduce((a, b) => a + b + 1, 0)));
for (const r of rows) console.log(line(r));
// A session's peak moves by ±15% with where V8's heap limit stood at its last
// full collection: the single sessions show how far a median of three is from a coin toss.
const sessions = (xs) => xs.map((x) => (x / 1048576).toFixed(0)).join(', ');
console.log('\npeak RSS per session (MB): ' + SIZES.map((size) => `${size} lines: ours ${sessions(results.sizes[size].ours.rss)}; peer ${sessions(results.sizes[size].peer.rss)}`).join(' · '));
if (results.corpus) {
  const c = results.corpus;
  console.log(`\ncorpus lint (${c.files} files, in-process), first pass: layerwise ${c.ours.toFixed(0)} files/s, dockerfile-utils ${c.peer.toFixed(0)} files/s, ratio ${(c.ours / c.peer).toFixed(2)}`);
  console.log(`  warm (unseen files, median of 3 parts): layerwise ${c.warmOurs.toFixed(0)} files/s, dockerfile-utils ${c.warmPeer.toFixed(0)} files/s, ratio ${(c.warmOurs / c.warmPeer).toFixed(2)}`);
  console.log(`  floor: building the model alone (parse + shell of every RUN, no rules), first pass in a fresh process: ${c.modelOnly.toFixed(0)} files/s, ratio ${(c.modelOnly / c.peer).toFixed(2)}`);
  check('corpus files/s ≥ 2× peer', c.ours >= 2 * c.peer, `ratio ${(c.ours / c.peer).toFixed(2)}`);
}
if (results.ruleTimes) {
  const r = results.ruleTimes;
  const pct = (x) => ((100 * x) / r.totalMs).toFixed(1).padStart(5) + '%';
  console.log(`\nper-rule time over the corpus (${r.files} files, ${r.totalMs.toFixed(0)} ms in all):`);
  console.log(`  ${'(parse)'.padEnd(40)} ${r.parseMs.toFixed(0).padStart(7)} ms ${pct(r.parseMs)}`);
  for (const [id, t] of Object.entries(r.rules).slice(0, 25)) console.log(`  ${id.padEnd(40)} ${t.toFixed(0).padStart(7)} ms ${pct(t)}`);
}
console.log('\n' + checks.join('\n'));
console.log(`\nfinished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'latest.json'), JSON.stringify(results, null, 2));
