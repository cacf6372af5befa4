import { Language, Parser, TreeCursor } from 'web-tree-sitter';

/**
 * tree-sitter-bash through web-tree-sitter: a real, error-tolerant shell
 * parser (half-typed commands still give a tree), synchronous once loaded,
 * and WASM so the same core runs in Node, a browser or a web worker.
 */
export interface ShellParserAssets {
  /** web-tree-sitter's runtime (`tree-sitter.wasm`): a path or its bytes. */
  runtime: string | Uint8Array;
  /** The bash grammar (`tree-sitter-bash.wasm`): a path or its bytes. */
  grammar: string | Uint8Array;
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

export function initShellParser(assets: ShellParserAssets): Promise<void> {
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

export function shellParserReady(): boolean {
  return parser !== undefined;
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
