import { normalizeCopySource } from '../context/copy-sources';
import { detectStack, suggestDockerignore } from '../context/dockerignore-suggest';
import { Arg, DockerfileModel, Instruction } from '../model/types';

/** COPY/ADD from the build context (not `--from`, not a heredoc-only instruction). */
export function isContextCopy(instr: Instruction): boolean {
  return (instr.keyword === 'COPY' || instr.keyword === 'ADD') && !instr.flags.some((f) => f.name === 'from') && instr.args.length >= 2;
}

/** The `.` source of a COPY/ADD that takes the whole context, if any. */
export function wholeContextSource(instr: Instruction): Arg | undefined {
  if (!isContextCopy(instr)) return undefined;
  return instr.args.slice(0, -1).find((a) => normalizeCopySource(a.value) === '.' && !a.value.includes('*') && !a.value.startsWith('<<'));
}

/** Context paths the Dockerfile copies by name: a suggested .dockerignore must not exclude them. */
export function namedSources(model: DockerfileModel): string[] {
  const out: string[] = [];
  for (const i of model.instructions) {
    if (!isContextCopy(i)) continue;
    for (const a of i.args.slice(0, -1)) {
      if (a.value.startsWith('<<') || /^[a-z]+:\/\//i.test(a.value) || a.value.includes('$')) continue;
      if (normalizeCopySource(a.value) !== '.') out.push(a.value);
    }
  }
  return out;
}

/**
 * The `.dockerignore` Layerwise proposes for this Dockerfile's context. One
 * function for the rule's fix and for the host, which measures what COPY
 * would ship with it, so the fix title can state the saving.
 */
export function suggestedDockerignore(model: DockerfileModel, contextEntries: readonly string[]): string {
  return suggestDockerignore(detectStack([...contextEntries]), { keep: namedSources(model) });
}
