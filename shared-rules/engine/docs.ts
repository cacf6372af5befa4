import { weakMemo } from '../model/memo';
import { Equivalents, Rule } from './types';

export const DOCS_BASE = 'https://github.com/layerwise-dev/layerwise/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function equivalentsText(eq: Equivalents): string {
  const parts: string[] = [];
  if (eq.hadolint?.length) parts.push(`hadolint ${eq.hadolint.join(', ')}`);
  if (eq.buildkit?.length) parts.push(`BuildKit ${eq.buildkit.join(', ')}`);
  if (eq.trivy?.length) parts.push(`Trivy ${eq.trivy.join(', ')}`);
  if (eq.checkov?.length) parts.push(`Checkov ${eq.checkov.join(', ')}`);
  if (eq.note) parts.push(eq.note);
  return parts.length ? parts.join('; ') : 'none';
}

function fence(code: string): string {
  return '```dockerfile\n' + code.replace(/\n$/, '') + '\n```';
}

/** The full page: README links, `lint --explain`, docs/rules/<id>.md. */
export function renderRuleMarkdown(rule: Rule): string {
  const m = rule.meta;
  const off = m.enabledByDefault === false ? ' (off by default)' : '';
  return [
    `# ${m.id}`,
    '',
    `**${m.category}** · default severity **${m.severity}**${off} · fix: **${m.fixable}**`,
    '',
    m.docs.summary,
    '',
    '## Why it matters',
    '',
    m.docs.why,
    '',
    '## Example',
    '',
    'Flagged:',
    '',
    fence(m.docs.bad),
    '',
    'Instead:',
    '',
    fence(m.docs.good),
    '',
    '## Fix',
    '',
    m.docs.fix,
    '',
    '## Equivalent rules',
    '',
    equivalentsText(m.equivalents),
    '',
    '## Suppress',
    '',
    '```dockerfile',
    `# layerwise ignore=${m.id}`,
    '```',
    '',
  ].join('\n');
}

const hoverTexts = weakMemo(ruleHoverText);

/** The part shown in an editor hover on a finding (built once per rule: hovers repeat it). */
export function renderRuleHover(rule: Rule): string {
  return hoverTexts(rule);
}

function ruleHoverText(rule: Rule): string {
  const m = rule.meta;
  return [`**${m.id}** (${m.category}) — ${m.docs.summary}`, '', m.docs.why, '', `*Fix:* ${m.docs.fix}`, '', `Equivalent: ${equivalentsText(m.equivalents)} · [Documentation](${ruleDocUrl(m.id)})`].join('\n');
}
