// Whether some commands could read or write paths (or packages) that a fix
// wants to delete earlier than the Dockerfile does: moving the deletion past
// them would change what they see.

import { invocation } from '../shell/commands';
import { SimpleCommand } from '../shell/model';
import { baseName, globBase, isUnder } from './paths';
import { PathEvent, Tool } from './run-effects';

const TOOL_PROGRAMS: Record<Tool, RegExp> = {
  apt: /^(apt|apt-get|aptitude|apt-cache|apt-key|apt-mark|dpkg|dpkg-query|add-apt-repository)$/,
  apk: /^apk$/,
  rpm: /^(yum|dnf|microdnf|tdnf|rpm)$/,
  pip: /^(pip\d*(\.\d+)?|python\d*(\.\d+)?|poetry|pipenv|uv)$/,
  npm: /^(npm|npx|node|yarn|pnpm|corepack)$/,
  yarn: /^(yarn|node|corepack)$/,
  go: /^go$/,
};

export interface MovedDeletion {
  /** Deleted paths (globs) and `pkg:` names. */
  paths: readonly string[];
  /** Package managers that own what is deleted. */
  tools: ReadonlySet<Tool>;
}

/** True when the commands (or their filesystem events) may depend on what `moved` deletes. */
export function commandsMayUse(moved: MovedDeletion, commands: readonly SimpleCommand[], events: readonly PathEvent[]): boolean {
  if (commands.length === 0) return false;
  // An installed package can be run by anything.
  if (moved.paths.some((p) => p.startsWith('pkg:'))) return true;
  const bases = moved.paths.map(globBase);
  const names = bases.map(baseName).filter((n) => n.length >= 3);
  for (const c of commands) {
    const program = invocation(c).program;
    for (const t of moved.tools) if (TOOL_PROGRAMS[t].test(program)) return true;
    const words = [c.nameWord, ...c.args, ...c.redirects.flatMap((r) => (r.target ? [r.target] : []))];
    if (words.some((w) => names.some((n) => w.text.includes(n)))) return true;
  }
  return events.some((e) => !e.path.startsWith('pkg:') && bases.some((b) => isUnder(globBase(e.path), b) || isUnder(b, globBase(e.path))));
}
