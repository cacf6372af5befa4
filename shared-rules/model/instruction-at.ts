import { bisect } from '../text/bisect';
import { comparePositions, Position } from '../text/types';
import { DockerfileModel, Instruction } from './types';

/** Finds the instruction containing a position by binary search over ranges. */
export function instructionAt(model: DockerfileModel, p: Position): Instruction | undefined {
  const list = model.instructions;
  // Ranges are in document order and apart: the first that ends at or after `p` is the only candidate.
  const i = list[bisect(0, list.length, (k) => comparePositions(list[k].range.end, p) >= 0)];
  return i !== undefined && comparePositions(p, i.range.start) >= 0 ? i : undefined;
}
