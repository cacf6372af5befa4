import { Language, Node as TsNode, Parser } from 'web-tree-sitter';

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

function copy(node: TsNode, field: string | undefined): ShellNode {
  const children: ShellNode[] = [];
  const count = node.childCount;
  for (let i = 0; i < count; i++) {
    const c = node.child(i);
    if (c) children.push(copy(c, node.fieldNameForChild(i) ?? undefined));
  }
  return { type: node.type, named: node.isNamed, start: node.startIndex, end: node.endIndex, field, children };
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
    return { root: copy(tree.rootNode, undefined), hasErrors: tree.rootNode.hasError };
  } finally {
    tree.delete();
  }
}
