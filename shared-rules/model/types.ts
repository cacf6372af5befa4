import { LineIndex } from '../text/line-index';
import { Range } from '../text/types';

export type EscapeChar = '\\' | '`';

export interface Directive {
  name: string; // lower-cased: escape, syntax, check
  value: string;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

export interface Comment {
  /** Text after `#`, trimmed. */
  text: string;
  range: Range;
  line: number;
}

export interface Flag {
  name: string;
  /** Undefined for a bare flag (`--link`); empty string for `--flag=`. */
  value: string | undefined;
  range: Range;
  nameRange: Range;
  valueRange: Range | undefined;
}

export interface Arg {
  /** The argument as written, without escapes processed. */
  raw: string;
  /** The argument after Dockerfile quote/escape processing (no variable expansion). */
  value: string;
  /** Built on each read in the parser's arguments (model/doc-arg): a fresh object. */
  readonly range: Range;
}

export interface Heredoc {
  /** The delimiter word, without quotes or `-`. */
  name: string;
  stripTabs: boolean;
  quoted: boolean;
  /** `<<EOF` marker in the instruction line. */
  markerRange: Range;
  /** Body lines between marker line and delimiter line; undefined when empty. */
  bodyRange: Range | undefined;
  body: string;
  /** The closing delimiter line; undefined when the file ends before it. */
  endRange: Range | undefined;
}

export interface Instruction {
  /** Position in Dockerfile.instructions. */
  index: number;
  /** Upper-cased keyword as written (`RUN`, `FROM` …); may be unknown. */
  keyword: string;
  keywordRange: Range;
  /** Whole instruction, continuation lines and heredoc bodies included. */
  range: Range;
  startLine: number;
  endLine: number;
  /** Offsets into the document text. */
  start: number;
  end: number;
  flags: readonly Flag[];
  /** Arguments after the flags. For JSON form: the JSON strings. */
  args: Arg[];
  /** From the first argument to the end of the arguments (no heredoc bodies). */
  argsRange: Range | undefined;
  jsonForm: boolean;
  /** Set for a JSON-form instruction whose array is malformed. */
  jsonInvalid: boolean;
  heredocs: readonly Heredoc[];
  /** Stage index, or -1 for instructions before the first FROM. */
  stageIndex: number;
  /** ONBUILD's trigger instruction. */
  trigger?: Instruction;
}

export interface ImageRef {
  /** As written (variables unexpanded). */
  raw: string;
  /** After ARG expansion (equal to raw when there are no variables). */
  resolved: string;
  /** True when raw contains `$`. */
  hasVariables: boolean;
  /** True when some variable had no value to expand. */
  unresolved: boolean;
  registry: string | undefined;
  /** Repository path without registry, e.g. `library/python` is `python`. */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  /** Ranges in the document, when the reference has no variables. */
  range: Range;
  nameRange: Range | undefined;
  tagRange: Range | undefined;
  digestRange: Range | undefined;
}

export type BaseKind = 'image' | 'stage' | 'scratch' | 'variable';

export interface Stage {
  index: number;
  /** Lower-cased `AS` name. */
  name: string | undefined;
  nameRange: Range | undefined;
  from: Instruction;
  image: ImageRef | undefined;
  platform: Flag | undefined;
  baseKind: BaseKind;
  /** Earlier stage this one builds on. */
  baseStage: number | undefined;
  /** Instructions after FROM up to the next FROM. */
  instructions: Instruction[];
  /** Windows base image or a PowerShell/cmd SHELL: shell rules stay silent. */
  windows: boolean;
}

export interface SyntaxProblem {
  code: string;
  message: string;
  range: Range;
}

export interface DockerfileModel {
  text: string;
  lines: LineIndex;
  escape: EscapeChar;
  directives: Directive[];
  comments: Comment[];
  instructions: Instruction[];
  stages: Stage[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  problems: SyntaxProblem[];
}
