import { DockerfileParser, Instruction as AstInstruction, JSONInstruction, ModifiableInstruction, Onbuild } from 'dockerfile-ast';
import { LineIndex } from '../text/line-index';
import { detach } from '../text/detach';
import { DocArg } from './doc-arg';
import { mapOrNone, NONE } from './none';
import { Range, shiftLines } from '../text/types';
import { detectEscape, HeredocSpan, LogicalUnit, splitLogicalUnits } from './logical-lines';
import { readInstructionFast } from './fast-instruction';
import { MappedText, MappedTextBuilder } from './source-map';
import { buildStages } from './stages';
import { Arg, Comment, Directive, DockerfileModel, EscapeChar, Flag, Heredoc, Instruction, SyntaxProblem } from './types';
import { textCache } from '../text/text-cache';

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

const relativeCache = textCache<RelativeInstruction>();

function toRelative(instr: AstInstruction, chunk: LineIndex, lineShift: number): RelativeInstruction {
  const flags: Flag[] = [];
  if (instr instanceof ModifiableInstruction) {
    for (const f of instr.getFlags()) {
      const valueRange = f.getValueRange();
      flags.push({
        name: f.getName(),
        value: f.getValue() ?? undefined,
        range: shiftLines(f.getRange(), lineShift),
        nameRange: shiftLines(f.getNameRange(), lineShift),
        valueRange: valueRange ? shiftLines(valueRange, lineShift) : undefined,
      });
    }
  }
  const args: Arg[] = instr.getArguments().map((a) => DocArg.over(chunk.slice(a.getRange()), a.getValue(), a.getRange(), lineShift));
  let jsonStrings: Arg[] | undefined;
  if (instr instanceof JSONInstruction && instr.getOpeningBracket()) {
    jsonStrings = instr.getJSONStrings().map((a) => DocArg.over(chunk.slice(a.getRange()), a.getJSONValue(), a.getRange(), lineShift));
  }
  let trigger: RelativeInstruction | undefined;
  if (instr instanceof Onbuild) {
    const t = instr.getTriggerInstruction();
    if (t) trigger = toRelative(t, chunk, lineShift);
  }
  return { keyword: instr.getKeyword(), keywordRange: shiftLines(instr.getInstructionRange(), lineShift), flags, args, jsonStrings, trigger };
}

/**
 * dockerfile-ast's reading of the first instruction of one chunk: what
 * parseChunk falls back to when readInstructionFast declines. Exported so the
 * fast path's test compares against this exact code path.
 */
export function parseWithDockerfileAst(chunkText: string, escape: EscapeChar): RelativeInstruction | undefined {
  const prefix = escape === '`' ? '# escape=`\n' : '';
  const source = prefix + chunkText;
  try {
    const df = DockerfileParser.parse(source);
    const first = df.getInstructions()[0];
    return first ? toRelative(first, new LineIndex(source), prefix ? -1 : 0) : undefined;
  } catch {
    return undefined;
  }
}

function parseChunk(sliced: string, escape: EscapeChar): RelativeInstruction | undefined {
  // The parse is cached and shared by later versions: it reads the cache's own copy of the text, not this version's.
  return relativeCache.getOrCreate(escape + '\u0000' + sliced, (own) => {
    const chunkText = own.slice(2);
    const fast = escape === '\\' ? readInstructionFast(chunkText, new LineIndex(chunkText)) : undefined;
    return fast ? { ...fast, jsonStrings: undefined, trigger: undefined } : parseWithDockerfileAst(chunkText, escape);
  });
}

function shiftRelative(rel: RelativeInstruction, lines: number): Pick<Instruction, 'keyword' | 'keywordRange' | 'flags' | 'args'> & { trigger?: RelativeInstruction; jsonStrings?: Arg[] } {
  return {
    jsonStrings: rel.jsonStrings?.map((a) => DocArg.of(a).moved(lines)),
    keyword: rel.keyword,
    keywordRange: shiftLines(rel.keywordRange, lines),
    // Literals rather than spreads: this runs for every argument of every instruction of every parse.
    flags: mapOrNone(rel.flags, (f) => ({ name: f.name, value: f.value, range: shiftLines(f.range, lines), nameRange: shiftLines(f.nameRange, lines), valueRange: f.valueRange && shiftLines(f.valueRange, lines) })),
    args: rel.args.map((a) => DocArg.of(a).moved(lines)),
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

function buildHeredocs(spans: readonly HeredocSpan[], joined: MappedText, lines: LineIndex, text: string): readonly Heredoc[] {
  return mapOrNone(spans, (h) => {
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
      body: hasBody ? detach(text.slice(bodyStart, bodyEnd)) : '',
      endRange: h.endLine >= 0 ? lines.rangeOf(lines.lineStart(h.endLine), lines.lineEnd(h.endLine)) : undefined,
    };
  });
}

/** One logical unit of the file and what the model holds for it. */
interface UnitRecord {
  unit: LogicalUnit;
  /** Names the unit's text: a record moved by an edit keeps it, a re-parsed one gets a new one. */
  textId: number;
  instr?: Instruction;
  comment?: Comment;
  directive?: Directive;
  problems: readonly SyntaxProblem[];
}

interface ModelInternals {
  records: UnitRecord[];
  /** Instruction index -> its record, for the joined logical lines. */
  byInstruction: UnitRecord[];
  /** First line after the leading directives: edits up to here re-parse the whole file. */
  directivesEnd: number;
  joined: (MappedText | undefined)[];
}

const internals = new WeakMap<DockerfileModel, ModelInternals>();
let nextTextId = 1;

function buildRecord(u: LogicalUnit, lines: LineIndex, text: string, escape: EscapeChar, index: number, joinedOut: (MappedText | undefined)[]): UnitRecord | undefined {
  if (u.kind === 'directive') {
    const base = lines.lineStart(u.line);
    return {
      unit: u,
      textId: nextTextId++,
      problems: NONE,
      directive: {
        name: detach(u.name),
        value: detach(u.value),
        range: lines.rangeOf(base, lines.lineEnd(u.line)),
        nameRange: lines.rangeOf(base + u.nameStart, base + u.nameEnd),
        valueRange: lines.rangeOf(base + u.valueStart, base + u.valueEnd),
      },
    };
  }
  if (u.kind === 'comment') {
    const t = lines.lineText(u.line);
    return { unit: u, textId: nextTextId++, problems: NONE, comment: { text: detach(t.replace(/^[ \t]*#/, '').trim()), range: lines.rangeOf(lines.lineStart(u.line), lines.lineEnd(u.line)), line: u.line } };
  }
  const chunkStart = lines.lineStart(u.startLine);
  const chunkEnd = lines.lineEnd(u.logicalEndLine);
  const chunk = text.slice(chunkStart, chunkEnd);
  const rel = parseChunk(chunk, escape);
  if (!rel) return undefined;
  const shifted = shiftRelative(rel, u.startLine);
  // The joined line is only needed here for JSON arrays and heredoc markers; otherwise it is built on demand.
  const needsJoined = u.heredocs.length > 0 || (shifted.args.length > 0 && chunk.includes('['));
  const joined = needsJoined ? joinLogicalLine(lines, u.startLine, u.logicalEndLine, escape) : undefined;
  const argsStartDoc = shifted.args.length > 0 ? lines.offsetAt(shifted.args[0].range.start) : undefined;
  const { json, invalid } = joined ? jsonArgs(joined, argsStartDoc) : { json: undefined, invalid: false };
  const end = lines.lineEnd(u.endLine);
  const lastArg = shifted.args[shifted.args.length - 1];
  const instr: Instruction = {
    index,
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
    heredocs: joined ? buildHeredocs(u.heredocs, joined, lines, text) : NONE,
    stageIndex: -1,
  };
  if (shifted.trigger) {
    const t = shiftRelative(shifted.trigger, u.startLine);
    instr.trigger = { ...instr, keyword: t.keyword, keywordRange: t.keywordRange, flags: t.flags, args: t.args, heredocs: NONE, jsonForm: false, jsonInvalid: false, start: lines.offsetAt(t.keywordRange.start) };
  }
  const problems: SyntaxProblem[] = [];
  for (const h of instr.heredocs) {
    if (!h.endRange) problems.push({ code: 'unterminated-heredoc', message: `Heredoc \`${h.name}\` is never closed: add a line \`${h.name}\`.`, range: h.markerRange });
  }
  for (const l of u.emptyContinuationLines) {
    problems.push({ code: 'empty-continuation-line', message: 'Empty continuation line: remove it (BuildKit warns and a future version will reject it).', range: lines.rangeOf(lines.lineStart(l), lines.lineEnd(l)) });
  }
  joinedOut[index] = joined;
  return { unit: u, textId: nextTextId++, instr, problems: problems.length > 0 ? problems : NONE };
}

function assemble(text: string, lines: LineIndex, escape: EscapeChar, records: UnitRecord[], joined: (MappedText | undefined)[]): DockerfileModel {
  const directives: Directive[] = [];
  const comments: Comment[] = [];
  const instructions: Instruction[] = [];
  const problems: SyntaxProblem[] = [];
  const byInstruction: UnitRecord[] = [];
  let directivesEnd = 0;
  for (const r of records) {
    if (r.directive) {
      directives.push(r.directive);
      if (r.unit.kind === 'directive') directivesEnd = r.unit.line + 1;
    } else if (r.comment) comments.push(r.comment);
    else if (r.instr) {
      instructions.push(r.instr);
      byInstruction.push(r);
      for (const p of r.problems) problems.push(p);
    }
  }
  const model: DockerfileModel = { text, lines, escape, directives, comments, instructions, stages: [], globalArgs: [], problems };
  buildStages(model);
  internals.set(model, { records, byInstruction, directivesEnd, joined });
  return model;
}

function parseFull(text: string): DockerfileModel {
  const lines = new LineIndex(text);
  const escape = detectEscape(lines);
  const records: UnitRecord[] = [];
  const joined: (MappedText | undefined)[] = [];
  let index = 0;
  for (const u of splitLogicalUnits(lines, escape)) {
    const r = buildRecord(u, lines, text, escape, index, joined);
    if (!r) continue;
    if (r.instr) index++;
    records.push(r);
  }
  return assemble(text, lines, escape, records, joined);
}

/**
 * Builds the model of a Dockerfile. Never throws: whatever the text, a model
 * comes back, with what BuildKit would reject listed in `problems`.
 *
 * With `previous` (the model of an earlier version of the same document) only
 * the units an edit touched are split and parsed again; the units before the
 * edit are reused as they are and those after it shifted. The result is the
 * same as parsing from scratch.
 */
export function parseDockerfile(text: string, previous?: DockerfileModel): DockerfileModel {
  if (previous) {
    if (previous.text === text) return previous;
    const model = reparse(text, previous);
    if (model) return model;
  }
  return parseFull(text);
}

function reparse(text: string, prev: DockerfileModel): DockerfileModel | undefined {
  const p = internals.get(prev);
  if (!p) return undefined;
  const old = prev.text;
  const max = Math.min(old.length, text.length);
  const a = commonPrefix(old, text, max);
  const b = commonSuffix(old, text, max - a);
  const lines = LineIndex.afterEdit(prev.lines, text, a, b);
  // One line of margin on each side: a CR/LF pair split by the edit changes where lines break.
  const firstLine = Math.max(0, Math.min(prev.lines.positionAt(a).line, lines.positionAt(a).line) - 1);
  if (firstLine <= p.directivesEnd) return undefined;
  const escape = detectEscape(lines);
  if (escape !== prev.escape) return undefined;
  const oldLast = prev.lines.positionAt(old.length - b).line;
  const newLast = lines.positionAt(text.length - b).line;
  const dLine = newLast - oldLast;
  const dOff = text.length - old.length;

  const oldRecords = p.records;
  let keep = 0;
  while (keep < oldRecords.length && unitEnd(oldRecords[keep].unit) < firstLine) keep++;
  if (keep === 0) return undefined;
  const prefix = oldRecords.slice(0, keep);
  const resume = unitEnd(prefix[keep - 1].unit) + 1;
  let index = 0;
  for (const r of prefix) if (r.instr) index++;

  let syncAt = -1;
  const units = splitLogicalUnits(lines, escape, resume, (line) => {
    if (line <= newLast + 1) return false;
    const k = recordStartingAt(oldRecords, line - dLine, keep);
    if (k === -1) return false;
    syncAt = k;
    return true;
  });
  const records = prefix;
  const joined: (MappedText | undefined)[] = p.joined.slice(0, index);
  for (const u of units) {
    const r = buildRecord(u, lines, text, escape, index, joined);
    if (!r) continue;
    if (r.instr) index++;
    records.push(r);
  }
  if (syncAt !== -1) {
    for (let k = syncAt; k < oldRecords.length; k++) {
      const r = shiftRecord(oldRecords[k], dLine, dOff, index);
      if (r.instr) index++;
      records.push(r);
    }
  }
  return assemble(text, lines, escape, records, joined);
}

const BLOCK = 2048;

// Block-wise first: comparing substrings runs in native code, far faster than a charCodeAt loop over a large file.
function commonPrefix(x: string, y: string, max: number): number {
  let a = 0;
  while (a + BLOCK <= max && x.substring(a, a + BLOCK) === y.substring(a, a + BLOCK)) a += BLOCK;
  while (a < max && x.charCodeAt(a) === y.charCodeAt(a)) a++;
  return a;
}

function commonSuffix(x: string, y: string, max: number): number {
  let b = 0;
  while (b + BLOCK <= max && x.substring(x.length - b - BLOCK, x.length - b) === y.substring(y.length - b - BLOCK, y.length - b)) b += BLOCK;
  while (b < max && x.charCodeAt(x.length - 1 - b) === y.charCodeAt(y.length - 1 - b)) b++;
  return b;
}

function unitEnd(u: LogicalUnit): number {
  return u.kind === 'instruction' ? u.endLine : u.line;
}

function unitStart(u: LogicalUnit): number {
  return u.kind === 'instruction' ? u.startLine : u.line;
}

/** Binary search over the records (in line order) for one starting exactly at `line`. */
function recordStartingAt(records: UnitRecord[], line: number, from: number): number {
  let lo = from;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = unitStart(records[mid].unit);
    if (s === line) return mid;
    if (s < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function shiftInstruction(i: Instruction, d: number, dOff: number, index: number): Instruction {
  if (d === 0) {
    // Same lines: every range stays valid, only the offsets move. A literal, not a spread: this runs for every instruction after the edit.
    const copy: Instruction = {
      index,
      keyword: i.keyword,
      keywordRange: i.keywordRange,
      range: i.range,
      startLine: i.startLine,
      endLine: i.endLine,
      start: i.start + dOff,
      end: i.end + dOff,
      flags: i.flags,
      args: i.args,
      argsRange: i.argsRange,
      jsonForm: i.jsonForm,
      jsonInvalid: i.jsonInvalid,
      heredocs: i.heredocs,
      stageIndex: -1,
    };
    if (i.trigger) copy.trigger = { ...i.trigger, index, start: i.trigger.start + dOff, end: i.trigger.end + dOff };
    return copy;
  }
  const copy: Instruction = {
    ...i,
    index,
    stageIndex: -1,
    keywordRange: shiftLines(i.keywordRange, d),
    range: shiftLines(i.range, d),
    startLine: i.startLine + d,
    endLine: i.endLine + d,
    start: i.start + dOff,
    end: i.end + dOff,
    flags: mapOrNone(i.flags, (f) => ({ ...f, range: shiftLines(f.range, d), nameRange: shiftLines(f.nameRange, d), valueRange: f.valueRange && shiftLines(f.valueRange, d) })),
    args: i.args.map((x) => DocArg.of(x).moved(d)),
    argsRange: i.argsRange && shiftLines(i.argsRange, d),
    heredocs: mapOrNone(i.heredocs, (h) => ({ ...h, markerRange: shiftLines(h.markerRange, d), bodyRange: h.bodyRange && shiftLines(h.bodyRange, d), endRange: h.endRange && shiftLines(h.endRange, d) })),
  };
  if (i.trigger) {
    const t = shiftInstruction(i.trigger, d, dOff, index);
    t.stageIndex = i.trigger.stageIndex;
    copy.trigger = t;
  }
  return copy;
}

function shiftUnit(u: LogicalUnit, d: number): LogicalUnit {
  if (d === 0) return u;
  if (u.kind !== 'instruction') return { ...u, line: u.line + d };
  return {
    ...u,
    startLine: u.startLine + d,
    endLine: u.endLine + d,
    logicalEndLine: u.logicalEndLine + d,
    heredocs: mapOrNone(u.heredocs, (h) => ({ ...h, bodyStartLine: h.bodyStartLine + d, bodyEndLine: h.bodyEndLine + d, endLine: h.endLine === -1 ? -1 : h.endLine + d })),
    emptyContinuationLines: mapOrNone(u.emptyContinuationLines, (l) => l + d),
  };
}

function shiftRecord(r: UnitRecord, d: number, dOff: number, index: number): UnitRecord {
  // Instructions are always copied: their stage index is assigned anew.
  if (d === 0 && dOff === 0 && !r.instr) return r;
  const out: UnitRecord = { unit: shiftUnit(r.unit, d), textId: r.textId, problems: d === 0 ? r.problems : mapOrNone(r.problems, (x) => ({ ...x, range: shiftLines(x.range, d) })) };
  if (r.instr) out.instr = shiftInstruction(r.instr, d, dOff, index);
  if (r.comment) out.comment = d === 0 ? r.comment : { ...r.comment, range: shiftLines(r.comment.range, d), line: r.comment.line + d };
  if (r.directive) out.directive = r.directive;
  return out;
}

/** JSON-form arguments: one per array element, ranges from dockerfile-ast's string tokens when they line up. */
function jsonArgValues(values: string[], strings: Arg[], astArgs: Arg[]): Arg[] {
  if (strings.length === values.length) return strings.map((a, i) => DocArg.of(a).withValue(values[i]));
  if (astArgs.length === 0) return [];
  const first = astArgs[0].range;
  const last = astArgs[astArgs.length - 1].range;
  return values.map((v) => DocArg.over(JSON.stringify(v), v, { start: first.start, end: last.end }));
}

/** The joined logical line of an instruction (what BuildKit's parser reads). */
export function logicalLineOf(model: DockerfileModel, instr: Instruction): MappedText {
  const p = internals.get(model);
  const r = p?.byInstruction[instr.index];
  if (!p || !r || r.unit.kind !== 'instruction' || r.unit.startLine !== instr.startLine) return joinLogicalLine(model.lines, instr.startLine, instr.startLine, model.escape);
  let joined = p.joined[instr.index];
  if (!joined) {
    joined = joinLogicalLine(model.lines, r.unit.startLine, r.unit.logicalEndLine, model.escape);
    p.joined[instr.index] = joined;
  }
  return joined;
}

/**
 * A number naming the exact text of an instruction's lines within the models
 * of one document's versions: equal numbers mean equal text (the converse
 * need not hold). Undefined for a model not built by parseDockerfile.
 */
export function instructionTextId(model: DockerfileModel, instr: Instruction): number | undefined {
  const r = internals.get(model)?.byInstruction[instr.index];
  return r && r.instr && r.unit.kind === 'instruction' && r.unit.startLine === instr.startLine ? r.textId : undefined;
}

/**
 * A model that shows a part of `model` (e.g. one stage) to a rule, sharing
 * its text, instructions and parse data: what the incremental engine runs
 * scoped rules on.
 */
export function modelView(model: DockerfileModel, parts: Pick<DockerfileModel, 'instructions' | 'stages'>): DockerfileModel {
  const view: DockerfileModel = { ...model, instructions: parts.instructions, stages: parts.stages };
  const p = internals.get(model);
  if (p) internals.set(view, p);
  return view;
}
