import { RelCommand, RelWord } from './model';
import { ownedEvents, ScriptEvent } from './script-events';
import { isWordEnd, Piece, ShellReader } from './script-lexer';

const DECLARATIONS = new Set(['declare', 'typeset', 'export', 'readonly', 'local']);
const UNSETS = new Set(['unset', 'unsetenv']);
/** After a variable name: an optional subscript, then `=` or `+=`. */
const ASSIGNMENT_TAIL = /(?:\[[^\]\s]*\])?\+?=/y;
const LETTER = /[A-Za-z]/;
const NAME_CHAR = /\w/;
const REDIRECT = /(\d*)(<<<|<<-|<<|<&-|>&-|<&|>&|>>|>\||&>>|&>|<|>)/y;
const SPECIAL_RUN = /^[{}[\]]$/;
const TEST_BINARY = new Set(['=', '==', '!=', '=~', '<', '>', '&&', '||', '-a', '-o']);

type Redirect = RelCommand['redirects'][number];

function wordOf(p: Piece, text: string): RelWord {
  return { text: text.slice(p.start, p.end), value: p.value, static: p.static, start: p.start, end: p.end };
}

/** As the tree-sitter walk did (pushArgument): arguments that touch are one word again. */
function pushArgument(args: RelWord[], p: Piece, text: string): void {
  if (p.anonymous) return;
  const prev = args[args.length - 1];
  if (prev && prev.end === p.start) {
    const joined = text.slice(prev.start, p.end);
    args[args.length - 1] = { text: joined, value: joined, static: false, start: prev.start, end: p.end };
    return;
  }
  args.push(wordOf(p, text));
}

/**
 * Simple commands (assignments, words, redirects, heredocs) and the test
 * commands, read as tree-sitter-bash reads them; lists and compound
 * commands are the parser's.
 */
export abstract class CommandReader extends ShellReader {
  /** Inside `$(…)`, backticks or `<(…)`. */
  inSubst = false;
  /** Inside if/while/for/case/function/subshell, or after `||`. */
  conditional = false;

  /** Reads a function body (a compound command). */
  protected abstract functionBody(): void;
  /** Reads `(…)` after a command name. */
  protected abstract subshellArgument(): void;
  /** Reads one and-or list whose commands the tree-sitter walk never saw (after a heredoc's `&&`). */
  protected abstract andOr(): boolean;

  protected emit(e: ScriptEvent): void {
    this.sink.push(e);
  }

  /** Runs `read` with its events thrown away: what tree-sitter puts under a redirect is never walked. */
  protected muted(read: () => void): void {
    const saved = this.sink;
    this.sink = [];
    try {
      read();
    } finally {
      this.sink = saved;
    }
  }

  protected redirectAhead(): RegExpExecArray | null {
    REDIRECT.lastIndex = this.pos;
    const m = REDIRECT.exec(this.text);
    if (!m) return null;
    // `<(…)` / `>(…)` are process substitutions, words.
    if ((m[2] === '<' || m[2] === '>') && this.text[this.pos + m[0].length] === '(') return null;
    return m;
  }

  /** Words of one statement that starts with a word, an assignment or a redirect. */
  protected simpleCommand(head: boolean): Redirect[] {
    const text = this.text;
    const start = this.pos;
    const outer = this.sink;
    this.sink = [];
    const assignments: RelCommand['assignments'] = [];
    const redirects: Redirect[] = [];
    let leftover: Piece[] = [];
    let prefixRedirects = 0;
    for (;;) {
      this.skipBlanks();
      const r = this.redirectAhead();
      if (r && r[2] !== '<<' && r[2] !== '<<-') {
        redirects.push(this.fileRedirect(r, true));
        prefixRedirects++;
        continue;
      }
      const a = this.assignmentAhead();
      if (!a) break;
      const aStart = this.pos;
      this.pos += a.length;
      const name = a.slice(0, a.indexOf('='));
      let value = '';
      if (this.peek() === '(') {
        this.array();
        value = text.slice(aStart + a.length, this.pos);
      } else {
        const pieces = this.peek() === '#' ? this.commentWord() : this.readWord();
        if (pieces.length > 0) {
          if (pieces[0].anonymous) this.fail();
          value = pieces[0].static ? pieces[0].value : text.slice(pieces[0].start, pieces[0].end);
          this.pos = pieces[0].end;
          leftover = pieces.slice(1);
        } else if (!(this.peek() === undefined || /[\s;&]/.test(this.peek() ?? ''))) this.fail();
      }
      const end = leftover.length > 0 ? leftover[0].start : this.pos;
      const raw = text.slice(aStart, end);
      assignments.push({ name, value, word: { text: raw, value: raw, static: false, start: aStart, end } });
      if (leftover.length > 0) {
        this.pos = leftover[leftover.length - 1].end;
        break;
      }
    }
    let namePieces = leftover;
    if (namePieces.length === 0) {
      this.skipBlanks();
      if (this.atWord()) namePieces = this.readWord();
    }
    if (namePieces.length === 0) {
      // Assignments alone are statements tree-sitter walks whole; redirects alone are never walked.
      const nested = this.sink;
      this.sink = outer;
      if (assignments.length > 0 && redirects.length > 0) this.fail();
      if (redirects.length === 0) outer.push(...nested);
      else if (this.pos === start) this.fail();
      const trailing = this.trailingRedirects();
      // A heredoc needs a command in tree-sitter's grammar.
      if (trailing.some((r) => r.operator.startsWith('<<'))) this.fail();
      return trailing;
    }
    const first = namePieces[0];
    const nameText = text.slice(first.start, first.end);
    // A lone `$` or a subscript without `=` cannot start a command for tree-sitter.
    if (first.anonymous || /^[A-Za-z_]\w*\[/.test(nameText)) this.fail();
    const plain = assignments.length === 0 && prefixRedirects === 0 && namePieces.length === 1 && first.static && nameText === first.value;
    if (plain && (DECLARATIONS.has(nameText) || UNSETS.has(nameText))) {
      return this.declaration(first, outer, head);
    }
    if (plain && this.functionAhead()) {
      this.sink = outer;
      this.functionBody();
      return [];
    }
    const args: RelWord[] = [];
    for (const p of namePieces.slice(1)) pushArgument(args, p, text);
    let end = namePieces[namePieces.length - 1].end;
    let lastSpecial: RelWord | undefined;
    for (;;) {
      this.skipBlanks();
      const r = this.redirectAhead();
      if (r) {
        if (r[2] !== '<<<') break;
        const h = this.herestring(r);
        redirects.push(h.redirect);
        for (const p of h.rest) pushArgument(args, p, text);
        lastSpecial = undefined;
        end = this.pos;
        continue;
      }
      if (!this.atWord()) break;
      const pieces = this.readWord();
      const only = pieces.length === 1 ? text.slice(pieces[0].start, pieces[0].end) : '';
      if (only === '==' || only === '=~') {
        // tree-sitter reads these as operators before an argument, not as arguments.
        this.skipBlanks();
        if (!this.atWord()) this.fail();
        end = this.pos;
        continue;
      }
      if (pieces.length === 1 && SPECIAL_RUN.test(only) && lastSpecial && args[args.length - 1] === lastSpecial) {
        // tree-sitter reads `{ } [` (lone brackets with blanks between) as one word.
        const raw = text.slice(lastSpecial.start, pieces[0].end);
        lastSpecial = { text: raw, value: raw.replace(/\\([\s\S])/g, '$1'), static: true, start: lastSpecial.start, end: pieces[0].end };
        args[args.length - 1] = lastSpecial;
      } else {
        for (const p of pieces) pushArgument(args, p, text);
        lastSpecial = pieces.length === 1 && SPECIAL_RUN.test(only) ? args[args.length - 1] : undefined;
      }
      end = this.pos;
    }
    if (this.peek() === '(') {
      if (args.length > 0 || redirects.length > prefixRedirects) this.fail();
      else {
        this.subshellArgument();
        end = this.pos;
      }
    }
    const command: RelCommand = {
      name: wordOf(first, text),
      args,
      assignments,
      redirects,
      separator: undefined,
      inSubstitution: this.inSubst,
      conditional: this.conditional,
      start,
      end,
    };
    const nested = this.sink;
    this.sink = outer;
    outer.push({ kind: 'command', command }, { kind: 'group', events: ownedEvents(nested) });
    const trailing = this.trailingRedirects();
    // After a later command of a list or pipeline, tree-sitter redirects the whole statement so far, not this command.
    if (head) redirects.push(...trailing);
    return trailing;
  }

  /**
   * `name=`, `name+=` or `name[i]=` at the cursor, with the name as
   * tree-sitter-bash's external scanner lexes it: where a test operator may
   * also stand it first consumes `-` and letters, then takes one of
   * `*@?-0_` (unless `=`, `[`, `:`, `-`, `%`, `#` or `/` follows), then word
   * characters. So `-DX_Y=1` and `--x=1` are assignments, `-DX=1`, `_=1` and
   * `-0=1` are words, and a name may start with a digit (`1a=1`).
   */
  private assignmentAhead(): string | undefined {
    const t = this.text;
    let i = this.pos;
    if (t[i] === '-') {
      i++;
      while (LETTER.test(t[i] ?? '')) i++;
    }
    if ('*@?-0_'.includes(t[i] ?? ' ')) {
      i++;
      if ('=[:-%#/'.includes(t[i] ?? ' ')) return undefined;
    }
    if (!NAME_CHAR.test(t[i] ?? '')) return undefined;
    while (NAME_CHAR.test(t[i] ?? '')) i++;
    ASSIGNMENT_TAIL.lastIndex = i;
    const tail = ASSIGNMENT_TAIL.exec(t);
    return tail ? t.slice(this.pos, i + tail[0].length) : undefined;
  }

  /** `f ( )` after a name: a function definition. */
  private functionAhead(): boolean {
    const save = this.pos;
    this.skipBlanks();
    if (this.peek() !== '(') {
      this.pos = save;
      return false;
    }
    this.pos++;
    this.skipBlanks();
    if (this.peek() !== ')') {
      this.pos = save;
      return false;
    }
    this.pos++;
    return true;
  }

  private declaration(keyword: Piece, outer: ScriptEvent[], head: boolean): Redirect[] {
    const text = this.text;
    const kw = text.slice(keyword.start, keyword.end);
    const args: RelWord[] = [];
    let end = keyword.end;
    for (;;) {
      this.skipBlanks();
      if (this.redirectAhead()) break;
      const a = DECLARATIONS.has(kw) ? this.assignmentAhead() : undefined;
      if (a) {
        const aStart = this.pos;
        this.pos += a.length;
        let rest: Piece[] = [];
        if (this.peek() === '(') this.array();
        else {
          const pieces = this.peek() === '#' ? this.commentWord() : this.readWord();
          if (pieces.length > 0) {
            if (pieces[0].anonymous) this.fail();
            this.pos = pieces[0].end;
            rest = pieces.slice(1);
          }
        }
        const raw = text.slice(aStart, this.pos);
        args.push({ text: raw, value: raw, static: false, start: aStart, end: this.pos });
        for (const p of rest) if (!p.anonymous) args.push(this.declared(p));
        if (rest.length > 0) this.pos = rest[rest.length - 1].end;
        end = this.pos;
        continue;
      }
      if (!this.atWord()) break;
      for (const p of this.readWord()) {
        if (p.anonymous) this.fail();
        else args.push(this.declared(p));
      }
      end = this.pos;
    }
    const command: RelCommand = {
      name: { text: kw, value: kw, static: true, start: keyword.start, end: keyword.end },
      args,
      assignments: [],
      redirects: [],
      separator: undefined,
      inSubstitution: this.inSubst,
      conditional: this.conditional,
      start: keyword.start,
      end,
    };
    const nested = this.sink;
    this.sink = outer;
    outer.push({ kind: 'command', command }, { kind: 'group', events: ownedEvents(nested) });
    const trailing = this.trailingRedirects();
    if (head) command.redirects.push(...trailing);
    return trailing;
  }

  /** A bare name after `export`/`unset` is tree-sitter's variable_name: not a static word. */
  private declared(p: Piece): RelWord {
    const w = wordOf(p, this.text);
    if (/^\w+$/.test(w.text) && !/^-?\d+$/.test(w.text)) return { ...w, value: w.text, static: false };
    return w;
  }

  /** A word that starts with `#` where tree-sitter allows one (an assignment's value). */
  private commentWord(): Piece[] {
    const start = this.pos;
    this.pos++;
    const rest = this.atWord() ? this.readWord() : [];
    if (rest.length === 0) return [{ start, end: this.pos, static: true, value: '#', anonymous: false }];
    const [head, ...tail] = rest;
    return [{ start, end: head.end, static: head.static, value: head.static ? '#' + head.value : this.text.slice(start, head.end), anonymous: false }, ...tail];
  }

  private array(): void {
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.peek() === ')') {
        this.pos++;
        return;
      }
      if (!this.atWord()) {
        this.fail();
        return;
      }
      this.readWord();
    }
  }

  /** A file redirect; before the command name it takes one word, after it every word up to the next operator. */
  private fileRedirect(m: RegExpExecArray, prefix: boolean): Redirect {
    const op = m[2];
    this.pos += m[0].length;
    this.skipBlanks();
    let target: RelWord | undefined;
    if (this.atWord()) {
      const pieces = this.readWord();
      if (pieces[0].anonymous) this.fail();
      target = wordOf(pieces[0], this.text);
      if (!prefix) while (this.skipBlanks(), this.atWord()) this.readWord();
    } else if (op !== '<&-' && op !== '>&-') this.fail();
    return { operator: op, target };
  }

  private herestring(m: RegExpExecArray): { redirect: Redirect; rest: Piece[] } {
    this.pos += m[0].length;
    this.skipBlanks();
    if (!this.atWord()) {
      this.fail();
      return { redirect: { operator: '<<<', target: undefined }, rest: [] };
    }
    const pieces = this.readWord();
    return { redirect: { operator: '<<<', target: wordOf(pieces[0], this.text) }, rest: pieces.slice(1) };
  }

  /** Redirects after a statement: never walked by the tree-sitter walk, but heredoc bodies must be skipped. */
  protected trailingRedirects(): Redirect[] {
    const out: Redirect[] = [];
    this.muted(() => {
      for (;;) {
        this.skipBlanks();
        const r = this.redirectAhead();
        if (!r) return;
        if (r[2] === '<<<') {
          this.fail();
          this.herestring(r);
        } else if (r[2] === '<<' || r[2] === '<<-') {
          out.push(this.heredoc(r));
          return;
        } else out.push(this.fileRedirect(r, false));
      }
    });
    return out;
  }

  private heredoc(m: RegExpExecArray): Redirect {
    const op = m[2];
    this.pos += m[0].length;
    this.skipBlanks();
    const dStart = this.pos;
    let quoted = false;
    let delimiter = '';
    while (!isWordEnd(this.peek())) {
      const c = this.peek() as string;
      if (c === '\'' || c === '"') {
        quoted = true;
        const end = this.text.indexOf(c, this.pos + 1);
        if (end < 0) {
          this.fail();
          this.pos = this.text.length;
          return { operator: op, target: undefined };
        }
        delimiter += this.text.slice(this.pos + 1, end);
        this.pos = end + 1;
      } else if (c === '\\') {
        quoted = true;
        delimiter += this.text[this.pos + 1] ?? '';
        this.pos += 2;
      } else {
        delimiter += c;
        this.pos++;
      }
    }
    if (this.pos === dStart) this.fail();
    let target: RelWord | undefined;
    // The rest of the line belongs to the heredoc redirect in tree-sitter's tree.
    this.skipBlanks();
    if (this.startsWith('&&') || this.startsWith('||')) {
      this.pos += 2;
      this.skipSpace();
      if (!this.andOr()) this.fail();
    } else if (this.peek() === '|') {
      this.pos += this.peek(1) === '&' ? 2 : 1;
      this.skipSpace();
      if (!this.andOr()) this.fail();
    } else if (this.redirectAhead()) {
      for (let r = this.redirectAhead(); r; r = (this.skipBlanks(), this.redirectAhead())) {
        if (r[2] === '<<' || r[2] === '<<-' || r[2] === '<<<') {
          this.fail();
          return { operator: op, target };
        }
        this.fileRedirect(r, false);
      }
      if (this.startsWith('&&') || this.startsWith('||')) {
        this.pos += 2;
        this.skipSpace();
        if (!this.andOr()) this.fail();
      }
    } else {
      while (this.atWord()) {
        const pieces = this.readWord();
        target ??= wordOf(pieces[0], this.text);
        this.skipBlanks();
      }
    }
    this.skipBlanks();
    if (this.peek() === '#') this.skipComment();
    if (this.peek() !== '\n') {
      this.fail();
      return { operator: op, target };
    }
    this.pos++;
    this.heredocBody(delimiter, op === '<<-', quoted);
    return { operator: op, target };
  }

  private heredocBody(delimiter: string, strip: boolean, quoted: boolean): void {
    const t = this.text;
    const bodyStart = this.pos;
    for (;;) {
      if (this.pos >= t.length) {
        this.fail();
        return;
      }
      const nl = t.indexOf('\n', this.pos);
      const lineEnd = nl < 0 ? t.length : nl;
      let line = t.slice(this.pos, lineEnd);
      if (strip) line = line.replace(/^\t+/, '');
      if (line === delimiter) {
        if (!quoted) this.expandBody(bodyStart, this.pos);
        this.pos = lineEnd;
        return;
      }
      this.pos = lineEnd + 1;
    }
  }

  /** Substitutions in an unquoted heredoc body are parsed (their errors count), never walked. */
  private expandBody(from: number, to: number): void {
    const end = this.pos;
    this.pos = from;
    while (this.pos < to) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos += 2;
      else if (c === '$' && /[({[]/.test(this.text[this.pos + 1] ?? '')) this.readWord();
      else this.pos++;
    }
    this.pos = end;
  }

  /** `[ … ]` and `[[ … ]]`: test_command, not a command; substitutions and `&&`/`||` inside are walked. */
  protected testCommand(double: boolean): void {
    const close = double ? ']]' : ']';
    this.pos += close.length;
    const saved = this.bracketCloses;
    // Only `[ … ]` ends a word at `]` (`[ -f x]`); inside `[[ … ]]`, `a]]` is one word.
    this.bracketCloses = !double;
    try {
      this.skipBlanks();
      if (this.closesTest(close)) {
        if (double) this.fail();
      } else this.testExpression(close, double);
      this.skipBlanks();
      if (this.closesTest(close)) this.pos += close.length;
      else this.fail();
    } finally {
      this.bracketCloses = saved;
    }
  }

  private closesTest(close: string): boolean {
    return this.startsWith(close) && isWordEnd(this.text[this.pos + close.length]);
  }

  private testExpression(close: string, double: boolean): void {
    for (;;) {
      this.testOperand(close, double);
      this.skipBlanks();
      if (double) while (this.peek() === '\n') (this.pos++, this.skipBlanks());
      if (this.closesTest(close) || this.peek() === ')' || this.peek() === undefined) return;
      const op = this.testOperator();
      if (!op || (!double && (op === '&&' || op === '||' || op === '<' || op === '>'))) {
        this.fail();
        return;
      }
      if (op === '&&' || op === '||') this.emit({ kind: 'separator', op });
      this.skipBlanks();
      if (double) while (this.peek() === '\n') (this.pos++, this.skipBlanks());
      if (op === '=~' && double) {
        this.regex();
        this.skipBlanks();
        if (this.closesTest(close) || this.peek() === ')') return;
        const next = this.testOperator();
        if (next !== '&&' && next !== '||') {
          this.fail();
          return;
        }
        this.emit({ kind: 'separator', op: next });
        this.skipBlanks();
      }
    }
  }

  private testOperator(): string | undefined {
    for (const op of ['&&', '||', '==', '!=', '=~', '=', '<', '>']) {
      if (this.startsWith(op) && (op.length === 2 || !/[=~]/.test(this.text[this.pos + 1] ?? ''))) {
        if (/^[=!]/.test(op) && !isWordEnd(this.text[this.pos + op.length])) continue;
        this.pos += op.length;
        return op;
      }
    }
    const m = /^-[A-Za-z]+(?=\s)/.exec(this.text.slice(this.pos, this.pos + 16));
    if (m) {
      this.pos += m[0].length;
      return m[0];
    }
    return undefined;
  }

  private testOperand(close: string, double: boolean): void {
    this.skipBlanks();
    const c = this.peek();
    if (c === '!' && isWordEnd(this.peek(1))) {
      this.pos++;
      this.testOperand(close, double);
      return;
    }
    if (c === '(' ) {
      this.pos++;
      this.testExpression(close, double);
      this.skipBlanks();
      if (this.peek() === ')') this.pos++;
      else this.fail();
      return;
    }
    const m = /^-[A-Za-z]+(?=[ \t])/.exec(this.text.slice(this.pos, this.pos + 16));
    if (m && !TEST_BINARY.has(m[0])) {
      const save = this.pos;
      this.pos += m[0].length;
      this.skipBlanks();
      if (!this.closesTest(close) && this.atWord()) {
        this.testOperand(close, double);
        return;
      }
      this.pos = save;
    }
    if (this.closesTest(close) || !this.atWord()) {
      this.fail();
      return;
    }
    this.readWord();
  }

  /** `=~` right side: up to a blank outside parentheses and quotes. */
  private regex(): void {
    let depth = 0;
    const start = this.pos;
    for (;;) {
      const c = this.peek();
      if (c === undefined) break;
      if (c === '\\') {
        this.pos += 2;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (/\s/.test(c) && depth === 0) break;
      else if (c === '\'' || c === '"' || c === '$') {
        this.readWord();
        continue;
      }
      this.pos++;
    }
    if (this.pos === start) this.fail();
  }

  protected abstract skipSpace(): void;
}
