import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
