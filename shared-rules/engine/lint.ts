import { parseDockerfile } from '../model/parse';
import { DockerfileModel, Instruction } from '../model/types';
import { runScripts, RunScripts } from '../shell/run-scripts';
import { computeLayerCosts } from '../layer-cost/model';
import { comparePositions, Position } from '../text/types';
import { buildEquivalenceIndex, collectSuppressions, EquivalenceIndex, isSuppressed } from './suppressions';
import { Finding, HostInfo, Report, Rule, RuleContext, RuleOptions, Severity, SeveritySetting } from './types';

export interface LintConfig {
  /** Per-rule severity (`off` disables). */
  rules?: Readonly<Record<string, SeveritySetting>>;
  options?: RuleOptions;
}

export interface LintResult {
  model: DockerfileModel;
  findings: Finding[];
  /** Rules that threw: reported to the host's log, never to the user as a crash. */
  ruleErrors: { ruleId: string; error: string }[];
}

export function effectiveSeverity(rule: Rule, config: LintConfig): Severity | undefined {
  const setting = config.rules?.[rule.meta.id];
  if (setting === 'off') return undefined;
  if (setting) return setting;
  if (rule.meta.enabledByDefault === false) return undefined;
  return rule.meta.severity;
}

/** Finds the instruction containing a position by binary search over ranges. */
export function instructionAt(model: DockerfileModel, p: Position): Instruction | undefined {
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = list[mid];
    if (comparePositions(p, i.range.start) < 0) hi = mid - 1;
    else if (comparePositions(p, i.range.end) > 0) lo = mid + 1;
    else return i;
  }
  return undefined;
}

/**
 * The order findings are reported in. Rule ids are compared by code unit, not
 * with localeCompare: they are lowercase ASCII (same order), and the first
 * Intl collation of a process pages in ICU (megabytes of resident memory).
 */
export function compareFindings(a: Finding, b: Finding): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

// An instruction object is shared between the models of successive versions
// only while its text and position are unchanged, so its shell scripts can be
// reused as long as its stage's Windows-ness is the same.
const scriptsByInstruction = new WeakMap<Instruction, { windows: boolean; scripts: RunScripts }>();

function cachedRunScripts(model: DockerfileModel, instr: Instruction): RunScripts {
  const windows = instr.stageIndex >= 0 && model.stages[instr.stageIndex]?.windows === true;
  const hit = scriptsByInstruction.get(instr);
  if (hit && hit.windows === windows) return hit.scripts;
  const scripts = runScripts(model, instr);
  if (scripts.main) scriptsByInstruction.set(instr, { windows, scripts });
  return scripts;
}

/**
 * The context a rule runs with. `view` is what the rule sees: the whole model,
 * or the part of it an incremental run re-checks (see engine/incremental.ts).
 */
export function ruleContext(model: DockerfileModel, view: DockerfileModel, host: HostInfo, options: RuleOptions, report: (r: Report) => void): RuleContext {
  return {
    model: view,
    host,
    options,
    scripts: (instr) => cachedRunScripts(model, instr),
    cost: () => computeLayerCosts(view, host),
    report,
  };
}

export class Linter {
  private readonly eq: EquivalenceIndex;

  constructor(readonly rules: readonly Rule[]) {
    this.eq = buildEquivalenceIndex(rules);
  }

  get equivalences(): EquivalenceIndex {
    return this.eq;
  }

  rule(id: string): Rule | undefined {
    return this.rules.find((r) => r.meta.id === id);
  }

  lintText(text: string, config: LintConfig = {}, host: HostInfo = {}): LintResult {
    return this.lint(parseDockerfile(text), config, host);
  }

  lint(model: DockerfileModel, config: LintConfig = {}, host: HostInfo = {}): LintResult {
    const suppressions = collectSuppressions(model, this.eq);
    const findings: Finding[] = [];
    const ruleErrors: LintResult['ruleErrors'] = [];
    for (const rule of this.rules) {
      const severity = effectiveSeverity(rule, config);
      if (!severity) continue;
      const escalate = suppressions.buildkitErrors && (rule.meta.equivalents.buildkit?.length ?? 0) > 0;
      const ctx = ruleContext(model, model, host, config.options ?? {}, (r) => {
          const instr = r.instruction ?? instructionAt(model, r.range.start);
          if (isSuppressed(suppressions, rule.meta.id, instr)) return;
          findings.push({
            ruleId: rule.meta.id,
            severity: escalate ? 'error' : severity,
            message: r.message,
            range: r.range,
            fixes: r.fixes ?? [],
            tags: r.tags ?? [],
            instructionIndex: instr?.index,
          });
      });
      try {
        rule.check(ctx);
      } catch (e) {
        ruleErrors.push({ ruleId: rule.meta.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
      }
    }
    findings.sort(compareFindings);
    return { model, findings, ruleErrors };
  }
}
