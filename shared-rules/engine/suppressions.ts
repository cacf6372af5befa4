import { DockerfileModel, Instruction } from '../model/types';
import { bisect } from '../text/bisect';
import { Rule } from './types';

/**
 * Which rules are switched off where, from every suppression syntax users
 * already have: ours, hadolint's (mapped through the equivalents) and
 * BuildKit's `# check=skip=` directive.
 */
export interface Suppressions {
  /** Rule ids off for the whole file ('*' = all). */
  file: Set<string>;
  /** Per instruction index. */
  instruction: Map<number, Set<string>>;
  /** Per stage index. */
  stage: Map<number, Set<string>>;
  /** BuildKit `# check=error=true`: its checks fail the build, so report them as errors. */
  buildkitErrors: boolean;
}

const OURS = /^layerwise\s+(global\s+|stage\s+)?ignore\s*=\s*([\w,\s-]+?)(?:\s+.*)?$/i;
const HADOLINT = /^hadolint\s+(global\s+)?ignore\s*=\s*([\w,\s]+?)\s*$/i;

export interface EquivalenceIndex {
  hadolint: Map<string, string[]>;
  buildkit: Map<string, string[]>;
  ids: Set<string>;
}

export function buildEquivalenceIndex(rules: readonly Rule[]): EquivalenceIndex {
  const hadolint = new Map<string, string[]>();
  const buildkit = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, key: string, id: string) => m.set(key, [...(m.get(key) ?? []), id]);
  for (const r of rules) {
    for (const code of r.meta.equivalents.hadolint ?? []) add(hadolint, code.toUpperCase(), r.meta.id);
    for (const name of r.meta.equivalents.buildkit ?? []) add(buildkit, name.toLowerCase(), r.meta.id);
  }
  return { hadolint, buildkit, ids: new Set(rules.map((r) => r.meta.id)) };
}

function splitIds(list: string): string[] {
  return list.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

export function collectSuppressions(model: DockerfileModel, eq: EquivalenceIndex): Suppressions {
  const result: Suppressions = { file: new Set(), instruction: new Map(), stage: new Map(), buildkitErrors: false };
  for (const d of model.directives) {
    if (d.name !== 'check') continue;
    for (const part of d.value.split(';')) {
      const [k, v = ''] = part.split('=').map((s) => s.trim());
      if (k === 'skip') {
        for (const name of v.split(',').map((s) => s.trim())) {
          if (name.toLowerCase() === 'all') for (const ids of eq.buildkit.values()) ids.forEach((id) => result.file.add(id));
          else for (const id of eq.buildkit.get(name.toLowerCase()) ?? []) result.file.add(id);
        }
      } else if (k === 'error' && v.toLowerCase() === 'true') result.buildkitErrors = true;
    }
  }
  // Searched only for the comments that suppress something: a lint of a
  // 20,000-line file used to index all its instructions and comments first.
  const { comments, instructions } = model;
  /** The instruction on the first line below comment `k` and the comments right under it. */
  const targetOf = (k: number): Instruction | undefined => {
    let l = comments[k].line + 1;
    for (let j = k + 1; j < comments.length && comments[j].line === l; j++) l++;
    const at = bisect(0, instructions.length, (i) => instructions[i].startLine >= l);
    return instructions[at]?.startLine === l ? instructions[at] : undefined;
  };
  const addTo = (map: Map<number, Set<string>>, key: number, ids: string[]) => {
    const set = map.get(key) ?? new Set<string>();
    ids.forEach((id) => set.add(id));
    map.set(key, set);
  };
  for (let k = 0; k < comments.length; k++) {
    const c = comments[k];
    let scope: 'file' | 'stage' | 'instruction' | undefined;
    let ids: string[] = [];
    const ours = OURS.exec(c.text);
    const hado = HADOLINT.exec(c.text);
    if (ours) {
      scope = ours[1]?.trim().toLowerCase() === 'global' ? 'file' : ours[1]?.trim().toLowerCase() === 'stage' ? 'stage' : 'instruction';
      ids = splitIds(ours[2]).map((s) => (s.toLowerCase() === 'all' ? '*' : s));
    } else if (hado) {
      scope = hado[1] ? 'file' : 'instruction';
      ids = splitIds(hado[2]).flatMap((code) => eq.hadolint.get(code.toUpperCase()) ?? []);
    }
    if (!scope || ids.length === 0) continue;
    if (scope === 'file') ids.forEach((id) => result.file.add(id));
    else {
      const target = targetOf(k);
      if (!target) continue;
      if (scope === 'stage') {
        if (target.keyword === 'FROM') addTo(result.stage, target.stageIndex, ids);
      } else addTo(result.instruction, target.index, ids);
    }
  }
  return result;
}

export function isSuppressed(s: Suppressions, ruleId: string, instr: Instruction | undefined): boolean {
  if (s.file.has(ruleId) || s.file.has('*')) return true;
  if (!instr) return false;
  const own = s.instruction.get(instr.index);
  if (own && (own.has(ruleId) || own.has('*'))) return true;
  const stage = s.stage.get(instr.stageIndex);
  return stage !== undefined && (stage.has(ruleId) || stage.has('*'));
}
