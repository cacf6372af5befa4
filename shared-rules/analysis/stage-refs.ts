import { DockerfileModel } from '../model/types';
import { Range } from '../text/types';

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
