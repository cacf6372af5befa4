import { perInstruction } from '../model/memo';
import { keyValuePairs } from '../model/key-values';
import { DockerfileModel, Instruction } from '../model/types';
import { findVariableRefs, VariableRef } from '../model/variables';

/** A `$NAME`/`${NAME…}` the builder itself expands, with document offsets. */
export interface BuilderRef extends VariableRef {
  /** Document offsets of the whole reference. */
  docStart: number;
  docEnd: number;
  /** Document offset of the name inside the reference. */
  nameStart: number;
}

/** Instructions whose arguments the builder expands (RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK are left to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
const EXPANDED_FLAGS = new Set(['chown', 'chmod']);

function refsIn(text: string, docStart: number, model: DockerfileModel): BuilderRef[] {
  return findVariableRefs(text, model.escape).map((r) => ({
    ...r,
    docStart: docStart + r.start,
    docEnd: docStart + r.end,
    nameStart: docStart + r.start + (text[r.start + 1] === '{' ? 2 : 1),
  }));
}

/**
 * The variable references the builder expands in `instr`, in order:
 * ENV/ARG/LABEL values, COPY/ADD paths and `--chown`/`--chmod`, and the
 * arguments of WORKDIR, USER, EXPOSE, VOLUME and STOPSIGNAL. Each ARG
 * value is tagged with the pair it belongs to so callers can follow
 * BuildKit's one-pair-at-a-time ARG expansion.
 */
export function builderRefs(model: DockerfileModel, instr: Instruction): readonly { ref: BuilderRef; pair: number }[] {
  if (!EXPANDED.has(instr.keyword)) return [];
  return refsOf(model, instr);
}

// Two rules walk the same references.
const refsOf = perInstruction(computeRefs);

function computeRefs(model: DockerfileModel, instr: Instruction): { ref: BuilderRef; pair: number }[] {
  const out: { ref: BuilderRef; pair: number }[] = [];
  const { lines } = model;
  if (instr.keyword === 'ENV' || instr.keyword === 'ARG' || instr.keyword === 'LABEL') {
    keyValuePairs(model, instr).forEach((kv, pair) => {
      if (kv.raw === undefined || !kv.valueRange) return;
      for (const ref of refsIn(lines.slice(kv.valueRange), lines.offsetAt(kv.valueRange.start), model)) out.push({ ref, pair });
    });
    return out;
  }
  for (const f of instr.flags) {
    if (!EXPANDED_FLAGS.has(f.name) || f.value === undefined || !f.valueRange) continue;
    for (const ref of refsIn(lines.slice(f.valueRange), lines.offsetAt(f.valueRange.start), model)) out.push({ ref, pair: -1 });
  }
  for (const a of instr.args) {
    if (a.raw.startsWith('<<')) continue;
    for (const ref of refsIn(a.raw, lines.offsetAt(a.range.start), model)) out.push({ ref, pair: -1 });
  }
  return out;
}
