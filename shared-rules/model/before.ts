import { stageChain, stageOf } from './stages';
import { DockerfileModel, Instruction } from './types';

/**
 * "The last USER / SHELL / matching ENV before this RUN" without scanning
 * everything before it for every RUN: that scan made a 2,000-line stage cost
 * ~0.5 s per keystroke. Each stage's matches are listed once per model and
 * predicate (predicates are module-level functions, so their identity is the
 * key), then a query is a binary search in its own stage and a look at the
 * stages it builds FROM — the same instructions as instructionsBefore().
 */
type Predicate = (model: DockerfileModel, instr: Instruction) => boolean;

const memo = new WeakMap<DockerfileModel, Map<Predicate, (Instruction[] | undefined)[]>>();

function matchesIn(model: DockerfileModel, stageIndex: number, pred: Predicate): Instruction[] {
  let perPred = memo.get(model);
  if (!perPred) memo.set(model, (perPred = new Map()));
  let perStage = perPred.get(pred);
  if (!perStage) perPred.set(pred, (perStage = []));
  let list = perStage[stageIndex];
  if (!list) perStage[stageIndex] = list = model.stages[stageIndex].instructions.filter((i) => pred(model, i));
  return list;
}

/** The last instruction before `instr` (in its stage chain, as instructionsBefore orders them) that `pred` accepts. */
export function lastBefore(model: DockerfileModel, instr: Instruction, pred: Predicate): Instruction | undefined {
  const stage = stageOf(model, instr);
  if (!stage) return undefined;
  const own = matchesIn(model, stage.index, pred);
  let lo = 0;
  let hi = own.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (own[mid].index < instr.index) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) return own[lo - 1];
  const chain = stageChain(model, stage);
  for (let k = chain.length - 2; k >= 0; k--) {
    const list = matchesIn(model, chain[k].index, pred);
    if (list.length > 0) return list[list.length - 1];
  }
  return undefined;
}
