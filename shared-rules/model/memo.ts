import { DockerfileModel, Instruction } from './types';

/**
 * `compute` memoized per key object. For results derived from an object that
 * never changes once built (a shell script, a command, a rule, a stage): a
 * WeakMap keeps each answer exactly as long as its key.
 */
export function weakMemo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = compute(key)));
    return value;
  };
}

/**
 * `compute` memoized per instruction, for results that depend on the
 * instruction and on its document's lines and escape character only. A
 * model's views share those with it, so one entry serves every rule; the
 * check keeps another document's lines from ever seeing it.
 */
export function perInstruction<V>(compute: (model: DockerfileModel, instr: Instruction) => V): (model: DockerfileModel, instr: Instruction) => V {
  // The lines' id, not the lines: later versions share the instruction.
  const memo = new WeakMap<Instruction, { linesId: number; escape: DockerfileModel['escape']; value: V }>();
  return (model, instr) => {
    const hit = memo.get(instr);
    if (hit && hit.linesId === model.lines.id && hit.escape === model.escape) return hit.value;
    const value = compute(model, instr);
    memo.set(instr, { linesId: model.lines.id, escape: model.escape, value });
    return value;
  };
}
