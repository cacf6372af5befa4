import { LintConfig } from '../engine/lint';
import { SeveritySetting } from '../engine/types';
import { parseYamlSubset, YamlValue } from './yaml-subset';

/** hadolint severities and what they are here (`style` is our `hint`). */
const SEVERITY: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/** hadolint's `failure-threshold`, in the CLI's `--fail-level` words. */
export type FailureThreshold = 'error' | 'warning' | 'info' | 'hint' | 'none';
const THRESHOLD: Record<string, FailureThreshold> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', ignore: 'none', none: 'none' };

export interface HadolintConfig {
  /** The layer to merge between the defaults and the editor settings/CLI flags. */
  config: LintConfig;
  failureThreshold?: FailureThreshold;
  /** Codes the file names that no Layerwise rule is equivalent to (e.g. ShellCheck's SCxxxx). */
  unmapped: string[];
  /** Problems reading the file: shown to the user, never fatal. */
  warnings: string[];
}

function stringList(v: YamlValue, key: string, warnings: string[]): string[] {
  if (v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x): x is string => typeof x === 'string')) return v;
  warnings.push(`\`${key}\` should be a list of strings`);
  return [];
}

/**
 * Turns a `.hadolint.yaml` into a configuration layer: `override` sets the
 * severity of the rules equivalent to each DL code, `ignored` turns them off
 * (hadolint applies `ignored` last, so do we), `trustedRegistries` feeds
 * untrusted-registry. A rule equivalent to several codes (DL3030/DL3038/DL3034)
 * follows whichever of them the file names last.
 */
export function hadolintConfigFromText(text: string, byCode: ReadonlyMap<string, readonly string[]>): HadolintConfig {
  const { value, errors } = parseYamlSubset(text);
  const warnings = errors.map((e) => `line ${e.line + 1}: ${e.message}`);
  const rules: Record<string, SeveritySetting> = {};
  const unmapped = new Set<string>();
  const result: HadolintConfig = { config: {}, unmapped: [], warnings };
  if (value === null) return result;
  if (typeof value !== 'object' || Array.isArray(value)) {
    warnings.push('expected a map of settings at the top level');
    return result;
  }
  const apply = (code: string, sev: SeveritySetting) => {
    const ids = byCode.get(code.trim().toUpperCase());
    if (!ids || ids.length === 0) unmapped.add(code.trim());
    else for (const id of ids) rules[id] = sev;
  };
  const override = value.override;
  if (override !== undefined && override !== null) {
    if (typeof override !== 'object' || Array.isArray(override)) warnings.push('`override` should be a map of error/warning/info/style lists');
    else {
      for (const [level, codes] of Object.entries(override)) {
        const sev = SEVERITY[level];
        if (!sev) {
          warnings.push(`\`override.${level}\` is not a hadolint severity (error, warning, info, style)`);
          continue;
        }
        for (const code of stringList(codes, `override.${level}`, warnings)) apply(code, sev);
      }
    }
  }
  if (value.ignored !== undefined) for (const code of stringList(value.ignored, 'ignored', warnings)) apply(code, 'off');
  const trusted = value.trustedRegistries ?? value['trusted-registries'];
  if (trusted !== undefined) {
    const list = stringList(trusted, 'trustedRegistries', warnings);
    if (list.length > 0) result.config.options = { trustedRegistries: list };
  }
  const threshold = value['failure-threshold'];
  if (typeof threshold === 'string') {
    const t = THRESHOLD[threshold.toLowerCase()];
    if (t) result.failureThreshold = t;
    else warnings.push(`\`failure-threshold: ${threshold}\` is not one of error, warning, info, style, ignore, none`);
  }
  if (Object.keys(rules).length > 0) result.config.rules = rules;
  result.unmapped = [...unmapped].sort();
  return result;
}
