import { RelScript } from './model';
import { CommandReader } from './script-command';
import { replayEvents } from './script-events';
import { isWordEnd } from './script-lexer';

/**
 * A recursive-descent bash parser that gives the simple commands of a script
 * (their words, separators, flags) and whether it has errors, without a
 * syntax tree. It reads bash as tree-sitter-bash did, quirks included (see
 * script-lexer): tree-sitter was the core's parser before this one and is
 * now the oracle of test/shell/script-parser.test.ts.
 */
export function parseScript(text: string): RelScript {
  const p = new ScriptParser(text);
  try {
    p.program();
  } catch {
    // A defect here must not take the caller down: the script just counts as broken.
    p.errors = true;
  }
  const { commands, hasPipe, hasComment } = replayEvents(p.sink);
  return { commands, hasErrors: p.errors, hasPipe, hasComment };
}

const NONE = new Set<string>();
const THEN = new Set(['then']);
const IF_BODY = new Set(['elif', 'else', 'fi']);
const FI = new Set(['fi']);
const DO = new Set(['do']);
const DONE = new Set(['done']);
const BRACE = new Set(['}']);
const CASE_ITEM = new Set([';;', 'esac']);
/** Bodies that tree-sitter reads as terminated statements: `{ a }` and `done done` lack a `;`. */
const TERMINATED = new Set([THEN, IF_BODY, FI, DO, DONE, BRACE]);
/** Deeper nesting than this counts as broken: it bounds the parser's recursion. */
const MAX_DEPTH = 200;

class ScriptParser extends CommandReader {
  /**
   * The words that close the innermost open construct. tree-sitter reads
   * any other `fi`, `done`, `}`… in command position as a command name.
   */
  private stops = NONE;

  program(): void {
    for (;;) {
      this.list(NONE);
      if (this.pos >= this.text.length) return;
      // Something closed a list that was never opened: skip it and go on.
      this.fail();
      const k = this.closer();
      this.pos += k ? k.length : 1;
    }
  }

  /** Blanks, newlines and comments between statements. */
  protected skipSpace(): void {
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === '\n') this.pos++;
      else if (c === '#') this.skipComment();
      else return;
    }
  }

  /** The closer at the cursor (keyword, `)`, backtick, case terminator), if any. */
  private closer(stops = this.stops): string | undefined {
    const c = this.peek();
    if (c === ')') return ')';
    if (c === '`' && this.backticks > 0) return '`';
    if (c === ';' && stops === CASE_ITEM) {
      if (this.startsWith(';;&')) return ';;&';
      if (this.startsWith(';;')) return ';;';
      if (this.startsWith(';&')) return ';&';
    }
    const m = /^[a-z]+|^\}/.exec(this.text.slice(this.pos, this.pos + 6));
    if (m && stops.has(m[0]) && isWordEnd(this.text[this.pos + m[0].length]) && this.text[this.pos + m[0].length] !== '(') return m[0];
    return undefined;
  }

  /** Statements up to a closer or the end; true when there was at least one. */
  private list(stops: Set<string>): boolean {
    const saved = this.stops;
    this.stops = stops;
    try {
      return this.statements();
    } finally {
      this.stops = saved;
    }
  }

  private statements(): boolean {
    let any = false;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length || this.closer()) return any;
      const before = this.pos;
      if (!this.andOr()) {
        this.fail();
        if (this.pos === before) this.pos++;
        continue;
      }
      any = true;
      this.skipBlanks();
      const c = this.peek();
      if (c === '#') this.skipComment();
      else if (c === ';' && !(this.stops === CASE_ITEM && /^;[;&]/.test(this.text.slice(this.pos, this.pos + 2)))) {
        if (this.startsWith(';;')) this.pos += 2;
        else {
          this.pos++;
          this.emit({ kind: 'separator', op: ';' });
        }
      } else if (c === '&' && this.peek(1) !== '&') {
        this.pos++;
        this.emit({ kind: 'separator', op: '&' });
      } else if (c === '\n') continue;
      else if (c === undefined || this.closer()) {
        if (TERMINATED.has(this.stops)) this.fail();
        continue;
      }
      else {
        this.fail();
        if (this.pos === before) this.pos++;
      }
    }
  }

  protected andOr(): boolean {
    if (!this.pipeline(true)) return false;
    for (;;) {
      this.skipBlanks();
      const op = this.startsWith('&&') ? '&&' : this.startsWith('||') ? '||' : undefined;
      if (!op) return true;
      this.pos += 2;
      this.emit({ kind: 'separator', op });
      this.skipSpace();
      const saved = this.conditional;
      if (op === '||') this.conditional = true;
      const ok = this.pipeline(false, saved);
      this.conditional = saved;
      if (!ok) {
        this.fail();
        return true;
      }
    }
  }

  /**
   * `head`: the first command of its and-or list. `base`: whether the list
   * itself is conditional; a redirect after a later command makes tree-sitter
   * close the list there, so what follows in the pipeline is no longer after `||`.
   */
  private pipeline(head: boolean, base = this.conditional): boolean {
    let negated = false;
    this.skipBlanks();
    if (this.peek() === '!' && isWordEnd(this.peek(1))) {
      this.pos++;
      this.skipBlanks();
      head = false;
      negated = true;
    }
    const first = this.command(head, negated);
    if (!first) return false;
    if (first.length > 0 && !head) this.conditional = base;
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '|' || this.peek(1) === '|') return true;
      const op = this.peek(1) === '&' ? '|&' : '|';
      this.pos += op.length;
      this.emit({ kind: 'separator', op });
      this.skipSpace();
      const next = this.command(false);
      if (!next) {
        this.fail();
        return true;
      }
      if (next.length > 0) this.conditional = base;
    }
  }

  /** One command of a pipeline and the redirects after it; undefined when none starts here. */
  private command(head: boolean, negated = false): unknown[] | undefined {
    this.skipBlanks();
    // After `!` tree-sitter takes only a simple command, a test or a subshell: `! {` and `! fi` are command names.
    if (this.closer(negated ? NONE : this.stops)) return undefined;
    if (this.depth >= MAX_DEPTH) {
      this.fail();
      this.pos = this.text.length;
      return undefined;
    }
    this.depth++;
    try {
      if (this.compound(negated)) return this.trailingRedirects();
      // `{x` or `{a,b}` as a command name is an error in tree-sitter's tree.
      if (!negated && this.peek() === '{') this.fail();
      const start = this.pos;
      if (!this.atWord() && !this.redirectAhead()) return undefined;
      const trailing = this.simpleCommand(head);
      return this.pos > start ? trailing : undefined;
    } finally {
      this.depth--;
    }
  }

  private keyword(): string | undefined {
    const m = /^(?:\[\[|\[|\(\(|\(|\{|[a-z]+)/.exec(this.text.slice(this.pos, this.pos + 9));
    if (!m) return undefined;
    const k = m[0];
    // tree-sitter takes `[`/`[[` in command position as a test even when a word follows at once (`[a]`, `[[a ]]`).
    if (k === '(' || k === '((' || k === '[' || k === '[[') return k;
    if (!isWordEnd(this.text[this.pos + k.length])) return undefined;
    return ['[[', '[', '{', 'if', 'while', 'until', 'for', 'select', 'case', 'function'].includes(k) ? k : undefined;
  }

  private compound(negated = false): boolean {
    const k = this.keyword();
    if (!k || (negated && k !== '(' && k !== '[' && k !== '[[')) return false;
    const saved = this.conditional;
    try {
      switch (k) {
        case '((':
          this.pos += 2;
          this.arithmetic('))');
          return true;
        case '(':
          this.pos++;
          this.conditional = true;
          this.list(NONE);
          this.expect(')');
          return true;
        case '{':
          this.pos++;
          this.list(BRACE);
          this.expect('}', BRACE);
          return true;
        case '[':
        case '[[':
          this.testCommand(k === '[[');
          return true;
        case 'if':
          this.conditional = true;
          this.ifStatement();
          return true;
        case 'while':
        case 'until':
          this.conditional = true;
          this.pos += k.length;
          this.list(DO);
          this.doGroup();
          return true;
        case 'for':
        case 'select':
          this.conditional = true;
          this.forStatement(k);
          return true;
        case 'case':
          this.conditional = true;
          this.caseStatement();
          return true;
        case 'function':
          this.pos += k.length;
          this.skipBlanks();
          if (!this.atWord()) {
            this.fail();
            return true;
          }
          this.readWord();
          this.skipBlanks();
          if (this.peek() === '(') {
            this.pos++;
            this.skipBlanks();
            this.expect(')');
          }
          this.functionBody();
          return true;
      }
      return false;
    } finally {
      this.conditional = saved;
    }
  }

  /** `name (…)`: tree-sitter's command with a subshell argument, whose commands the tree-sitter walk never visited. */
  protected subshellArgument(): void {
    this.muted(() => this.compound());
  }

  protected functionBody(): void {
    const saved = this.conditional;
    this.conditional = true;
    this.skipSpace();
    const k = this.keyword();
    if (k === '{' || k === '(' || k === '[' || k === '[[' || k === 'if') this.compound();
    else this.fail();
    this.conditional = saved;
  }

  private expect(word: string, stops = NONE): void {
    this.skipSpace();
    if (this.closer(stops) === word || (word === ')' && this.peek() === ')')) this.pos += word.length;
    else this.fail();
  }

  private ifStatement(): void {
    this.pos += 2;
    this.list(THEN);
    this.expect('then', THEN);
    this.list(IF_BODY);
    for (;;) {
      const k = this.closer(IF_BODY);
      if (k === 'elif') {
        this.pos += 4;
        this.list(THEN);
        this.expect('then', THEN);
        this.list(IF_BODY);
      } else if (k === 'else') {
        this.pos += 4;
        this.list(FI);
        break;
      } else break;
    }
    this.expect('fi', IF_BODY);
  }

  private doGroup(): void {
    this.expect('do', DO);
    this.list(DONE);
    this.expect('done', DONE);
  }

  private forStatement(k: string): void {
    this.pos += k.length;
    this.skipBlanks();
    if (k === 'for' && this.startsWith('((')) {
      this.pos += 2;
      this.arithmetic('))', true);
      this.skipBlanks();
      if (this.peek() === ';') {
        this.pos++;
        this.emit({ kind: 'separator', op: ';' });
      }
      this.skipSpace();
      if (this.keyword() === '{') this.compound();
      else this.doGroup();
      return;
    }
    const name = /^\w+/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!name) {
      this.fail();
      return;
    }
    this.pos += name[0].length;
    this.skipBlanks();
    if (this.startsWith('in') && isWordEnd(this.peek(2))) {
      this.pos += 2;
      let values = 0;
      for (;;) {
        this.skipBlanks();
        if (!this.atWord()) break;
        this.readWord();
        values++;
      }
      if (values === 0) this.fail();
    }
    this.skipBlanks();
    const c = this.peek();
    if (this.startsWith(';;')) this.pos += 2;
    else if (c === ';' || c === '&') {
      this.pos++;
      this.emit({ kind: 'separator', op: c });
    } else if (c === '\n') this.pos++;
    else this.fail();
    this.doGroup();
  }

  private caseStatement(): void {
    this.pos += 4;
    this.skipBlanks();
    if (!this.atWord()) this.fail();
    else this.readWord();
    this.skipSpace();
    if (this.peek() === ';') {
      this.pos++;
      this.skipSpace();
    }
    if (this.startsWith('in') && isWordEnd(this.peek(2))) this.pos += 2;
    else {
      this.fail();
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.closer(CASE_ITEM) === 'esac') {
        this.pos += 4;
        return;
      }
      if (this.pos >= this.text.length) {
        this.fail();
        return;
      }
      if (this.peek() === '(') this.pos++;
      let patterns = 0;
      for (;;) {
        this.skipBlanks();
        if (!this.atWord()) break;
        this.readWord();
        patterns++;
        this.skipBlanks();
        if (this.peek() !== '|') break;
        this.pos++;
      }
      if (patterns === 0 || this.peek() !== ')') {
        this.fail();
        return;
      }
      this.pos++;
      this.list(CASE_ITEM);
      const end = this.closer(CASE_ITEM);
      if (end === ';;' || end === ';&' || end === ';;&') this.pos += end.length;
      else if (end !== 'esac') {
        this.fail();
        return;
      }
    }
  }

  protected substitution(open: string, close: ')' | '`'): void {
    const saved = { inSubst: this.inSubst, backticks: this.backticks, bracket: this.bracketCloses };
    this.sink.push({ kind: 'open', isolate: false });
    this.inSubst = true;
    this.bracketCloses = false;
    if (close === '`') this.backticks++;
    if (this.depth >= MAX_DEPTH) {
      this.fail();
      this.pos = this.text.length;
    }
    this.depth++;
    try {
      const any = this.list(NONE);
      if (!any && open === '$(') this.fail();
      if (this.peek() === close) this.pos++;
      else this.fail();
    } finally {
      this.depth--;
      this.inSubst = saved.inSubst;
      this.backticks = saved.backticks;
      this.bracketCloses = saved.bracket;
      this.sink.push({ kind: 'close' });
    }
  }

  /**
   * Arithmetic, checked as operands and operators alternating. Only its
   * substitutions and its `|`, `&`, `&&`, `||` (and a for loop's `;`) matter to the tree-sitter walk.
   */
  protected arithmetic(close: '))' | ']', sections = false): void {
    let depth = 0;
    let operand = false;
    let empty = true;
    for (;;) {
      this.skipBlanks();
      while (this.peek() === '\n') (this.pos++, this.skipBlanks());
      const c = this.peek();
      if (c === undefined) return this.fail();
      if (depth === 0 && this.startsWith(close)) {
        if (!operand && !(sections && empty)) this.fail();
        this.pos += close.length;
        return;
      }
      if (c === ';' && sections && depth === 0) {
        if (!operand && !empty) this.fail();
        this.pos++;
        this.emit({ kind: 'separator', op: ';' });
        operand = false;
        empty = true;
        continue;
      }
      if (c === '(') {
        if (operand) return this.fail();
        depth++;
        this.pos++;
        continue;
      }
      if (c === ')') {
        if (depth === 0 || !operand) return this.fail();
        depth--;
        this.pos++;
        continue;
      }
      if (/[A-Za-z0-9_$"'`]/.test(c)) {
        if (operand) return this.fail();
        if (/[A-Za-z0-9_]/.test(c)) {
          while (/[A-Za-z0-9_#@]/.test(this.peek() ?? '')) this.pos++;
        } else this.readWord();
        if (this.peek() === '[') {
          const end = this.text.indexOf(']', this.pos);
          if (end < 0) return this.fail();
          this.pos = end + 1;
        }
        operand = true;
        empty = false;
        continue;
      }
      if (operand && (this.startsWith('++') || this.startsWith('--'))) {
        this.pos += 2;
        continue;
      }
      const op = ARITHMETIC_OPERATORS.find((o) => this.startsWith(o));
      if (!op) return this.fail();
      if (operand) {
        this.pos += op.length;
        if (op === '|' || op === '&' || op === '||' || op === '&&') this.emit({ kind: 'separator', op });
        operand = false;
        empty = false;
        continue;
      }
      if (!['!', '~', '++', '--', '+', '-'].includes(op)) return this.fail();
      this.pos += op.length;
      empty = false;
    }
  }
}

const ARITHMETIC_OPERATORS = ['<<=', '>>=', '**=', '&&', '||', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '**', '++', '--', '<', '>', '=', '+', '-', '*', '/', '%', '&', '^', '|', '?', ':', ',', '!', '~'];
