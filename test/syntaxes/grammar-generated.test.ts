import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/lsp-client';

describe('heredoc grammar', () => {
  it('the committed grammar is what scripts/build-heredoc-grammar.mjs generates', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'layerwise-grammar-')), 'g.json');
    const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'build-heredoc-grammar.mjs'), out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(REPO, 'syntaxes', 'dockerfile-heredoc.injection.tmLanguage.json'), 'utf8'), readFileSync(out, 'utf8'), 'run `node scripts/build-heredoc-grammar.mjs` after editing the generator');
  });
});
