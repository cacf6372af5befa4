import { LintConfig } from '../engine/lint';

/**
 * Layers a configuration from lowest to highest precedence: defaults, then
 * the config file (.hadolint.yaml), then editor settings or CLI flags. A later
 * layer's per-rule severity replaces an earlier one's; options replace per key.
 * Inline comments are not a layer: they suppress at lint time and always win.
 */
export function mergeConfig(...layers: (LintConfig | undefined)[]): LintConfig {
  const rules: NonNullable<LintConfig['rules']> = {};
  const options: NonNullable<LintConfig['options']> = {};
  let anyRules = false;
  let anyOptions = false;
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, sev] of Object.entries(layer.rules ?? {})) {
      (rules as Record<string, typeof sev>)[id] = sev;
      anyRules = true;
    }
    for (const [k, v] of Object.entries(layer.options ?? {})) {
      if (v === undefined) continue;
      (options as Record<string, unknown>)[k] = v;
      anyOptions = true;
    }
  }
  const out: LintConfig = {};
  if (anyRules) out.rules = rules;
  if (anyOptions) out.options = options;
  return out;
}
