import { ScriptEvent } from './script-events';

/**
 * One node of tree-sitter-bash's tree for a shell word: mostly the whole
 * word, but tree-sitter ends a concatenation early in places (`a$V/b$V.x`
 * becomes `a$V/b$` and `V.x`), and the pieces touch.
 */
export interface Piece {
  start: number;
  end: number;
  static: boolean;
  value: string;
  /** A lone `$` (tree-sitter's anonymous `$` node): not an argument. */
  anonymous: boolean;
}

/** Characters a tree-sitter-bash `word` token cannot hold unescaped. */
const SPECIAL = new Set(['\'', '"', '<', '>', '{', '}', '[', ']', '(', ')', '`', '$', '|', '&', ';', '\\', ' ', '\t', '\n', '\r', '\v', '\f']);
const ENDS_WORD = new Set([' ', '\t', '\n', '\r', '\v', '\f', '|', '&', ';', '<', '>', '(', ')']);
const SPECIAL_VARIABLE = new Set(['*', '@', '?', '!', '#', '-', '$', '_']);
const NAME_CHAR = /[A-Za-z0-9_]/;
const BLANK = new Set([' ', '\t', '\r', '\v', '\f']);
/**
 * How tree-sitter-bash lets `${…}` begin: an optional `#`/`!`, a name or
 * special parameter, then a subscript, the closing brace or an operator.
 * `${a b}`, `${a.b}`, `${\1}`, `${$a}`, `${#a:-x}` are errors in its tree
 * (bash itself only fails on them at run time).
 */
const BRACED_HEAD = /[ \t]*(?:#(?=[\w*@?$!#-])(?:\w+|[*@?$!#_-])[[}]|!(?=[\w*@?$!#-])(?:\w+|[*@?$!#_-])[[}:\-=?+#%/^,@*]|(?:\w+|[*@?$!#_-])[[}:\-=?+#%/^,@!])/y;

export function isWordEnd(c: string | undefined): boolean {
  return c === undefined || ENDS_WORD.has(c);
}

function unescapeBare(s: string): string {
  return s.replace(/\\([\s\S])/g, '$1');
}

interface Part {
  static: boolean;
  value: string;
  /** A `word` token (tree-sitter's concatenation rules differ after one). */
  word: boolean;
}

/**
 * Text-level reading shared by the statement parser: blanks, comments and
 * words with their quotes and expansions. Substitutions and arithmetic hold
 * statements, so the parser supplies them.
 */
export abstract class ShellReader {
  pos = 0;
  errors = false;
  /** Where events go; a command swaps in its own list while reading its words. */
  sink: ScriptEvent[] = [];
  /** Nesting of substitutions, groups and the like: bounded so hostile input cannot exhaust the stack. */
  depth = 0;
  /** Inside a backtick substitution, an unescaped backtick closes it. */
  backticks = 0;
  /** Inside `[ … ]` / `[[ … ]]` a `]` ends a word (`[ -f x]`). */
  bracketCloses = false;

  /** Where the trailing blanks (spaces and tabs) of the text begin. */
  private readonly blankTail: number;

  constructor(readonly text: string) {
    let i = text.length;
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
    this.blankTail = i;
  }

  /** Reads statements up to `close` and consumes it. */
  protected abstract substitution(open: string, close: ')' | '`'): void;
  /** Reads an arithmetic body up to `close` and consumes it. */
  protected abstract arithmetic(close: '))' | ']'): void;

  protected fail(): void {
    this.errors = true;
  }

  protected peek(offset = 0): string | undefined {
    return this.text[this.pos + offset];
  }

  protected startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  /** Skips blanks, escaped blanks and line continuations; not newlines or comments. */
  skipBlanks(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c !== undefined && BLANK.has(c)) this.pos++;
      else if (c === '\\' && (t[this.pos + 1] === '\n' || (t[this.pos + 1] !== undefined && BLANK.has(t[this.pos + 1])))) {
        this.pos += 2;
        // A line continuation with only blanks after it is an error for tree-sitter.
        if (t[this.pos - 1] === '\n' && this.pos >= this.blankTail) this.fail();
      }
      else return;
    }
  }

  protected skipComment(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.text.length : nl;
    this.sink.push({ kind: 'comment' });
  }

  /** At a word's first character (not a blank, operator or comment). */
  atWord(): boolean {
    const c = this.peek();
    if (isWordEnd(c) || c === '#') return c === '<' || c === '>' ? this.peek(1) === '(' : false;
    if (c === '`' && this.backticks > 0) return false;
    if (c === '\\') {
      const n = this.peek(1);
      return n !== undefined && n !== '\n' && !BLANK.has(n);
    }
    return true;
  }

  /** Reads one shell word as the pieces tree-sitter makes of it; none when not at a word. */
  readWord(): Piece[] {
    const pieces: Piece[] = [];
    if (!this.atWord()) return pieces;
    let start = this.pos;
    let parts: Part[] = [];
    const close = (end: number): void => {
      const stat = parts.every((p) => p.static);
      pieces.push({ start, end, static: stat, value: stat ? parts.map((p) => p.value).join('') : this.text.slice(start, end), anonymous: parts.length === 1 && !parts[0].word && parts[0].value === '$' && !parts[0].static });
      parts = [];
      start = end;
    };
    for (;;) {
      const c = this.peek();
      if (parts.length > 0 && (isWordEnd(c) || (c === '`' && this.backticks > 0) || (c === ']' && this.bracketCloses))) break;
      if (c === '\\') {
        const n = this.peek(1);
        if (n === undefined) {
          this.fail();
          this.pos++;
          break;
        }
        if (n === '\n' || BLANK.has(n)) break;
        // After a quote or expansion, tree-sitter joins an escape only when it escapes a quote or backslash.
        if (parts.length > 0 && !parts[parts.length - 1].word && n !== '"' && n !== '\'' && n !== '\\') close(this.pos);
        parts.push(this.readWordToken(parts.length === 0));
        continue;
      }
      if (c === '`' && parts.length > 0 && !this.backtickJoins()) close(this.pos);
      if (c === '$' && parts.length === 0 && this.peek(1) === '"') {
        // tree-sitter reads a leading `$"…"` as a lone `$` and then a string.
        this.pos++;
        parts.push({ static: false, value: '$', word: false });
        close(this.pos);
        continue;
      }
      if (c === '$' && parts.length >= 2 && this.dollarSplits()) {
        this.pos++;
        parts.push({ static: false, value: '$', word: false });
        close(this.pos);
        continue;
      }
      if ((c === '<' || c === '>') && parts.length === 0) {
        this.pos += 2;
        this.substitution(c + '(', ')');
        parts.push({ static: false, value: '', word: false });
        break;
      }
      const part = this.readPart();
      if (!part) break;
      parts.push(part);
    }
    if (parts.length > 0) close(this.pos);
    return pieces;
  }

  /** tree-sitter's scanner joins `a\`b\`` only when the closing backtick ends the word. */
  private backtickJoins(): boolean {
    const closing = this.text.indexOf('`', this.pos + 1);
    if (closing < 0) return false;
    const after = this.text[closing + 1];
    return after === undefined || /\s/.test(after);
  }

  /**
   * After two or more parts, `$NAME` followed by more word characters ends
   * the concatenation at the `$`: tree-sitter lexes `NAME…` as a new word.
   */
  private dollarSplits(): boolean {
    let i = this.pos + 1;
    const t = this.text;
    // A `$` that starts no expansion ends the concatenation (tree-sitter's closing `$`).
    if (!NAME_CHAR.test(t[i] ?? '')) return !/[*@?!#$_{(['"-]/.test(t[i] ?? ' ') && !/\s/.test(t[i] ?? ' ');
    while (NAME_CHAR.test(t[i] ?? '')) i++;
    const n = t[i];
    if (n === undefined) return false;
    if (n === '\\') return t[i + 1] !== undefined && !/\s/.test(t[i + 1]);
    return !SPECIAL.has(n);
  }

  private readWordToken(first: boolean): Part {
    const t = this.text;
    const start = this.pos;
    for (;;) {
      const c = t[this.pos];
      if (c === undefined) break;
      if (c === '\\') {
        const n = t[this.pos + 1];
        if (n === undefined || n === '\n' || n === '\t' || n === '\r' || n === '\v' || n === '\f') break;
        if (n === ' ' && (this.pos === start && first)) break;
        this.pos += 2;
        continue;
      }
      if (SPECIAL.has(c)) break;
      this.pos++;
    }
    return { static: true, value: unescapeBare(t.slice(start, this.pos)), word: true };
  }

  private readPart(): Part | undefined {
    const t = this.text;
    const c = t[this.pos];
    switch (c) {
      case '\'': {
        const end = t.indexOf('\'', this.pos + 1);
        if (end < 0) {
          this.fail();
          this.pos = t.length;
          return { static: false, value: '', word: false };
        }
        const value = t.slice(this.pos + 1, end);
        this.pos = end + 1;
        return { static: true, value, word: false };
      }
      case '"':
        return this.readDoubleQuoted();
      case '$':
        return this.readDollar();
      case '`':
        this.pos++;
        this.substitution('`', '`');
        return { static: false, value: '', word: false };
      case '{': {
        const m = /^\{\d+\.\.\d+\}/.exec(t.slice(this.pos, this.pos + 64));
        if (m) {
          this.pos += m[0].length;
          return { static: false, value: '', word: false };
        }
        this.pos++;
        return { static: true, value: '{', word: false };
      }
      case '}':
      case '[':
      case ']':
        this.pos++;
        return { static: true, value: c, word: false };
      default:
        if (c === undefined || isWordEnd(c)) return undefined;
        return this.readWordToken(false);
    }
  }

  private readDoubleQuoted(): Part {
    const t = this.text;
    const start = this.pos;
    this.pos++;
    let stat = true;
    for (;;) {
      const c = t[this.pos];
      if (c === undefined) {
        this.fail();
        return { static: false, value: '', word: false };
      }
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        this.pos += 2;
        continue;
      }
      if (c === '`') {
        this.pos++;
        this.substitution('`', '`');
        stat = false;
        continue;
      }
      if (c === '$') {
        const n = t[this.pos + 1];
        if (n === '"' || n === undefined) {
          this.pos++;
          continue;
        }
        if (n === '(' || n === '{' || n === '[' || NAME_CHAR.test(n) || SPECIAL_VARIABLE.has(n)) {
          this.readDollar();
          stat = false;
          continue;
        }
        if (/\s/.test(n)) stat = false;
        this.pos++;
        continue;
      }
      this.pos++;
    }
    const raw = t.slice(start, this.pos);
    return { static: stat, value: stat ? raw.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1') : raw, word: false };
  }

  private readDollar(): Part {
    const t = this.text;
    const n = t[this.pos + 1];
    const dynamic: Part = { static: false, value: '', word: false };
    if (n === '\'') {
      const start = this.pos;
      this.pos += 2;
      // tree-sitter's /\$'([^']|\\')*'/: the first quote not after a backslash ends it.
      let last = -1;
      for (;;) {
        const q = t.indexOf('\'', this.pos);
        if (q < 0) break;
        last = q;
        this.pos = q + 1;
        if (t[q - 1] !== '\\') break;
      }
      if (last < 0) {
        this.fail();
        this.pos = t.length;
        return dynamic;
      }
      this.pos = last + 1;
      return { static: true, value: t.slice(start + 2, last), word: false };
    }
    if (n === '"') {
      this.pos++;
      this.readDoubleQuoted();
      return dynamic;
    }
    if (n === '(') {
      if (t[this.pos + 2] === '(') {
        this.pos += 3;
        this.arithmetic('))');
      } else {
        this.pos += 2;
        this.substitution('$(', ')');
      }
      return dynamic;
    }
    if (n === '[') {
      this.pos += 2;
      this.arithmetic(']');
      return dynamic;
    }
    if (n === '{') {
      this.readBraced();
      return dynamic;
    }
    if (n !== undefined && NAME_CHAR.test(n)) {
      this.pos++;
      while (NAME_CHAR.test(t[this.pos] ?? '')) this.pos++;
      return dynamic;
    }
    if (n !== undefined && SPECIAL_VARIABLE.has(n)) {
      this.pos += 2;
      return dynamic;
    }
    this.pos++;
    // A bare `$` before a blank or the end is tree-sitter's anonymous `$`; anywhere else it is an error there.
    if (!(n === undefined || /\s/.test(n))) this.fail();
    return { static: false, value: '$', word: false };
  }

  /** `${…}`: nested braces, quotes and substitutions. */
  private readBraced(): void {
    const t = this.text;
    this.pos += 2;
    let depth = 1;
    BRACED_HEAD.lastIndex = this.pos;
    if (!BRACED_HEAD.test(t)) this.fail();
    while (depth > 0) {
      const c = t[this.pos];
      if (c === undefined) {
        this.fail();
        return;
      }
      if (c === '\\') this.pos += 2;
      else if (c === '}') {
        depth--;
        this.pos++;
      } else if (c === '{') {
        depth++;
        this.pos++;
      } else if (c === '\'') {
        const end = t.indexOf('\'', this.pos + 1);
        if (end < 0) {
          this.fail();
          this.pos = t.length;
          return;
        }
        this.pos = end + 1;
      } else if (c === '"') this.readDoubleQuoted();
      else if (c === '$' && /[({[A-Za-z0-9_*@?!#$-]/.test(t[this.pos + 1] ?? '')) this.readDollar();
      else if (c === '`') {
        this.pos++;
        this.substitution('`', '`');
      } else this.pos++;
    }
  }
}
