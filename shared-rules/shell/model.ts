import { detach } from '../text/detach';
import { LineIndex } from '../text/line-index';
import { Range } from '../text/types';
import { MappedText } from '../model/source-map';
import { parseShellText, ShellNode } from './parser';
import { textCache } from '../text/text-cache';

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
  range: Range;
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
  assignments: { name: string; value: string; word?: Word }[];
  redirects: Redirect[];
  /** The operator before this command; undefined for the first one or after a newline. */
  separator: Separator | undefined;
  /** Inside `$(…)`/backticks. */
  inSubstitution: boolean;
  /** Inside if/while/for/case/function bodies, a subshell, or after `||`. */
  conditional: boolean;
  start: number;
  end: number;
  range: Range;
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

const SEPARATORS = new Set(['&&', '||', ';', '|', '|&', '&']);
const CONDITIONAL = new Set(['if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'function_definition', 'subshell']);
const WORDISH = new Set(['word', 'string', 'raw_string', 'concatenation', 'number', 'simple_expansion', 'expansion', 'command_substitution', 'ansi_c_string', 'translated_string', 'arithmetic_expansion', 'process_substitution', 'brace_expression']);

function unescapeBare(s: string): string {
  return s.replace(/\\([\s\S])/g, '$1');
}

function wordOf(node: ShellNode, text: string): RelWord {
  const raw = text.slice(node.start, node.end);
  const v = staticValue(node, text);
  return { text: raw, value: v ?? raw, static: v !== undefined, start: node.start, end: node.end };
}

function staticValue(node: ShellNode, text: string): string | undefined {
  const raw = text.slice(node.start, node.end);
  switch (node.type) {
    case 'word':
    case 'number':
      return unescapeBare(raw);
    case 'raw_string':
      return raw.slice(1, -1);
    case 'ansi_c_string':
      return raw.slice(2, -1);
    case 'string': {
      if (node.children.some((c) => c.named && c.type !== 'string_content')) return undefined;
      return raw.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1');
    }
    case 'concatenation': {
      let out = '';
      for (const c of node.children) {
        const v = staticValue(c, text);
        if (v === undefined) return undefined;
        out += v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

export function buildRelative(text: string): RelScript {
  const { root, hasErrors } = parseShellText(text);
  const commands: RelCommand[] = [];
  let pending: Separator | undefined;
  let hasPipe = false;
  let hasComment = false;

  const visit = (node: ShellNode, inSubst: boolean, conditional: boolean, redirects: RelCommand['redirects'] | undefined): void => {
    if (node.type === 'comment') {
      hasComment = true;
      return;
    }
    if (!node.named) {
      if (SEPARATORS.has(node.type)) {
        pending = node.type as Separator;
        if (node.type === '|' || node.type === '|&') hasPipe = true;
      }
      return;
    }
    if (node.type === 'command' || node.type === 'declaration_command' || node.type === 'unset_command') {
      const cmd = commandOf(node, text, pending, inSubst, conditional);
      pending = undefined;
      if (redirects) cmd.redirects.push(...redirects);
      commands.push(cmd);
      // Substitutions inside arguments run too: `$(curl …)`.
      for (const c of node.children) visitNested(c, cmd);
      return;
    }
    if (node.type === 'redirected_statement') {
      const own: RelCommand['redirects'] = [];
      for (const c of node.children) {
        if (c.field === 'redirect' || /redirect$/.test(c.type)) own.push(redirectOf(c, text));
      }
      for (const c of node.children) {
        if (c.field === 'redirect' || /redirect$/.test(c.type)) continue;
        visit(c, inSubst, conditional, own.length ? own : undefined);
      }
      return;
    }
    const cond = conditional || CONDITIONAL.has(node.type);
    const subst = inSubst || node.type === 'command_substitution' || node.type === 'process_substitution';
    let afterOr = false;
    for (const c of node.children) {
      // `a | b)` in a case item separates patterns; it is not a pipe.
      if (node.type === 'case_item' && !c.named && c.type === '|') continue;
      if (!c.named && c.type === '||') afterOr = true;
      visit(c, subst, cond || (node.type === 'list' && afterOr), undefined);
    }
  };

  const visitNested = (node: ShellNode, owner: RelCommand): void => {
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      const saved = pending;
      pending = undefined;
      for (const c of node.children) visit(c, true, owner.conditional, undefined);
      pending = saved;
      return;
    }
    for (const c of node.children) visitNested(c, owner);
  };

  visit(root, false, false, undefined);
  return { commands, hasErrors, hasPipe, hasComment };
}

function redirectOf(node: ShellNode, text: string): { operator: string; target: RelWord | undefined } {
  const op = node.children.find((c) => !c.named && /[<>]/.test(c.type));
  const dest = node.children.find((c) => c.field === 'destination') ?? node.children.find((c) => c.named && WORDISH.has(c.type));
  return { operator: op?.type ?? text.slice(node.start, node.end).replace(/\s.*$/s, ''), target: dest ? wordOf(dest, text) : undefined };
}

/**
 * tree-sitter-bash splits `a-$V/b-$V.tar.gz` after the second `$`; bash reads
 * one word there, so arguments that touch are joined again.
 */
function pushArgument(args: RelWord[], word: RelWord, text: string): void {
  const prev = args[args.length - 1];
  if (prev && prev.end === word.start) {
    args[args.length - 1] = { text: text.slice(prev.start, word.end), value: text.slice(prev.start, word.end), static: false, start: prev.start, end: word.end };
    return;
  }
  args.push(word);
}

function commandOf(node: ShellNode, text: string, separator: Separator | undefined, inSubstitution: boolean, conditional: boolean): RelCommand {
  let name: RelWord | undefined;
  const args: RelWord[] = [];
  const assignments: RelCommand['assignments'] = [];
  const redirects: RelCommand['redirects'] = [];
  if (node.type !== 'command') {
    // declaration_command / unset_command: the keyword is the first child.
    const kw = node.children[0];
    name = { text: kw.type, value: kw.type, static: true, start: kw.start, end: kw.end };
    for (const c of node.children.slice(1)) if (c.named) args.push(wordOf(c, text));
  } else {
    for (const c of node.children) {
      if (c.type === 'variable_assignment') {
        const raw = text.slice(c.start, c.end);
        const eq = raw.indexOf('=');
        const valueNode = c.children.find((x) => x.field === 'value');
        assignments.push({ name: raw.slice(0, eq), value: valueNode ? staticValue(valueNode, text) ?? raw.slice(eq + 1) : '', word: { text: raw, value: raw, static: false, start: c.start, end: c.end } });
      } else if (c.type === 'command_name') {
        name = wordOf(c.children[0] ?? c, text);
      } else if (/redirect$/.test(c.type)) {
        redirects.push(redirectOf(c, text));
      } else if (c.named && (c.field === 'argument' || WORDISH.has(c.type))) {
        pushArgument(args, wordOf(c, text), text);
      }
    }
  }
  name ??= { text: '', value: '', static: true, start: node.start, end: node.start };
  return { name, args, assignments, redirects, separator, inSubstitution, conditional, start: node.start, end: node.end };
}

const cache = textCache<RelScript>();

function relativeScript(sliced: string): RelScript {
  const hit = cache.get(sliced);
  if (hit) return hit;
  // Cached across versions: the words must not be views of this version's text.
  const text = detach(sliced);
  const built = buildRelative(text);
  cache.set(text, built);
  return built;
}

/** Parses shell text taken from the document and maps every word back to it. */
export function buildShellScript(source: MappedText, lines: LineIndex): ShellScript {
  const rel = relativeScript(source.text);
  const mapWord = (w: RelWord): Word => {
    const start = source.toDocument(w.start);
    const end = source.toDocument(w.end, true);
    return { text: w.text, value: w.value, static: w.static, start, end, range: lines.rangeOf(start, end) };
  };
  const commands = rel.commands.map((c, index): SimpleCommand => {
    const start = source.toDocument(c.start);
    const end = source.toDocument(c.end, true);
    return {
      name: c.name.value,
      nameWord: mapWord(c.name),
      args: c.args.map(mapWord),
      assignments: c.assignments.map((a) => ({ name: a.name, value: a.value, word: mapWord(a.word) })),
      redirects: c.redirects.map((r) => ({ operator: r.operator, target: r.target && mapWord(r.target) })),
      separator: c.separator,
      inSubstitution: c.inSubstitution,
      conditional: c.conditional,
      start,
      end,
      range: lines.rangeOf(start, end),
      index,
    };
  });
  return { source, commands, hasErrors: rel.hasErrors, hasPipe: rel.hasPipe, hasComment: rel.hasComment };
}
