import * as assert from 'assert';
import * as fs from 'fs';
import { lastBefore } from '../../shared-rules/model/before';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { instructionsBefore } from '../../shared-rules/model/stages';
import { DockerfileModel, Instruction } from '../../shared-rules/model/types';
import { generateDockerfile } from '../../scripts/bench/generate';
import { corpusDir, corpusFiles } from '../helpers/corpus';

const isUser = (_m: DockerfileModel, i: Instruction) => i.keyword === 'USER';
const isEnvOrArg = (_m: DockerfileModel, i: Instruction) => i.keyword === 'ENV' || i.keyword === 'ARG';
const mentionsApt = (m: DockerfileModel, i: Instruction) => /apt/.test(m.text.slice(i.start, i.end));
const PREDICATES = [isUser, isEnvOrArg, mentionsApt];

/** Every instruction of `text`, each predicate: lastBefore must pick what a scan of instructionsBefore picks. */
function mismatches(text: string): string[] {
  const model = parseDockerfile(text);
  const out: string[] = [];
  for (const instr of model.instructions) {
    for (const pred of PREDICATES) {
      const expected = instructionsBefore(model, instr).filter((i) => pred(model, i)).pop();
      const actual = lastBefore(model, instr, pred);
      if (actual !== expected) out.push(`line ${instr.startLine + 1} (${pred.name}): expected ${expected?.startLine}, got ${actual?.startLine}`);
    }
  }
  return out;
}

describe('lastBefore', () => {
  it('finds the last match in its own stage, then in the stages it builds FROM, never in unrelated stages', () => {
    const text = [
      'FROM alpine AS base',
      'USER one',
      'FROM base AS mid',
      'RUN a',
      'USER two',
      'RUN b',
      'FROM alpine AS other',
      'USER three',
      'FROM mid',
      'RUN c',
      'USER four',
      'RUN d',
    ].join('\n');
    const model = parseDockerfile(text);
    const at = (line: number) => model.instructions.find((i) => i.startLine === line - 1) as Instruction;
    const user = (line: number) => lastBefore(model, at(line), isUser)?.args[0]?.value;
    assert.strictEqual(user(4), 'one'); // inherited from base
    assert.strictEqual(user(6), 'two'); // own stage, before it
    assert.strictEqual(user(10), 'two'); // from mid, not from the unrelated stage
    assert.strictEqual(user(12), 'four');
    assert.strictEqual(lastBefore(model, at(2), isUser), undefined); // nothing before the first USER
  });

  it('agrees with a scan of instructionsBefore on generated multi-stage files', () => {
    for (let seed = 1; seed <= 6; seed++) assert.deepStrictEqual(mismatches(generateDockerfile(400, seed)), [], `seed ${seed}`);
  });

  it('agrees with a scan of instructionsBefore on the corpus', function () {
    const dir = corpusDir();
    if (!dir) this.skip();
    const bad: string[] = [];
    for (const f of corpusFiles(dir as string)) for (const m of mismatches(fs.readFileSync(f.path, 'utf8'))) bad.push(`${f.repo}/${f.file}: ${m}`);
    assert.deepStrictEqual(bad.slice(0, 5), []);
  });
});
