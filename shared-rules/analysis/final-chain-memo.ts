// The reports of a file-scoped rule that reads only the final stage and the
// stages it builds FROM, replayed while that part of the file is unchanged.
// Such a rule cannot be stage-scoped (a finding in a base stage depends on
// the final stage's text), so the engine runs it whole on every keystroke;
// a keystroke in any other stage leaves its result as it was, only moved.

import { Report, RuleContext } from '../engine/types';
import { instructionTextId } from '../model/parse';
import { finalStage, stageChain } from '../model/stages';
import { DockerfileModel, Stage } from '../model/types';
import { shiftLines } from '../text/types';
import { shiftEdits } from '../text/edits';
import { detach } from '../text/detach';
import { detachReport } from '../engine/detach-report';

interface StoredReport {
  report: Report;
  instructionIndex: number | undefined;
}

interface Entry {
  /**
   * Everything else the reports may depend on, compared exactly: the lines
   * before the first FROM (escape, global ARGs) and each chain stage's lines
   * up to the next FROM (the final one's to the end of the file).
   */
  texts: string[];
  line: number;
  index: number;
  reports: StoredReport[];
}

const SEP = '\u0001';

function moved(r: Report, d: number): Report {
  if (d === 0) return r;
  const out: Report = { range: shiftLines(r.range, d), message: r.message };
  if (r.tags) out.tags = r.tags;
  if (r.fixes) out.fixes = r.fixes.map((f) => ({ ...f, edits: shiftEdits(f.edits, d) }));
  return out;
}

export class FinalChainMemo {
  private readonly entries = new Map<string, Entry>();

  /**
   * @param linesInMessages the messages name line numbers: a stored result is
   *   then reused only where the chain did not move.
   * @param limit entries kept: each holds a copy of its chain's text, so
   *   few; one per open document is enough.
   */
  constructor(private readonly linesInMessages: boolean, private readonly limit = 4) {}

  /** Reports what `compute` reports for this model, from memory when the final chain is unchanged. */
  run(ctx: RuleContext, compute: (report: (r: Report) => void) => void): void {
    const { model } = ctx;
    const final = finalStage(model);
    const key = final && chainKey(model, stageChain(model, final));
    if (!final || key === undefined) {
      compute((r) => ctx.report(r));
      return;
    }
    const chain = stageChain(model, final);
    const root = chain[0].from;
    const texts = chainTexts(model, chain);
    const hit = this.entries.get(key);
    const d = hit ? root.startLine - hit.line : 0;
    if (hit && (d === 0 || !this.linesInMessages) && sameTexts(hit.texts, texts)) {
      const di = root.index - hit.index;
      for (const s of hit.reports) {
        const r = moved(s.report, d);
        ctx.report(s.instructionIndex === undefined ? r : { ...r, instruction: model.instructions[s.instructionIndex + di] });
      }
      return;
    }
    const reports: StoredReport[] = [];
    compute((r) => {
      reports.push({ report: { range: r.range, message: r.message, fixes: r.fixes, tags: r.tags }, instructionIndex: r.instruction?.index });
      ctx.report(r);
    });
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    // Kept across versions: copies, not views of this version's text (text/detach).
    const own = reports.map((s): StoredReport => ({ instructionIndex: s.instructionIndex, report: detachReport(s.report) }));
    this.entries.set(key, { texts: texts.map(detach), line: root.startLine, index: root.index, reports: own });
  }
}

/**
 * Names the instructions of the chain (by the parser's text ids, which
 * survive moves), where they sit relative to its first line, and every
 * stage's name and index; undefined for a model not built by the parser.
 */
function chainKey(model: DockerfileModel, chain: Stage[]): string | undefined {
  const root = chain[0].from;
  let key = `${model.escape}${model.stages.length}${SEP}`;
  for (const s of model.stages) key += `${s.name ?? ''}${SEP}`;
  for (const s of chain) {
    key += `S${s.index}`;
    for (const i of [s.from, ...s.instructions]) {
      const id = instructionTextId(model, i);
      if (id === undefined) return undefined;
      key += `,${id}@${i.startLine - root.startLine}/${i.index - root.index}`;
    }
  }
  return key;
}

function chainTexts(model: DockerfileModel, chain: Stage[]): string[] {
  const { lines, text, stages } = model;
  const texts = [text.slice(0, lines.lineStart(stages[0].from.startLine))];
  for (const s of chain) {
    const next = stages[s.index + 1];
    texts.push(text.slice(lines.lineStart(s.from.startLine), next ? lines.lineStart(next.from.startLine) : text.length));
  }
  return texts;
}

function sameTexts(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
