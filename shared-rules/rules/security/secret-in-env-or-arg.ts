import { Fix, Rule } from '../../engine/types';
import { isNonSecretValue, knownSecretFormat, looksRandom, secretNameStrength } from '../../analysis/secrets';
import { removeInstructionEdit } from '../../fixes/remove-text';
import { KeyValue, keyValuePairs } from '../../model/key-values';
import { DockerfileModel, Instruction } from '../../model/types';
import { findVariableRefs, isVariableName } from '../../model/variables';
import { TextEdit } from '../../text/types';

/** Why the pair is flagged, or undefined. */
function verdict(keyword: string, pair: KeyValue): string | undefined {
  const value = pair.value;
  const format = value ? knownSecretFormat(value) : undefined;
  if (format) return `looks like ${format}`;
  const strength = secretNameStrength(pair.name);
  if (strength === 'strong') {
    // A build argument's value comes from `--build-arg`, so even without a default it ends up in the history.
    if (keyword === 'ARG' && (value === undefined || value === '')) return 'is named like a secret';
    if (value !== undefined && !isNonSecretValue(value)) return 'is named like a secret and has a literal value';
    return undefined;
  }
  if (strength === 'weak' && value !== undefined && value.split(/\s+/).some(looksRandom)) return 'has a random-looking literal value';
  return undefined;
}

/**
 * `ARG NPM_TOKEN` used only by RUN commands of its stage can become a secret
 * mount exposing the same variable (`env=`, Dockerfile 1.10+). Anything else
 * (a default, a use outside RUN, a redeclaration) would change behaviour.
 */
function secretMountFix(model: DockerfileModel, instr: Instruction, pair: KeyValue, pairs: readonly KeyValue[]): Fix | undefined {
  if (instr.keyword !== 'ARG' || instr.stageIndex < 0 || pairs.length !== 1 || pair.value !== undefined) return undefined;
  if (!isVariableName(pair.name)) return undefined;
  const stage = model.stages[instr.stageIndex];
  const runs: Instruction[] = [];
  for (const later of stage.instructions) {
    if (later.index <= instr.index) continue;
    if ((later.keyword === 'ARG' || later.keyword === 'ENV') && keyValuePairs(model, later).some((p) => p.name === pair.name)) return undefined;
    const text = model.text.slice(later.start, later.end);
    if (!findVariableRefs(text, model.escape).some((r) => r.name === pair.name)) continue;
    if (later.keyword !== 'RUN' || later.jsonForm) return undefined;
    runs.push(later);
  }
  if (runs.length === 0) return undefined;
  const id = pair.name.toLowerCase();
  const edits: TextEdit[] = [removeInstructionEdit(model, instr)];
  for (const run of runs) edits.push({ range: { start: run.keywordRange.end, end: run.keywordRange.end }, newText: ` --mount=type=secret,id=${id},env=${pair.name}` });
  if (!model.directives.some((d) => d.name === 'syntax')) edits.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# syntax=docker/dockerfile:1\n' });
  return { title: `Pass ${pair.name} as a build secret (RUN --mount=type=secret)`, safe: false, edits };
}

const rule: Rule = {
  meta: {
    id: 'secret-in-env-or-arg',
    scope: 'stage',
    category: 'security',
    severity: 'warning',
    fixable: 'unsafe',
    equivalents: { hadolint: ['DL3064'], buildkit: ['SecretsUsedInArgOrEnv'], trivy: ['DS-0031'] },
    docs: {
      summary: 'ENV or ARG whose name or literal value looks like a secret (password, token, API key, private key…).',
      why:
        'ENV values are stored in the image config: anyone who can pull the image reads them with `docker inspect`. ARG values passed with `--build-arg` are recorded in the image history and the build provenance. A credential put there leaks with every copy of the image. BuildKit secret mounts (`RUN --mount=type=secret`) give a RUN step the secret without writing it to any layer or to the metadata.\n\nNot flagged: public key fingerprints (`GPG_KEY`, `*_KEY_ID`, `PUBLIC_KEY`, keyrings), checksums, URLs and file paths (`PASSWORD_FILE`, `TOKEN_URL`), switches (`MYSQL_ALLOW_EMPTY_PASSWORD`), empty values, pure `${…}` references and one-character placeholders.',
      bad: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
      good: '# syntax=docker/dockerfile:1\nFROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
      fix: 'For a build argument without a default that only RUN commands of its stage use, removes the ARG and gives each of those RUNs `--mount=type=secret,id=<name>,env=<NAME>` (Dockerfile 1.10+, so `# syntax=docker/dockerfile:1` is added when missing); build with `--secret id=<name>,env=<NAME>` instead of `--build-arg`. Unsafe: the build command changes. No fix for ENV: the program may need the value at run time, where it belongs in the runtime environment or a mounted secret file.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG') continue;
      const pairs = keyValuePairs(model, instr);
      for (const pair of pairs) {
        const why = verdict(instr.keyword, pair);
        if (!why) continue;
        const byValue = why.startsWith('looks like') || why.startsWith('has a random');
        const where = instr.keyword === 'ENV'
          ? 'ENV values are stored in the image for anyone who pulls it'
          : 'build arguments are recorded in the image history';
        const fix = secretMountFix(model, instr, pair, pairs);
        ctx.report({
          range: byValue && pair.valueRange ? pair.valueRange : pair.nameRange,
          instruction: instr,
          message: `\`${pair.name}\` ${why}, and ${where}: use a secret mount (\`RUN --mount=type=secret\`) instead.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

export default rule;
