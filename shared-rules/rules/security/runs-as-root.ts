import { Fix, Rule } from '../../engine/types';
import { lookupBaseImage } from '../../data/base-images';
import { finalStage, rootStage, stageChain } from '../../model/stages';
import { DockerfileModel, Instruction, Stage } from '../../model/types';

const ROOT = /^(root|0)(:.*)?$/;
const TRAILING = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'LABEL']);

/** The USER in effect at the end of `stage`: the last one in it or in the stages it builds on. */
function lastUser(model: DockerfileModel, stage: Stage): Instruction | undefined {
  return stageChain(model, stage).flatMap((s) => s.instructions).filter((i) => i.keyword === 'USER').pop();
}

/** Insert before the trailing block of CMD/ENTRYPOINT/EXPOSE…, where a USER line reads naturally. */
function insertionPoint(model: DockerfileModel, stage: Stage) {
  const list = stage.instructions;
  let k = list.length;
  while (k > 0 && TRAILING.has(list[k - 1].keyword)) k--;
  if (k < list.length) {
    const at = list[k];
    const p = { line: at.startLine, character: 0 };
    return { position: p, before: true };
  }
  const last = list[list.length - 1] ?? stage.from;
  return { position: model.lines.positionAt(last.end), before: false };
}

function userFix(model: DockerfileModel, stage: Stage, user: string | undefined, family: string | undefined): Fix | undefined {
  let lines: string[];
  if (user) lines = [`USER ${user}`];
  else if (family === 'debian' || family === 'ubuntu' || family === 'rhel' || family === 'fedora' || family === 'centos' || family === 'amazonlinux')
    lines = ['RUN groupadd --system app && useradd --system --gid app --no-log-init --create-home app', 'USER app'];
  else if (family === 'alpine' || family === 'busybox' || family === 'wolfi') lines = ['RUN addgroup -S app && adduser -S -G app app', 'USER app'];
  else return undefined;
  const { position, before } = insertionPoint(model, stage);
  const text = before ? lines.join('\n') + '\n' : '\n' + lines.join('\n');
  return { title: user ? `Run as the image's non-root user \`${user}\`` : 'Create a non-root user `app` and switch to it', safe: false, edits: [{ range: { start: position, end: position }, newText: text }] };
}

const rule: Rule = {
  meta: {
    id: 'runs-as-root',
    category: 'security',
    severity: 'warning',
    fixable: 'unsafe',
    equivalents: { hadolint: ['DL3002'], trivy: ['DS-0002'], checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'] },
    docs: {
      summary: 'The final stage runs as root: no USER, or the last USER is `root`/`0`.',
      why:
        'A process running as root in a container is root on the container\'s filesystem and, with a kernel or runtime escape, much closer to root on the host. Most services need no privileges at run time. Images that already default to a non-root user (distroless `:nonroot`, Chainguard, Bitnami…) and `scratch` are not flagged.',
      bad: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      good: 'FROM node:22-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      fix: "Adds `USER` with the image's own non-root user where the bundled table knows it (`node`, `nonroot`, …), else creates a system user `app` with the distro's command (Debian/Ubuntu/RHEL `useradd`, Alpine `adduser -S`) and switches to it, before the trailing CMD/ENTRYPOINT. Unsafe: the application may need to write to paths owned by root.",
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stage = finalStage(model);
    if (!stage || stage.windows) return;
    const base = rootStage(model, stage);
    if (base.baseKind === 'scratch') return;
    const info = base.image && base.baseKind === 'image' ? lookupBaseImage({ registry: base.image.registry, repository: base.image.repository, tag: base.image.tag }) : undefined;
    if (info?.family === 'windows') return;
    const user = lastUser(model, stage);
    if (user) {
      const value = user.args[0]?.value ?? '';
      if (!ROOT.test(value)) return;
      const fixes: Fix[] = info?.user.nonRootUser ? [{ title: `Switch to the image's non-root user \`${info.user.nonRootUser}\``, safe: false, edits: [{ range: user.args[0].range, newText: info.user.nonRootUser }] }] : [];
      ctx.report({ range: user.args[0]?.range ?? user.keywordRange, instruction: user, message: 'The image runs as root: switch to a non-root user in the final stage.', fixes });
      return;
    }
    if (info?.user.runsAsNonRoot) return;
    const fix = userFix(model, stage, info?.user.nonRootUser, info?.family);
    ctx.report({
      range: stage.image?.range ?? stage.from.keywordRange,
      instruction: stage.from,
      message: 'The final stage has no USER, so the container runs as root: add a non-root USER.',
      fixes: fix ? [fix] : [],
    });
  },
};

export default rule;
