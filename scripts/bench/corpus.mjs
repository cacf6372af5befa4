import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Dockerfiles of ../shared/corpus, in a fixed order; undefined when it is not there. */
export function corpusTexts(root) {
  const corpus = join(root, '..', 'shared', 'corpus');
  if (!existsSync(corpus)) return undefined;
  const files = [];
  for (const repo of readdirSync(corpus).sort()) {
    if (repo.endsWith('.tsv') || repo.endsWith('.md')) continue;
    for (const f of readdirSync(join(corpus, repo)).sort()) files.push(readFileSync(join(corpus, repo, f), 'utf8'));
  }
  return files;
}
