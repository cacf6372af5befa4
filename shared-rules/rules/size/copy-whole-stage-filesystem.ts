import { Rule } from '../../engine/types';
import { copyArgs } from '../../analysis/copy-args';
import { imageStages, rootStage } from '../../model/stages';
import { DockerfileModel } from '../../model/types';

const ROOT = /^\/(\.|\*)?\/?$/;
/** Helper images that are FROM scratch and meant to be copied whole (`COPY --from=xx / /`). */
const SCRATCH_HELPERS = /^(docker\.io\/)?tonistiigi\/xx(:|@|$)/;

/** A stage built FROM scratch holds only what was put into it: copying all of it is fine. */
function fromScratch(model: DockerfileModel, name: string): boolean {
  const lower = name.toLowerCase();
  const stage = model.stages.find((s) => s.name === lower) ?? (/^\d+$/.test(name) ? model.stages[Number(name)] : undefined);
  if (!stage) return SCRATCH_HELPERS.test(lower);
  const root = rootStage(model, stage);
  return root.baseKind === 'scratch' || SCRATCH_HELPERS.test(root.image?.resolved.toLowerCase() ?? '');
}

const rule: Rule = {
  meta: {
    id: 'copy-whole-stage-filesystem',
    scope: 'instruction',
    category: 'size',
    severity: 'warning',
    fixable: 'none',
    equivalents: { hadolint: ['DL3067'] },
    docs: {
      summary: '`COPY --from=stage / /`: the whole filesystem of another stage or image.',
      why:
        'Copying `/` brings everything along: the other stage\'s base OS, package manager databases and caches, compilers, sources and temporary files. That defeats the point of a multi-stage build, and when both stages share a base the OS ends up in the image twice (once in the base layers, once in the copied layer). Copy only the paths the image needs (the binary, its config, the installed packages\' directory).',
      bad: 'FROM golang:1.24 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /\nCMD ["/out/app"]\n',
      good: 'FROM golang:1.24 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /out/app\nCMD ["/out/app"]\n',
      fix: 'None: which paths the image needs is yours to decide. Not flagged: copies in build stages that do not end up in the image, and copies from stages built FROM scratch (or helper images such as `tonistiigi/xx`), which hold only what was put in them. Squashing a full stage into `FROM scratch` on purpose is legitimate: suppress the finding there.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const shipped = imageStages(model);
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY' || !shipped.has(instr.stageIndex)) continue;
      const from = instr.flags.find((f) => f.name === 'from');
      if (!from?.value || fromScratch(model, from.value)) continue;
      for (const src of copyArgs(instr).sources) {
        if (!ROOT.test(src.value)) continue;
        ctx.report({
          range: src.range,
          instruction: instr,
          message: `Copy only the paths the image needs from \`${from.value}\`, not its whole filesystem.`,
        });
      }
    }
  },
};

export default rule;
