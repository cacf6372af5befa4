import { Finding, Severity } from '../../shared-rules/engine/types';
import { Linter } from '../../shared-rules/engine/lint';
import { ruleDocUrl } from '../../shared-rules/engine/docs';

export interface FileResult {
  file: string;
  text: string;
  findings: Finding[];
}

/** The public JSON shape: keep it stable. */
export interface JsonFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: { title: string; safe: boolean }[];
}

export function toJson(results: readonly FileResult[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      out.push({
        file: r.file,
        rule: f.ruleId,
        severity: f.severity,
        message: f.message,
        range: { start: { ...f.range.start }, end: { ...f.range.end } },
        fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe })),
      });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

export function toText(results: readonly FileResult[], color: boolean): string {
  const lines: string[] = [];
  let total = 0;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) {
    const src = r.text.split(/\r?\n/);
    for (const f of r.findings) {
      total++;
      counts[f.severity]++;
      const sev = color ? `${COLORS[f.severity]}${f.severity}\x1b[0m` : f.severity;
      const fix = f.fixes.length ? (f.fixes.some((x) => x.safe) ? ' [fix]' : ' [unsafe fix]') : '';
      lines.push(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${sev} ${f.message} (${f.ruleId})${fix}`);
      const line = src[f.range.start.line];
      if (line !== undefined) {
        const width = f.range.end.line === f.range.start.line ? Math.max(1, f.range.end.character - f.range.start.character) : Math.max(1, line.length - f.range.start.character);
        lines.push(`    ${line}`);
        lines.push(`    ${' '.repeat(f.range.start.character)}${'^'.repeat(width)}`);
      }
    }
  }
  const summary = total === 0 ? `No findings in ${results.length} file${results.length === 1 ? '' : 's'}.` : `${total} finding${total === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info, ${counts.hint} hint) in ${results.length} file${results.length === 1 ? '' : 's'}.`;
  lines.push(summary);
  return lines.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(results: readonly FileResult[], linter: Linter, version: string): object {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const rules = linter.rules.filter((r) => used.has(r.meta.id));
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'layerwise',
            version,
            informationUri: 'https://github.com/layerwise-dev/layerwise',
            rules: rules.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: r.meta.docs.summary },
              fullDescription: { text: r.meta.docs.why },
              helpUri: ruleDocUrl(r.meta.id),
              help: { text: r.meta.docs.fix },
              defaultConfiguration: { level: SARIF_LEVEL[r.meta.severity] },
              properties: { category: r.meta.category },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file === '-' ? 'stdin' : r.file.replace(/\\/g, '/') },
                  region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
