import { DockerfileModel, Instruction } from '../model/types';
import { RunScripts } from '../shell/run-scripts';
import { Range, TextEdit } from '../text/types';
import type { AptTable } from '../layer-cost/apt/table';
import type { ContextSize, LayerCosts } from '../layer-cost/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export type Category = 'size' | 'cache' | 'security' | 'correctness' | 'syntax';
export type Tag = 'unnecessary' | 'deprecated';

/** Equivalent checks in other tools, so their suppressions and habits carry over. */
export interface Equivalents {
  hadolint?: string[];
  buildkit?: string[];
  trivy?: string[];
  checkov?: string[];
  /** Prose for "none has it", open upstream issues and the like. */
  note?: string;
}

/** Documentation next to the rule: feeds hovers, `lint --explain` and the README. */
export interface RuleDocs {
  /** One sentence: what the rule flags. */
  summary: string;
  /** Why it matters, with the concrete size/speed/security effect. Markdown. */
  why: string;
  /** A Dockerfile the rule flags (checked by the test suite). */
  bad: string;
  /** The same Dockerfile done right (checked: no finding for this rule). */
  good: string;
  /** What the quick fix does and whether it is safe. */
  fix: string;
}

export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  /** Hint rules are off unless configured, as the catalog says. */
  enabledByDefault?: boolean;
  /** What kind of fix the rule can offer. */
  fixable: 'safe' | 'unsafe' | 'mixed' | 'none';
  equivalents: Equivalents;
  docs: RuleDocs;
}

/** A file created by a fix (e.g. a `.dockerignore`), relative to the Dockerfile's folder. */
export interface FileCreation {
  path: string;
  content: string;
}

export interface Fix {
  title: string;
  /** Safe fixes build the same software and only remove waste; only they are applied in bulk. */
  safe: boolean;
  edits: TextEdit[];
  createFiles?: FileCreation[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  tags: Tag[];
  /** The instruction the finding is on, for suppression and hover lookup. */
  instructionIndex: number | undefined;
}

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
  tags?: Tag[];
  instruction?: Instruction;
}

/** What the host knows about the build context; undefined = unknown, rules stay quiet. */
export interface HostInfo {
  /** Top-level names in the build context (the Dockerfile's folder). */
  contextEntries?: readonly string[];
  /** Whether a `.dockerignore` (or `<Dockerfile>.dockerignore`) applies. */
  hasDockerignore?: boolean;
  /** The Debian package table, for apt size estimates. */
  aptTable?: AptTable;
  /** Measured size of COPY/ADD sources in the build context; undefined = not measured (yet). */
  contextSize?: (sources: readonly string[]) => ContextSize | undefined;
}

export interface RuleOptions {
  trustedRegistries?: readonly string[];
}

export interface RuleContext {
  readonly model: DockerfileModel;
  readonly host: HostInfo;
  readonly options: RuleOptions;
  /** Shell scripts of a RUN (empty for exec form and Windows stages). */
  scripts(instr: Instruction): RunScripts;
  /** The layer-cost model (estimated bytes per instruction), computed on first use. */
  cost(): LayerCosts;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
