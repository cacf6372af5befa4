import { builderRefs } from '../../analysis/expanded-words';
import { nearestName } from '../../analysis/suggest';
import { globalArgs, PLATFORM_ARGS, scopeAt } from '../../analysis/variable-scope';
import { rootStage } from '../../model/stages';
import { isWellKnownImageEnv } from '../../data/image-env';
import { Fix, Rule } from '../../engine/types';
import { keyValuePairs } from '../../model/key-values';
import { isVariableName } from '../../model/variables';

/** `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}`, `${X:?e}`: the author planned for X being unset. */
const HANDLES_UNSET = new Set([':-', '-', ':+', '+', ':?', '?']);

const rule: Rule = {
  meta: {
    id: 'undefined-variable',
    scope: 'stage',
    category: 'correctness',
    severity: 'warning',
    fixable: 'safe',
    equivalents: { buildkit: ['UndefinedVar'] },
    docs: {
      summary: 'A `$VAR` the builder expands (in COPY, ENV, WORKDIR, LABEL…) that no ARG or ENV defines.',
      why:
        'The builder replaces an undefined variable with an empty string, silently: `COPY app-$VERSION.jar /app/` copies `app-.jar`, `WORKDIR /opt/$APP` becomes `/opt/`. The usual cause is a global ARG (declared before the first FROM) used inside a stage: global ARGs are visible only to FROM lines until the stage re-declares them with `ARG NAME`. Variables in shell-form RUN are the shell\'s business and are not checked, and neither are names a base image may set (PATH, JAVA_HOME, PYTHON_VERSION…): like BuildKit\'s UndefinedVar, the rule reports only what it can see is undefined.',
      bad: 'ARG VERSION=1.4.2\nFROM alpine:3.22\nCOPY app-$VERSION.tar.gz /opt/\n',
      good: 'ARG VERSION=1.4.2\nFROM alpine:3.22\nARG VERSION\nCOPY app-$VERSION.tar.gz /opt/\n',
      fix: 'For a global ARG (or a BuildKit platform ARG such as TARGETARCH) used in a stage: declares `ARG NAME` right after the stage\'s FROM. For a name close to a defined one: replaces it with that name. Safe: an undefined variable expanded to an empty string, which is never what was meant.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const globals = globalArgs(model);
    for (const stage of model.stages) {
      const rootKnown = rootStage(model, stage).baseKind === 'scratch';
      const declared = new Set<string>();
      for (const instr of stage.instructions) {
        const refs = builderRefs(model, instr);
        if (refs.length === 0) continue;
        const scope = scopeAt(model, stage, instr);
        const pairs = keyValuePairs(model, instr).map((kv) => kv.name);
        for (const { ref, pair } of refs) {
          const name = ref.name;
          if (scope.has(name) || name === 'PATH' || ref.unclosed || (ref.operator && HANDLES_UNSET.has(ref.operator))) continue;
          // ENV pairs of the same statement are env-self-reference's; ARG pairs are expanded in order.
          if (instr.keyword === 'ENV' && pairs.includes(name)) continue;
          if (instr.keyword === 'ARG' && pairs.slice(0, pair).includes(name)) continue;
          const global = globals.has(name) || PLATFORM_ARGS.includes(name);
          const near = nearestName(name, [...scope.keys(), ...(instr.keyword === 'ARG' ? pairs.slice(0, pair) : [])].filter(isVariableName), true);
          // The base image's environment is unknown: report only what it is unlikely to define.
          if (!rootKnown && (isWellKnownImageEnv(name) || (!global && !near))) continue;
          const fixes: Fix[] = [];
          let message: string;
          if (global) {
            message = `\`$${name}\` is not defined in this stage: add \`ARG ${name}\` after FROM (${globals.has(name) ? 'a global ARG is visible only to FROM lines' : 'BuildKit\'s platform ARGs must be declared in the stage'}).`;
            if (!declared.has(name)) {
              declared.add(name);
              const at = model.lines.positionAt(stage.from.end);
              fixes.push({ title: `Declare \`ARG ${name}\` in this stage`, safe: true, edits: [{ range: { start: at, end: at }, newText: `\nARG ${name}` }] });
            }
          } else if (near) {
            message = `\`$${name}\` is not defined: did you mean \`$${near}\`?`;
            fixes.push({ title: `Change to \`$${near}\``, safe: true, edits: [{ range: model.lines.rangeOf(ref.nameStart, ref.nameStart + name.length), newText: near }] });
          } else message = `\`$${name}\` is not defined: declare it with ARG or ENV, or it expands to an empty string.`;
          ctx.report({ range: model.lines.rangeOf(ref.docStart, ref.docEnd), instruction: instr, message, fixes });
        }
      }
    }
  },
};

export default rule;
