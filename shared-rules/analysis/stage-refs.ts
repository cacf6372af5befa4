import { DockerfileModel, Stage } from '../model/types';
import { Range, TextEdit } from '../text/types';

/**
 * Every place that names a stage: `FROM <name>`, `COPY --from=<name>` and
 * `RUN --mount=…,from=<name>`, starting at instruction `fromIndex`. Stage
 * names are case-insensitive in BuildKit, and so is the match here.
 */
export function stageNameReferences(model: DockerfileModel, name: string, fromIndex: number): Range[] {
  const target = name.toLowerCase();
  const out: Range[] = [];
  for (const instr of model.instructions) {
    if (instr.index < fromIndex) continue;
    if (instr.keyword === 'FROM' && instr.args[0] && instr.args[0].value.toLowerCase() === target && instr.args[0].raw === instr.args[0].value) out.push(instr.args[0].range);
    for (const f of instr.flags) {
      if (!f.valueRange || f.value === undefined) continue;
      if (f.name === 'from' && (instr.keyword === 'COPY' || instr.keyword === 'ADD') && f.value.toLowerCase() === target) out.push(f.valueRange);
      if (f.name === 'mount' && instr.keyword === 'RUN') {
        const start = model.lines.offsetAt(f.valueRange.start);
        const re = /(^|,)from=([^,]*)/g;
        for (let m = re.exec(f.value); m; m = re.exec(f.value)) {
          if (m[2].toLowerCase() !== target) continue;
          const at = start + m.index + m[1].length + 'from='.length;
          out.push(model.lines.rangeOf(at, at + m[2].length));
        }
      }
    }
  }
  return out;
}

/**
 * Edits that rename `stage` to `fresh`: its `AS` name and every reference to
 * it up to the next stage that takes the same name. None for an unnamed stage.
 */
export function renameStageEdits(model: DockerfileModel, stage: Stage, fresh: string): TextEdit[] {
  if (!stage.name || !stage.nameRange) return [];
  const next = model.stages.find((s) => s.index > stage.index && s.name === stage.name);
  const refs = stageNameReferences(model, stage.name, stage.from.index + 1).filter((r) => !next || r.start.line < next.from.startLine);
  return [stage.nameRange, ...refs].map((range) => ({ range, newText: fresh }));
}
