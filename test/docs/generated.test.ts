import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { generatedFiles, REPO, staleRulePages } from '../../scripts/gen-docs';
import { allRules } from '../../shared-rules/rules/index';

describe('project invariants', () => {
  it('the generated docs, README rule table and settings schema are current (`npm run docs`)', () => {
    for (const [path, content] of generatedFiles()) {
      const full = join(REPO, path);
      assert.ok(existsSync(full), `${path} is missing: run \`npm run docs\``);
      assert.equal(readFileSync(full, 'utf8'), content, `${path} is stale: run \`npm run docs\``);
    }
    assert.deepEqual(staleRulePages(), []);
  });

  it('the rule index is generated from the rule files', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'gen-rule-index.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('every rule has a unique catalog id, a test table and complete docs', () => {
    const catalogPath = join(REPO, '..', 'shared', 'rules-catalog.md');
    const catalog = existsSync(catalogPath) ? readFileSync(catalogPath, 'utf8') : undefined;
    const ids = new Set<string>();
    for (const r of allRules) {
      const id = r.meta.id;
      assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      assert.ok(!ids.has(id), `duplicate id ${id}`);
      ids.add(id);
      if (catalog && !['syntax-error', 'empty-continuation-line', 'instruction-casing'].includes(id)) assert.ok(catalog.includes(id), `${id} is not in the rule catalog`);
      assert.ok(existsSync(join(REPO, 'test', 'rules', `${id}.test.ts`)), `test/rules/${id}.test.ts is missing`);
      for (const k of ['summary', 'why', 'bad', 'good', 'fix'] as const) assert.ok(r.meta.docs[k].trim().length > 10, `${id}: docs.${k} is empty`);
      if (r.meta.severity === 'hint') assert.equal(r.meta.enabledByDefault, false, `${id}: hint rules are off by default`);
    }
  });

  it('the core imports nothing from LSP or VS Code, and only platform/ touches the file system', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.ts')) {
          const src = readFileSync(p, 'utf8');
          if (/from ['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/.test(src)) offenders.push(`${p}: LSP/VS Code import`);
          if (!p.includes(join('shared-rules', 'platform')) && /from ['"](node:)?(fs|child_process|zlib|net|http|https)['"]/.test(src)) offenders.push(`${p}: Node I/O import outside platform/`);
        }
      }
    };
    walk(join(REPO, 'shared-rules'));
    assert.deepEqual(offenders, []);
  });
});
