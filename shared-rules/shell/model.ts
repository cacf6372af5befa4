import { LineIndex } from '../text/line-index';
import { Range } from '../text/types';
import { MappedText } from '../model/source-map';
import { parseScript } from './script-parser';
import { textCache } from '../text/text-cache';
import { mapOrNone } from '../model/none';
import { CommandParts, DocCommand, DocWord } from './doc-nodes';

export type Separator = '&&' | '||' | ';' | '|' | '|&' | '&';

export interface Word {
  /** The word as written in the shell text. */
  text: string;
  /** The literal value after quote removal; equal to `text` when not static. */
  value: string;
  /** False when the word contains an expansion or substitution. */
  static: boolean;
  /** Document offsets and range. */
  start: number;
  end: number;
  /** Built on each read (see text/packed-range): a fresh object. */
  readonly range: Range;
}

export interface Redirect {
  operator: string;
  target: Word | undefined;
}

export interface SimpleCommand {
  /** The command name as written (`apt-get`, `/usr/bin/pip`, `export`). */
  name: string;
  nameWord: Word;
  args: Word[];
  /** `VAR=value` prefixes; `word` is the whole `VAR=value` as written. */
  assignments: readonly { name: string; value: string; word?: Word }[];
  redirects: readonly Redirect[];
  /** The operator before this command; undefined for the first one or after a newline. */
  separator: Separator | undefined;
  /** Inside `$(…)`/backticks. */
  inSubstitution: boolean;
  /** Inside if/while/for/case/function bodies, a subshell, or after `||`. */
  conditional: boolean;
  start: number;
  end: number;
  /** Built on each read (see text/packed-range): a fresh object. */
  readonly range: Range;
  /** Order in the script. */
  index: number;
}

export interface ShellScript {
  source: MappedText;
  commands: SimpleCommand[];
  hasErrors: boolean;
  /** Any `|` pipeline in the script. */
  hasPipe: boolean;
  /** A `# comment` inside the script: appending ` && …` after it would be commented out. */
  hasComment: boolean;
}

/** Shell-text-relative forms of Word / SimpleCommand / ShellScript: what a parse of the text alone gives, cached by text. */
export interface RelWord { text: string; value: string; static: boolean; start: number; end: number }
export interface RelCommand {
  name: RelWord;
  args: RelWord[];
  assignments: { name: string; value: string; word: RelWord }[];
  redirects: { operator: string; target: RelWord | undefined }[];
  separator: Separator | undefined;
  inSubstitution: boolean;
  conditional: boolean;
  start: number;
  end: number;
}
export interface RelScript { commands: RelCommand[]; hasErrors: boolean; hasPipe: boolean; hasComment: boolean }

const cache = textCache<RelScript>();

// Cached across versions: the words are read from the cache's own copy of the text, not from this version's.
function relativeScript(sliced: string): RelScript {
  return cache.getOrCreate(sliced, parseScript);
}

/** Parses shell text taken from the document and maps every word back to it. */
export function buildShellScript(source: MappedText, lines: LineIndex): ShellScript {
  const rel = relativeScript(source.text);
  const mapWord = (w: RelWord): Word => DocWord.at(lines, w.text, w.value, w.static, source.toDocument(w.start), source.toDocument(w.end, true));
  const commands = rel.commands.map((c, index): SimpleCommand => {
    const parts: CommandParts = {
      name: c.name.value,
      nameWord: mapWord(c.name),
      args: c.args.map(mapWord),
      assignments: mapOrNone(c.assignments, (a) => ({ name: a.name, value: a.value, word: mapWord(a.word) })),
      redirects: mapOrNone(c.redirects, (r) => ({ operator: r.operator, target: r.target && mapWord(r.target) })),
      separator: c.separator,
      inSubstitution: c.inSubstitution,
      conditional: c.conditional,
      index,
    };
    return DocCommand.at(lines, parts, source.toDocument(c.start), source.toDocument(c.end, true));
  });
  return { source, commands, hasErrors: rel.hasErrors, hasPipe: rel.hasPipe, hasComment: rel.hasComment };
}
