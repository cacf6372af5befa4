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

/**
 * What a rule's findings depend on, so the incremental engine can re-run it
 * only where the document changed (the default, `file`, always re-runs it).
 *
 * - `instruction`: a finding on an instruction depends only on that
 *   instruction's own lines and its stage's context (below); it is reported
 *   inside the instruction's lines, fixes included.
 * - `stage`: the findings in a stage (from its FROM to the next FROM) depend
 *   only on that stage's lines, its context and the stages it builds FROM;
 *   they are reported, fixes included, inside the stage's lines. The part
 *   before the first FROM counts as a stage of its own.
 *
 * A stage's context is: the lines before the first FROM (directives, global
 * ARGs), its index, name, base (image, stage or variable), platform, whether
 * it is Windows, whether it is the final stage and whether it ends up in the
 * image, and the same for the stages it builds FROM. Cached findings are
 * moved with their lines, so messages must not name line numbers unless the
 * rule sets `mentionsLines`. A wrong scope shows up in
 * test/server/incremental.test.ts.
 */
export type RuleScope = 'instruction' | 'stage' | 'file';

export interface RuleMeta {
  id: string;
  /** What the findings depend on; `file` (re-run on every change) when absent. */
  scope?: RuleScope;
  /**
   * Messages name line numbers (of the same stage, for a `stage` rule): cached
   * findings are then reused only where their lines did not move.
   */
  mentionsLines?: boolean;
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
  /** The same sources measured as if the context had this `.dockerignore` (for "saves …" fix titles). */
  contextSizeWithIgnore?: (sources: readonly string[], dockerignore: string) => ContextSize | undefined;
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
