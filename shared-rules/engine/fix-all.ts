import { applyEdits, editsOverlap } from '../text/edits';
import { TextEdit } from '../text/types';
import { LintConfig, Linter } from './lint';
import { Fix, HostInfo } from './types';

export interface FixAllResult {
  text: string;
  applied: { ruleId: string; title: string }[];
  passes: number;
}

/**
 * Applies fixes until nothing more applies: each pass takes the first fix of
 * every finding that does not overlap an already chosen one, then re-lints,
 * because one fix (a merge of RUNs) can change what another should edit.
 */
export function fixAll(linter: Linter, text: string, config: LintConfig = {}, host: HostInfo = {}, opts: { unsafe?: boolean; maxPasses?: number } = {}): FixAllResult {
  const applied: FixAllResult['applied'] = [];
  let current = text;
  let passes = 0;
  const max = opts.maxPasses ?? 10;
  while (passes < max) {
    const { findings } = linter.lintText(current, config, host);
    const chosen: TextEdit[][] = [];
    const picked: { ruleId: string; fix: Fix }[] = [];
    for (const f of findings) {
      const fix = f.fixes.find((x) => (x.safe || opts.unsafe) && x.edits.length > 0 && !x.createFiles);
      if (!fix) continue;
      if (chosen.some((c) => editsOverlap(c, fix.edits))) continue;
      chosen.push(fix.edits);
      picked.push({ ruleId: f.ruleId, fix });
    }
    if (picked.length === 0) break;
    const next = applyEdits(current, chosen.flat());
    passes++;
    if (next === current) break;
    current = next;
    for (const p of picked) applied.push({ ruleId: p.ruleId, title: p.fix.title });
  }
  return { text: current, applied, passes };
}
