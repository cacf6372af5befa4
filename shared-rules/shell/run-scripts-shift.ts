import { MappedText } from '../model/source-map';
import { Instruction } from '../model/types';
import type { RunScripts } from './run-scripts';
import { mapOrNone } from '../model/none';
import { CommandParts, DocCommand, DocWord } from './doc-nodes';
import { ShellScript, SimpleCommand, Word } from './model';

/*
 * A RUN's scripts depend only on its own lines (and the escape character and
 * its stage's Windows-ness): the same lines elsewhere in the document give the
 * same scripts moved by a whole number of lines and characters. Moving them is
 * far cheaper than mapping every word again, which is what every instruction
 * after an edit would otherwise cost on each keystroke.
 */

function shiftWord(w: Word, dOff: number, d: number): Word {
  return DocWord.of(w).moved(dOff, d);
}

function shiftCommand(c: SimpleCommand, dOff: number, d: number): SimpleCommand {
  const parts: CommandParts = {
    name: c.name,
    nameWord: shiftWord(c.nameWord, dOff, d),
    args: c.args.map((w) => shiftWord(w, dOff, d)),
    assignments: mapOrNone(c.assignments, (a) => ({ name: a.name, value: a.value, word: a.word && shiftWord(a.word, dOff, d) })),
    redirects: mapOrNone(c.redirects, (r) => ({ operator: r.operator, target: r.target && shiftWord(r.target, dOff, d) })),
    separator: c.separator,
    inSubstitution: c.inSubstitution,
    conditional: c.conditional,
    index: c.index,
  };
  return DocCommand.of(c).moved(parts, dOff, d);
}

function shiftScript(s: ShellScript, dOff: number, d: number): ShellScript {
  const source = new MappedText(s.source.text, s.source.segments.map((g) => ({ at: g.at, doc: g.doc + dOff, length: g.length })));
  return { source, commands: s.commands.map((c) => shiftCommand(c, dOff, d)), hasErrors: s.hasErrors, hasPipe: s.hasPipe, hasComment: s.hasComment };
}

/**
 * The scripts of `from` (built for an instruction with the same lines) moved
 * to `instr`, `dOff` characters and `d` lines later; heredocs are those of
 * `instr`, at the same positions in its list.
 */
export function shiftRunScripts(from: RunScripts, fromInstr: Instruction, instr: Instruction, dOff: number, d: number): RunScripts {
  const main = from.main && shiftScript(from.main, dOff, d);
  const heredocs = from.heredocs.map((h) => ({ heredoc: instr.heredocs[fromInstr.heredocs.indexOf(h.heredoc)], script: shiftScript(h.script, dOff, d) }));
  return { main, heredocs, all: main ? [main, ...heredocs.map((h) => h.script)] : heredocs.map((h) => h.script) };
}

function wordInside(w: Word | undefined, lo: number, hi: number): boolean {
  return !w || (w.start >= lo && w.end <= hi);
}

/** Whether every offset of the scripts lies within [lo, hi]: only then can they move with the instruction's lines. */
export function scriptsWithin(s: RunScripts, fromInstr: Instruction, lo: number, hi: number): boolean {
  for (const h of s.heredocs) if (fromInstr.heredocs.indexOf(h.heredoc) === -1) return false;
  for (const script of s.all) {
    for (const g of script.source.segments) if (g.doc < lo || g.doc + g.length > hi) return false;
    for (const c of script.commands) {
      if (c.start < lo || c.end > hi || !wordInside(c.nameWord, lo, hi)) return false;
      for (const w of c.args) if (!wordInside(w, lo, hi)) return false;
      for (const a of c.assignments) if (!wordInside(a.word, lo, hi)) return false;
      for (const r of c.redirects) if (!wordInside(r.target, lo, hi)) return false;
    }
  }
  return true;
}
