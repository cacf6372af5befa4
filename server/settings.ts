import { SeveritySetting } from '../shared-rules/engine/types';

/** The `layerwise.*` settings, as the client contributes them. */
export interface Settings {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
  /** Milliseconds to wait after the last change before validating. */
  validationDelay: number;
  /** Where estimated layer sizes show: inlay hints at line ends, code lenses above, or nowhere. */
  layerCost: 'inlayHints' | 'codeLens' | 'off';
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, validationDelay: 40, layerCost: 'inlayHints' };

const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);

/** Accepts whatever the client sends and keeps only well-formed values. */
export function normalizeSettings(raw: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') out.enable = r.enable;
  if (r.layerCost === 'inlayHints' || r.layerCost === 'codeLens' || r.layerCost === 'off') out.layerCost = r.layerCost;
  if (typeof r.validationDelay === 'number' && r.validationDelay >= 0 && r.validationDelay <= 5000) out.validationDelay = r.validationDelay;
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev)) out.rules[id] = sev as SeveritySetting;
    }
  }
  return out;
}
