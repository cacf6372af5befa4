import { comparePositions, Position } from '../text/types';
import { DockerfileModel, Instruction } from './types';

/** Finds the instruction containing a position by binary search over ranges. */
export function instructionAt(model: DockerfileModel, p: Position): Instruction | undefined {
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = list[mid];
    if (comparePositions(p, i.range.start) < 0) hi = mid - 1;
    else if (comparePositions(p, i.range.end) > 0) lo = mid + 1;
    else return i;
  }
  return undefined;
}

