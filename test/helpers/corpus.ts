import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLinter, LintConfig, Linter } from '../../shared-rules/index';

/** ../shared/corpus next to the repository (CI lays shared/ beside the clone). */
export function corpusDir(): string | undefined {
  const candidates = [process.env.LAYERWISE_CORPUS, join(__dirname, '..', '..', '..', '..', 'shared', 'corpus'), join(process.cwd(), '..', 'shared', 'corpus')];
  return candidates.find((c): c is string => c !== undefined && existsSync(c));
}

export function corpusFiles(dir: string): { repo: string; file: string; path: string }[] {
  const out: { repo: string; file: string; path: string }[] = [];
  for (const repo of readdirSync(dir).sort()) {
    if (repo.includes('.')) continue;
    for (const file of readdirSync(join(dir, repo)).sort()) out.push({ repo, file, path: join(dir, repo, file) });
  }
  return out;
}

/** The default linter with every rule on at its own severity (hint rules too), and which rules check syntax. */
export function everyRuleLinter(): { linter: Linter; config: LintConfig; syntaxRules: ReadonlySet<string> } {
  const linter = defaultLinter();
  return {
    linter,
    config: { rules: Object.fromEntries(linter.rules.map((r) => [r.meta.id, r.meta.severity])) },
    syntaxRules: new Set(linter.rules.filter((r) => r.meta.category === 'syntax').map((r) => r.meta.id)),
  };
}
