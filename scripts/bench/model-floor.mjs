// The floor under corpus throughput: what building our model of each file
// costs with no rule run at all, measured the way the corpus lint is (a short
// warm-up, then one pass in which each file is seen once).
//
// Run by scripts/bench/run.mjs in a process of its own, so that none of the
// model's code is compiled by the full lint beforehand.
//
//   node scripts/bench/model-floor.mjs <core bundle>    prints {"files", "perSecond"}
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { corpusTexts } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const core = createRequire(join(root, 'package.json'))(process.argv[2]);
const files = corpusTexts(root);

/** The model every rule starts from: the parsed Dockerfile and the parsed shell of each RUN. */
function buildModel(text) {
  const model = core.parseDockerfile(text);
  let commands = 0;
  for (const instr of model.instructions) for (const script of core.runScripts(model, instr).all) commands += script.commands.length;
  return commands;
}

for (const t of files.slice(0, 200)) buildModel(t);
const t0 = performance.now();
for (const t of files) buildModel(t);
process.stdout.write(JSON.stringify({ files: files.length, perSecond: files.length / ((performance.now() - t0) / 1000) }));
