import { Language, Parser, TreeCursor } from 'web-tree-sitter';
import { join, dirname } from 'node:path';
import { RelCommand, RelScript, RelWord, Separator } from '../../shared-rules/shell/model';

/*
 * The test oracle for the shell parser: tree-sitter-bash (WASM, through
 * web-tree-sitter) walked into the same simple commands the core's own parser
 * (shared-rules/shell/script-parser.ts) gives. Until 0.1.0 this was the
 * product's parser; it now runs only in tests, and the differential test
 * holds parseScript to it on the corpus, its mutations and typing.
 */

export interface ShellParserAssets {
  runtime: string | Uint8Array;
  grammar: string | Uint8Array;
}

/** Loads tree-sitter-bash from node_modules (devDependencies) once. */
export function loadOracle(): Promise<void> {
  return initShellParser({
    runtime: require.resolve('web-tree-sitter/tree-sitter.wasm'),
    grammar: join(dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm'),
  });
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

function initShellParser(assets: ShellParserAssets): Promise<void> {
  if (parser) return Promise.resolve();
  loading ??= (async () => {
    const runtime = assets.runtime;
    await Parser.init(
      typeof runtime === 'string'
        ? { locateFile: () => runtime }
        : { wasmBinary: runtime },
    );
    const language = await Language.load(assets.grammar);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  return loading;
}

/** A plain-object copy of the syntax tree, so WASM memory is freed at once. */
export interface ShellNode {
  type: string;
  named: boolean;
  start: number;
  end: number;
  field: string | undefined;
  children: ShellNode[];
}

/**
 * Walks the tree with one cursor: asking a node for each child and its field
 * name marshals a fresh node object out of WASM per call, which cost more than
 * the parse itself on a typical RUN.
 */
function copyTree(cursor: TreeCursor): ShellNode {
  const root: ShellNode = { type: cursor.nodeType, named: cursor.nodeIsNamed, start: cursor.startIndex, end: cursor.endIndex, field: undefined, children: [] };
  const path: ShellNode[] = [root];
  if (!cursor.gotoFirstChild()) return root;
  for (;;) {
    const node: ShellNode = { type: cursor.nodeType, named: cursor.nodeIsNamed, start: cursor.startIndex, end: cursor.endIndex, field: cursor.currentFieldName ?? undefined, children: [] };
    path[path.length - 1].children.push(node);
    if (cursor.gotoFirstChild()) {
      path.push(node);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (path.length === 1 || !cursor.gotoParent()) return root;
      path.pop();
    }
  }
}

export interface ParsedShell {
  root: ShellNode;
  hasErrors: boolean;
}

export function parseShellText(text: string): ParsedShell {
  if (!parser) throw new Error('Shell parser not initialised: call initShellParser() (or the host ready()) first.');
  const tree = parser.parse(text);
  if (!tree) return { root: { type: 'program', named: true, start: 0, end: text.length, field: undefined, children: [] }, hasErrors: true };
  try {
    const cursor = tree.walk();
    try {
      return { root: copyTree(cursor), hasErrors: tree.rootNode.hasError };
    } finally {
      cursor.delete();
    }
  } finally {
    tree.delete();
  }
}

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

