import { Fix, Rule } from '../../engine/types';
import { shellScripts } from '../../engine/walk';
import { appendCommandEdit } from '../../fixes/append-command';
import { imageStages } from '../../model/stages';
import { DockerfileModel, Stage } from '../../model/types';
import { cacheMountTargets, removedPaths } from '../../shell/cache-paths';
import { ShellScript } from '../../shell/model';
import { NodePmCall, nodePmCalls, nodePmInstalls } from '../../shell/node-managers';

/** npm's cache (`~/.npm/_cacache`) and Yarn 1's (`/usr/local/share/.cache/yarn`, `~/.cache/yarn`) or a parent. */
const NPM_CACHE = /(^|\/)(\.npm(\/_cacache)?|_cacache|\.npm-cache|npm-cache)$/;
const YARN_CACHE = /(^|\/)(\.cache\/yarn(\/v\d+)?|\.cache|\.yarn-cache|yarn-cache|\.yarn\/cache|\.yarn\/berry(\/cache)?|\.yarn)$/;

/** Signs of Yarn 2+ (berry), whose cache may be what Plug'n'Play loads packages from. */
const BERRY = /\.yarnrc\.yml|yarn set version|yarn(pkg)?\s+(set|dlx)|corepack|--immutable|yarn@[2-9]|\.pnp\.c?js|YARN_ENABLE_|YARN_NODE_LINKER/;
/** Signs of Yarn 1. */
const CLASSIC = /--frozen-lockfile|--pure-lockfile|yarn@1|yarn global add/;

function cacheCleaned(script: ShellScript, calls: NodePmCall[], tool: 'npm' | 'yarn', targets: string[]): boolean {
  const pattern = tool === 'npm' ? NPM_CACHE : YARN_CACHE;
  if (targets.some((t) => pattern.test(t))) return true;
  if (calls.some((c) => c.tool === tool && c.action === 'cache' && ['clean', 'rm', 'clear'].includes(c.positionals[0]?.value ?? ''))) return true;
  // `npm cache clean` also covers a yarn that was installed through npm; the reverse does not hold.
  const asked = tool === 'npm' ? /npm config get cache|npm_config_cache/i : /yarn cache dir/;
  return removedPaths(script).some((w) => pattern.test(w.value.replace(/\/\*$/, '').replace(/\/+$/, '')) || asked.test(w.text));
}

function stageText(model: DockerfileModel, stages: Stage[]): string {
  return stages.map((s) => model.text.slice(s.from.start, (s.instructions[s.instructions.length - 1] ?? s.from).end)).join('\n');
}

const rule: Rule = {
  meta: {
    id: 'npm-cache-not-cleaned',
    category: 'size',
    severity: 'info',
    fixable: 'mixed',
    equivalents: { hadolint: ['DL3060'] },
    docs: {
      summary: '`npm install`/`yarn install` without cleaning the cache in the same RUN.',
      why:
        'npm stores every downloaded tarball in `~/.npm/_cacache`, Yarn 1 in `/usr/local/share/.cache/yarn`; the installed `node_modules` already hold the same code, so the cache is a second copy in the layer (often 50–300 MB for a web app).',
      bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev && npm cache clean --force\n',
      fix: 'Appends `&& npm cache clean --force` or `&& yarn cache clean` to the RUN. Safe for npm. For Yarn it is safe only with Yarn 1 (seen from `--frozen-lockfile`, `yarn global add`…); without such a sign the Yarn fix is marked unsafe. Yarn 2+ (`.yarnrc.yml`, `--immutable`, corepack) is not flagged: with Plug\'n\'Play the cache is where packages are loaded from. Quiet under a cache mount on the cache directory, when the RUN deletes the cache, and in build stages that do not end up in the image.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const shipped = imageStages(model);
    const text = stageText(model, model.stages.filter((s) => shipped.has(s.index)));
    const berry = BERRY.test(text);
    const classic = CLASSIC.test(text);
    for (const { instr, script } of shellScripts(ctx, { shippedOnly: true })) {
      const targets = cacheMountTargets(instr.flags);
      const calls = nodePmCalls(script);
      const seen = new Set<string>();
      for (const call of calls) {
        if (seen.has(call.tool) || !nodePmInstalls(call)) continue;
        seen.add(call.tool);
        if (call.tool === 'yarn' && berry) continue;
        if (cacheCleaned(script, calls, call.tool, targets)) continue;
        const clean = call.tool === 'npm' ? 'npm cache clean --force' : 'yarn cache clean';
        const edit = appendCommandEdit(model, instr, script, clean);
        const safe = call.tool === 'npm' || classic;
        const fixes: Fix[] = edit ? [{ title: `Append ${clean}${safe ? '' : ' (Yarn 1 only)'}`, safe, edits: [edit] }] : [];
        ctx.report({
          range: (call.subcommand ?? call.inv.programWord).range,
          instruction: instr,
          message: `Run \`${clean}\` at the end of this RUN: otherwise the ${call.tool} cache stays in the layer.`,
          fixes,
        });
      }
    }
  },
};

export default rule;
