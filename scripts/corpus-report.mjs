// Lints every file of ../shared/corpus with the compiled core (out/) and
// prints hits per rule, overall and on the official-image subset, so false
// positives show up where they matter. Usage:
//   node scripts/corpus-report.mjs [--rule ID] [--show N] [--official]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = process.env.LAYERWISE_OUT ?? join(root, 'out');
const core = require(join(outDir, 'shared-rules', 'index.js'));
const corpus = process.env.LAYERWISE_CORPUS ?? join(root, '..', 'shared', 'corpus');
const OFFICIAL = /^(docker-library__|nodejs__docker-node|nginxinc__docker-nginx|adoptium__containers)/;

const args = process.argv.slice(2);
const only = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 0;
const officialOnly = args.includes('--official');

const linter = core.defaultLinter();
const all = Object.fromEntries(linter.rules.map((r) => [r.meta.id, 'warning']));
const hits = new Map();
const officialHits = new Map();
const examples = new Map();
let files = 0;
const errors = [];
for (const repo of readdirSync(corpus).sort()) {
  const dir = join(corpus, repo);
  if (!existsSync(dir) || repo.endsWith('.tsv') || repo.endsWith('.md')) continue;
  const official = OFFICIAL.test(repo);
  if (officialOnly && !official) continue;
  for (const f of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    files++;
    const res = linter.lintText(text, { rules: only ? { ...Object.fromEntries(Object.keys(all).map((k) => [k, 'off'])), [only]: 'warning' } : all });
    for (const e of res.ruleErrors) errors.push(`${repo}/${f}: ${e.ruleId}: ${e.error.split('\n')[0]}`);
    for (const x of res.findings) {
      hits.set(x.ruleId, (hits.get(x.ruleId) ?? 0) + 1);
      if (official) officialHits.set(x.ruleId, (officialHits.get(x.ruleId) ?? 0) + 1);
      const list = examples.get(x.ruleId) ?? [];
      if (list.length < show) list.push(`  ${repo}/${f}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.message}\n    | ${text.split(/\r?\n/)[x.range.start.line]?.trim().slice(0, 140)}`);
      examples.set(x.ruleId, list);
    }
  }
}
console.log(`${files} files`);
console.log('rule'.padEnd(42) + 'hits'.padStart(8) + 'official'.padStart(10));
for (const id of Object.keys(all).sort()) {
  if (only && id !== only) continue;
  console.log(id.padEnd(42) + String(hits.get(id) ?? 0).padStart(8) + String(officialHits.get(id) ?? 0).padStart(10));
  for (const e of examples.get(id) ?? []) console.log(e);
}
if (errors.length) {
  console.log(`\n${errors.length} rule errors:`);
  for (const e of errors.slice(0, 20)) console.log('  ' + e);
  process.exitCode = 1;
}
