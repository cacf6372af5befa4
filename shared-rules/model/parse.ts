import { DockerfileParser, Instruction as AstInstruction, JSONInstruction, ModifiableInstruction, Onbuild } from 'dockerfile-ast';
import { LineIndex } from '../text/line-index';
import { Range } from '../text/types';
import { detectEscape, HeredocSpan, splitLogicalUnits } from './logical-lines';
import { MappedText, MappedTextBuilder } from './source-map';
import { buildStages } from './stages';
import { Arg, Comment, Directive, DockerfileModel, EscapeChar, Flag, Heredoc, Instruction, SyntaxProblem } from './types';

/**
 * Instruction data that depends only on the instruction's own text: cached by
 * that text so an edit re-parses only the instructions it touched.
 */
interface RelativeInstruction {
  keyword: string;
  keywordRange: Range;
  flags: Flag[];
  args: Arg[];
  /** The strings of a JSON array, with their ranges (quotes included). */
  jsonStrings: Arg[] | undefined;
  trigger: RelativeInstruction | undefined;
}

const CACHE_LIMIT = 50_000;
const relativeCache = new Map<string, RelativeInstruction>();

function shiftRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function toRelative(instr: AstInstruction, chunk: LineIndex, lineShift: number): RelativeInstruction {
  const flags: Flag[] = [];
  if (instr instanceof ModifiableInstruction) {
    for (const f of instr.getFlags()) {
      const valueRange = f.getValueRange();
      flags.push({
        name: f.getName(),
        value: f.getValue() ?? undefined,
        range: shiftRange(f.getRange(), lineShift),
        nameRange: shiftRange(f.getNameRange(), lineShift),
        valueRange: valueRange ? shiftRange(valueRange, lineShift) : undefined,
      });
    }
  }
  const args: Arg[] = instr.getArguments().map((a) => ({ raw: chunk.slice(a.getRange()), value: a.getValue(), range: shiftRange(a.getRange(), lineShift) }));
  let jsonStrings: Arg[] | undefined;
  if (instr instanceof JSONInstruction && instr.getOpeningBracket()) {
    jsonStrings = instr.getJSONStrings().map((a) => ({ raw: chunk.slice(a.getRange()), value: a.getJSONValue(), range: shiftRange(a.getRange(), lineShift) }));
  }
  let trigger: RelativeInstruction | undefined;
  if (instr instanceof Onbuild) {
    const t = instr.getTriggerInstruction();
    if (t) trigger = toRelative(t, chunk, lineShift);
  }
  return { keyword: instr.getKeyword(), keywordRange: shiftRange(instr.getInstructionRange(), lineShift), flags, args, jsonStrings, trigger };
}

function parseChunk(chunkText: string, escape: EscapeChar): RelativeInstruction | undefined {
  const key = escape + '\u0000' + chunkText;
  const hit = relativeCache.get(key);
  if (hit) return hit;
  const prefix = escape === '`' ? '# escape=`\n' : '';
  const source = prefix + chunkText;
  let result: RelativeInstruction | undefined;
  try {
    const df = DockerfileParser.parse(source);
    const first = df.getInstructions()[0];
    if (first) result = toRelative(first, new LineIndex(source), prefix ? -1 : 0);
  } catch {
    result = undefined;
  }
  if (result) {
    if (relativeCache.size >= CACHE_LIMIT) relativeCache.clear();
    relativeCache.set(key, result);
  }
  return result;
}

function shiftRelative(rel: RelativeInstruction, lines: number): Pick<Instruction, 'keyword' | 'keywordRange' | 'flags' | 'args'> & { trigger?: RelativeInstruction; jsonStrings?: Arg[] } {
  return {
    jsonStrings: rel.jsonStrings?.map((a) => ({ ...a, range: shiftRange(a.range, lines) })),
    keyword: rel.keyword,
    keywordRange: shiftRange(rel.keywordRange, lines),
    flags: rel.flags.map((f) => ({ ...f, range: shiftRange(f.range, lines), nameRange: shiftRange(f.nameRange, lines), valueRange: f.valueRange && shiftRange(f.valueRange, lines) })),
    args: rel.args.map((a) => ({ ...a, range: shiftRange(a.range, lines) })),
    trigger: rel.trigger,
  };
}

/** The instruction's logical line: continuations removed, comment and blank lines dropped, as BuildKit joins it. */
export function joinLogicalLine(lines: LineIndex, startLine: number, endLine: number, escape: EscapeChar): MappedText {
  const b = new MappedTextBuilder();
  for (let l = startLine; l <= endLine; l++) {
    const text = lines.lineText(l);
    if (l > startLine && (/^[ \t]*#/.test(text) || /^[ \t]*$/.test(text))) continue;
    let i = text.length - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    const cont = i >= 0 && text[i] === escape && (i === 0 || text[i - 1] !== escape) && l < endLine;
    b.append(cont ? text.slice(0, i) : text, lines.lineStart(l));
  }
  return b.build();
}

function jsonArgs(joined: MappedText, argsStartDoc: number | undefined): { json: string[] | undefined; invalid: boolean } {
  if (argsStartDoc === undefined) return { json: undefined, invalid: false };
  const at = joined.fromDocument(argsStartDoc);
  if (at < 0) return { json: undefined, invalid: false };
  const text = joined.text.slice(at).trim();
  if (!text.startsWith('[')) return { json: undefined, invalid: false };
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return { json: parsed as string[], invalid: false };
  } catch {
    // BuildKit falls back to shell form when the array does not parse.
  }
  return { json: undefined, invalid: true };
}

function buildHeredocs(spans: HeredocSpan[], joined: MappedText, lines: LineIndex, text: string): Heredoc[] {
  return spans.map((h) => {
    const markerStart = joined.toDocument(h.markerIndex);
    const markerEnd = joined.toDocument(h.markerIndex + h.markerLength, true);
    const hasBody = h.bodyEndLine >= h.bodyStartLine;
    const bodyStart = hasBody ? lines.lineStart(h.bodyStartLine) : 0;
    const bodyEnd = hasBody ? lines.lineEnd(h.bodyEndLine) : 0;
    return {
      name: h.name,
      stripTabs: h.stripTabs,
      quoted: h.quoted,
      markerRange: lines.rangeOf(markerStart, markerEnd),
      bodyRange: hasBody ? lines.rangeOf(bodyStart, bodyEnd) : undefined,
      body: hasBody ? text.slice(bodyStart, bodyEnd) : '',
      endRange: h.endLine >= 0 ? lines.rangeOf(lines.lineStart(h.endLine), lines.lineEnd(h.endLine)) : undefined,
    };
  });
}

/**
 * Builds the model of a Dockerfile. Never throws: whatever the text, a model
 * comes back, with what BuildKit would reject listed in `problems`.
 */
export function parseDockerfile(text: string): DockerfileModel {
  const lines = new LineIndex(text);
  const escape = detectEscape(lines);
  const units = splitLogicalUnits(lines, escape);
  const directives: Directive[] = [];
  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  const problems: SyntaxProblem[] = [];
  const joinedByIndex: MappedText[] = [];

  for (const u of units) {
    if (u.kind === 'directive') {
      const base = lines.lineStart(u.line);
      directives.push({
        name: u.name,
        value: u.value,
        range: lines.rangeOf(base, lines.lineEnd(u.line)),
        nameRange: lines.rangeOf(base + u.nameStart, base + u.nameEnd),
        valueRange: lines.rangeOf(base + u.valueStart, base + u.valueEnd),
      });
      continue;
    }
    if (u.kind === 'comment') {
      const t = lines.lineText(u.line);
      comments.push({ text: t.replace(/^[ \t]*#/, '').trim(), range: lines.rangeOf(lines.lineStart(u.line), lines.lineEnd(u.line)), line: u.line });
      continue;
    }
    const chunkStart = lines.lineStart(u.startLine);
    const chunkEnd = lines.lineEnd(u.logicalEndLine);
    const rel = parseChunk(text.slice(chunkStart, chunkEnd), escape);
    if (!rel) continue;
    const shifted = shiftRelative(rel, u.startLine);
    const joined = joinLogicalLine(lines, u.startLine, u.logicalEndLine, escape);
    const argsStartDoc = shifted.args.length > 0 ? lines.offsetAt(shifted.args[0].range.start) : undefined;
    const { json, invalid } = jsonArgs(joined, argsStartDoc);
    const end = lines.lineEnd(u.endLine);
    const lastArg = shifted.args[shifted.args.length - 1];
    const instr: Instruction = {
      index: instructions.length,
      keyword: shifted.keyword,
      keywordRange: shifted.keywordRange,
      range: lines.rangeOf(lines.offsetAt(shifted.keywordRange.start), end),
      startLine: u.startLine,
      endLine: u.endLine,
      start: lines.offsetAt(shifted.keywordRange.start),
      end,
      flags: shifted.flags,
      args: json ? jsonArgValues(json, shifted.jsonStrings ?? [], shifted.args) : shifted.args,
      argsRange: shifted.args.length > 0 ? { start: shifted.args[0].range.start, end: lastArg.range.end } : undefined,
      jsonForm: json !== undefined,
      jsonInvalid: invalid,
      heredocs: buildHeredocs(u.heredocs, joined, lines, text),
      stageIndex: -1,
    };
    if (shifted.trigger) {
      const t = shiftRelative(shifted.trigger, u.startLine);
      instr.trigger = { ...instr, keyword: t.keyword, keywordRange: t.keywordRange, flags: t.flags, args: t.args, heredocs: [], jsonForm: false, jsonInvalid: false, start: lines.offsetAt(t.keywordRange.start) };
    }
    for (const h of instr.heredocs) {
      if (!h.endRange) problems.push({ code: 'unterminated-heredoc', message: `Heredoc \`${h.name}\` is never closed: add a line \`${h.name}\`.`, range: h.markerRange });
    }
    for (const l of u.emptyContinuationLines) {
      problems.push({ code: 'empty-continuation-line', message: 'Empty continuation line: remove it (BuildKit warns and a future version will reject it).', range: lines.rangeOf(lines.lineStart(l), lines.lineEnd(l)) });
    }
    joinedByIndex.push(joined);
    instructions.push(instr);
  }

  const model: DockerfileModel = { text, lines, escape, directives, comments, instructions, stages: [], globalArgs: [], problems };
  buildStages(model);
  logicalLines.set(model, joinedByIndex);
  return model;
}

/** JSON-form arguments: one per array element, ranges from dockerfile-ast's string tokens when they line up. */
function jsonArgValues(values: string[], strings: Arg[], astArgs: Arg[]): Arg[] {
  if (strings.length === values.length) return strings.map((a, i) => ({ ...a, value: values[i] }));
  if (astArgs.length === 0) return [];
  const first = astArgs[0].range;
  const last = astArgs[astArgs.length - 1].range;
  return values.map((v) => ({ raw: JSON.stringify(v), value: v, range: { start: first.start, end: last.end } }));
}

const logicalLines = new WeakMap<DockerfileModel, MappedText[]>();

/** The joined logical line of an instruction (what BuildKit's parser reads). */
export function logicalLineOf(model: DockerfileModel, instr: Instruction): MappedText {
  const list = logicalLines.get(model);
  const found = list?.[instr.index];
  return found ?? joinLogicalLine(model.lines, instr.startLine, instr.startLine, model.escape);
}

