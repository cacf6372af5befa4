import { LineIndex } from '../text/line-index';
import { Range } from '../text/types';
import { DocArg } from './doc-arg';
import { Arg, Flag } from './types';

/*
 * dockerfile-ast's reading of one instruction (keyword, flags, arguments),
 * replayed without building its document and instruction objects: the
 * library constructs a RUN twice and re-tokenizes its arguments on every
 * getArguments/getFlags call, which made it the largest part of parsing.
 *
 * This follows the library's scanners step by step (Parser.processInstruction
 * and processArguments, Instruction.getRawArguments, ModifiableInstruction.
 * getFlags and the classes' stopSearchingForFlags) for the common case only,
 * and returns undefined for everything else so the caller asks the library:
 * another escape character, CR line breaks or a BOM, heredocs, ONBUILD, an
 * escaped keyword, and JSON-looking arguments of the JSON instructions.
 */

export interface FastInstruction {
  keyword: string;
  keywordRange: Range;
  flags: Flag[];
  args: Arg[];
}

/** Instructions whose leading `--name[=value]` words are flags, and where the library stops looking. */
const STOP_AT_NON_FLAG = new Set(['ADD', 'COPY', 'RUN', 'FROM']);
const NEVER_FLAGS = new Set(['CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME']);
/** JSONInstruction subclasses: an opening bracket changes what they hold. */
const JSON_INSTRUCTIONS = new Set(['ADD', 'COPY', 'RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME']);

interface RawArg {
  value: string;
  start: number;
  end: number;
}

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Parser.processArguments without heredocs: where the instruction's text ends. */
function argumentsEnd(buffer: string, offset: number): number {
  let escaped = false;
  argumentsCheck: for (let i = offset + 1; i < buffer.length; i++) {
    switch (buffer.charAt(i)) {
      case '\r':
      case '\n':
        if (escaped) continue;
        return i;
      case '\\': {
        const next = buffer.charAt(i + 1);
        if (next === '\n' || next === '\r') {
          escaped = true;
          i++;
        } else if (next === ' ' || next === '\t') {
          for (let j = i + 2; j < buffer.length; j++) {
            switch (buffer.charAt(j)) {
              case ' ':
              case '\t':
                break;
              case '\r':
              case '\n':
                escaped = true;
                i = j;
                continue argumentsCheck;
              default:
                i = j;
                continue argumentsCheck;
            }
          }
          return buffer.length;
        }
        continue;
      }
      case '#':
        if (escaped) {
          // processComment: the comment runs to the end of its line.
          let end = buffer.length;
          for (let j = i + 1; j < buffer.length; j++) {
            const c = buffer.charAt(j);
            if (c === '\r' || c === '\n') {
              end = j;
              break;
            }
          }
          i = end;
          continue argumentsCheck;
        }
        break;
      case ' ':
      case '\t':
        break;
      default:
        if (escaped) escaped = false;
        break;
    }
  }
  return buffer.length;
}

/** Instruction.getRawArguments over `fullArgs`, which starts at document offset `offset`. */
function rawArguments(fullArgs: string, offset: number): RawArg[] {
  const args: RawArg[] = [];
  const escapeChar = '\\';
  let start = false;
  let comment = false;
  let found = -1;
  let escapedWhitespaceDetected = false;
  let escaping = false;
  let escapeMarker = -1;
  let escapedArg = '';
  for (let i = 0; i < fullArgs.length; i++) {
    const char = fullArgs.charAt(i);
    if (isWhitespace(char)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (char === '\r' || char === '\n') {
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        args.push({ value: escapedArg, start: offset + found, end: offset + (escapeMarker === -1 ? i : escapeMarker) });
        escapeMarker = -1;
        escapedArg = '';
        found = -1;
      }
    } else if (char === escapeChar) {
      const next = fullArgs.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
          switch (fullArgs.charAt(j)) {
            case ' ':
            case '\t':
              continue;
            case '\r':
            case '\n':
              if (fullArgs.charAt(j) === '\r') j++;
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) escapeMarker = i;
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) i = j - 1;
              break whitespaceCheck;
          }
        }
      } else if (next === '\r') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push({ value: escapedArg, start: offset + found, end: offset + escapeMarker });
          escapedArg = '';
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '$') escapedArg = escapedArg + char + next;
        else if (next === '') break;
        else escapedArg = escapedArg + next;
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push({ value: escapedArg, start: offset + found, end: offset + escapeMarker });
          escapedArg = '';
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        escapedArg = escapedArg + char;
        if (found === -1) found = i;
      }
      start = false;
    }
  }
  if (found !== -1) args.push({ value: escapedArg, start: offset + found, end: offset + (escapeMarker === -1 ? fullArgs.length : escapeMarker) });
  return args;
}

function stopsFlags(keyword: string, value: string): boolean {
  if (STOP_AT_NON_FLAG.has(keyword)) return value.indexOf('--') === -1;
  if (keyword === 'HEALTHCHECK') {
    const v = value.toUpperCase();
    return v === 'CMD' || v === 'NONE';
  }
  return NEVER_FLAGS.has(keyword);
}

/** ModifiableInstruction.getFlags over the raw arguments. */
function flagsOf(keyword: string, raw: RawArg[], text: string, lines: LineIndex): Flag[] {
  const flags: Flag[] = [];
  for (const arg of raw) {
    const value = arg.value;
    if (stopsFlags(keyword, value)) return flags;
    if (value.indexOf('--') !== 0) continue;
    const rawValue = text.substring(arg.start, arg.end);
    const nameIndex = value.indexOf('=');
    const index = rawValue.indexOf('=');
    let firstMatch = false;
    let secondMatch = false;
    let startIndex = -1;
    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
      switch (rawValue.charAt(i)) {
        case '\\':
        case ' ':
        case '\t':
        case '\r':
        case '\n':
          break;
        case '-':
          if (secondMatch) {
            startIndex = i;
            break nameSearchLoop;
          } else if (firstMatch) secondMatch = true;
          else firstMatch = true;
          break;
        default:
          startIndex = i;
          break nameSearchLoop;
      }
    }
    const range = lines.rangeOf(arg.start, arg.end);
    const nameStart = lines.positionAt(arg.start + startIndex);
    if (index === -1) {
      flags.push({ name: value.substring(2), value: undefined, range, nameRange: { start: nameStart, end: range.end }, valueRange: undefined });
    } else if (index === value.length - 1) {
      flags.push({ name: value.substring(2, index), value: '', range, nameRange: { start: nameStart, end: lines.positionAt(arg.start + index) }, valueRange: { start: range.end, end: range.end } });
    } else {
      flags.push({
        name: value.substring(2, nameIndex),
        value: value.substring(nameIndex + 1),
        range,
        nameRange: { start: nameStart, end: lines.positionAt(arg.start + index) },
        valueRange: { start: lines.positionAt(arg.start + index + 1), end: range.end },
      });
    }
  }
  return flags;
}

/**
 * The keyword, flags and arguments dockerfile-ast reads from the first
 * instruction of `chunk` (with `\` as the escape character), positions in
 * the chunk's own lines; undefined when the library must be asked.
 */
export function readInstructionFast(chunk: string, lines: LineIndex): FastInstruction | undefined {
  if (chunk.includes('\r') || chunk.includes('<<') || chunk.charCodeAt(0) === 0xfeff) return undefined;
  let start = 0;
  while (start < chunk.length && isWhitespace(chunk.charAt(start))) start++;
  if (start >= chunk.length || chunk.charAt(start) === '#') return undefined;
  let instructionEnd = start + 1;
  while (instructionEnd < chunk.length) {
    const c = chunk.charAt(instructionEnd);
    if (c === '\\') return undefined;
    if (c === ' ' || c === '\t' || c === '\n') break;
    instructionEnd++;
  }
  const word = chunk.substring(start, instructionEnd);
  const keyword = word.toUpperCase();
  if (keyword === 'ONBUILD') return undefined;
  const keywordRange = lines.rangeOf(start, instructionEnd);
  const delimiter = chunk.charAt(instructionEnd);
  if (delimiter !== ' ' && delimiter !== '\t') return { keyword, keywordRange, flags: [], args: [] };
  const end = argumentsEnd(chunk, instructionEnd);
  const raw = rawArguments(chunk.substring(instructionEnd, end), instructionEnd);
  const modifiable = STOP_AT_NON_FLAG.has(keyword) || NEVER_FLAGS.has(keyword) || keyword === 'HEALTHCHECK';
  const flags = modifiable ? flagsOf(keyword, raw, chunk, lines) : [];
  const rest = flags.length > 0 ? raw.slice(flags.length) : raw;
  if (JSON_INSTRUCTIONS.has(keyword) && rest.length > 0) {
    const first = chunk.charAt(rest[0].start);
    // JSONInstruction's bracket scan may find an array here: leave it to the library.
    if (first === '[' || first === ']' || first === '\\') return undefined;
  }
  const args: Arg[] = rest.map((a) => {
    const raw = chunk.slice(a.start, a.end);
    // Most arguments have no quotes or escapes. Their value, built a character
    // at a time, is then a tree of string pieces as long as the argument; the
    // raw slice is one small object for the same text.
    return DocArg.at(lines, raw, a.value === raw ? raw : a.value, a.start, a.end);
  });
  return { keyword, keywordRange, flags, args };
}
