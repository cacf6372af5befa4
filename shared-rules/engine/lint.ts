import { parseDockerfile } from '../model/parse';
import { DockerfileModel } from '../model/types';
import { comparePositions } from '../text/types';
import { buildEquivalenceIndex, collectSuppressions, EquivalenceIndex, isSuppressed } from './suppressions';
import { instructionAt } from '../model/instruction-at';
import { runRule } from './rule-run';
import { Finding, HostInfo, Rule, RuleOptions, Severity, SeveritySetting } from './types';

export { instructionAt };

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

/**
 * The order findings are reported in. Rule ids are compared by code unit, not
 * with localeCompare: they are lowercase ASCII (same order), and the first
 * Intl collation of a process pages in ICU (megabytes of resident memory).
 */
export function compareFindings(a: Finding, b: Finding): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
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
    const options = config.options ?? {};
    for (const rule of this.rules) {
      const severity = effectiveSeverity(rule, config);
      if (!severity) continue;
      const escalate = suppressions.buildkitErrors && (rule.meta.equivalents.buildkit?.length ?? 0) > 0;
      const { raws, error } = runRule(rule, model, model, host, options);
      if (error !== undefined) ruleErrors.push({ ruleId: rule.meta.id, error });
      // What a rule reported before throwing counts too.
      for (const raw of raws) {
        const instr = raw.instructionIndex !== undefined ? model.instructions[raw.instructionIndex] : undefined;
        if (isSuppressed(suppressions, rule.meta.id, instr)) continue;
        findings.push({ ruleId: rule.meta.id, severity: escalate ? 'error' : severity, message: raw.message, range: raw.range, fixes: raw.fixes, tags: raw.tags, instructionIndex: raw.instructionIndex });
      }
    }
    findings.sort(compareFindings);
    return { model, findings, ruleErrors };
  }
}
