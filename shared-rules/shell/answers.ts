import { ShellScript, SimpleCommand } from './model';

/** `yes | tool …` or `echo y | tool …`: something answers the tool's prompt. */
export function fedByYes(script: ShellScript, cmd: SimpleCommand): boolean {
  if (cmd.separator !== '|') return false;
  const prev = script.commands.filter((c) => c.end <= cmd.start && !c.inSubstitution).pop();
  return prev !== undefined && (prev.name === 'yes' || ((prev.name === 'echo' || prev.name === 'printf') && prev.args.some((a) => /^y(es)?(\\n)?$/i.test(a.value))));
}
