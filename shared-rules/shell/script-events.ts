import { RelCommand, Separator } from './model';

/**
 * What the parser meets, in the order the walk of tree-sitter-bash's tree
 * visited it (test/helpers/tree-sitter-oracle.ts). Separators set the
 * operator the next command takes; an
 * `open`/`close` pair brackets a substitution, which restarts and then
 * restores that operator only when a command owns the substitution
 * (`x=$(a) b`), not when it stands alone (`for i in $(a)`, `x=$(a)`).
 */
export type ScriptEvent =
  | { kind: 'command'; command: RelCommand }
  | { kind: 'separator'; op: Separator }
  | { kind: 'comment' }
  | { kind: 'open'; isolate: boolean }
  | { kind: 'close' }
  | { kind: 'group'; events: ScriptEvent[] };

export interface Replayed {
  commands: RelCommand[];
  hasPipe: boolean;
  hasComment: boolean;
}

/**
 * What a command owns of the events met while reading its words: only its
 * substitutions are walked (an operator inside `$((a|b))` or a comment
 * inside `${…}` is not), and each restarts the pending operator.
 */
export function ownedEvents(events: ScriptEvent[]): ScriptEvent[] {
  const out: ScriptEvent[] = [];
  let depth = 0;
  for (const e of events) {
    if (e.kind === 'open') {
      if (depth === 0) {
        out.push({ kind: 'open', isolate: true });
        depth++;
        continue;
      }
      depth++;
    } else if (e.kind === 'close') depth--;
    if (depth > 0 || e.kind === 'command' || e.kind === 'group') out.push(e);
  }
  return out;
}

/** Replays the events: gives each command the separator before it, in order. */
export function replayEvents(events: ScriptEvent[]): Replayed {
  const commands: RelCommand[] = [];
  let pending: Separator | undefined;
  let hasPipe = false;
  let hasComment = false;
  const saved: (Separator | undefined)[] = [];
  const isolating: boolean[] = [];
  // Groups nest as deep as the script does: walk them with an explicit stack.
  const stack: { events: ScriptEvent[]; at: number }[] = [{ events, at: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.at >= top.events.length) {
      stack.pop();
      continue;
    }
    const e = top.events[top.at++];
    switch (e.kind) {
      case 'command':
        e.command.separator = pending;
        pending = undefined;
        commands.push(e.command);
        break;
      case 'separator':
        pending = e.op;
        if (e.op === '|' || e.op === '|&') hasPipe = true;
        break;
      case 'comment':
        hasComment = true;
        break;
      case 'open':
        isolating.push(e.isolate);
        if (e.isolate) {
          saved.push(pending);
          pending = undefined;
        }
        break;
      case 'close':
        if (isolating.pop()) pending = saved.pop();
        break;
      case 'group':
        stack.push({ events: e.events, at: 0 });
        break;
    }
  }
  return { commands, hasPipe, hasComment };
}
