import assert from 'node:assert/strict';
import { Linter } from '../../shared-rules/engine/lint';
import { collectSuppressions } from '../../shared-rules/engine/suppressions';
import { SeveritySetting } from '../../shared-rules/engine/types';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { allRules } from '../../shared-rules/rules/index';

const linter = new Linter(allRules);
const withBuildkit = allRules.filter((r) => (r.meta.equivalents.buildkit?.length ?? 0) > 0);
const only = (id: string) => ({ rules: Object.fromEntries(allRules.map((r) => [r.meta.id, (r.meta.id === id ? r.meta.severity : 'off') as SeveritySetting])) });

/** Puts a directive above the docs example, after any directives it already has. */
function withDirective(text: string, directive: string): string {
  const lines = text.split('\n');
  let k = 0;
  while (k < lines.length && /^#\s*[a-zA-Z]+\s*=/.test(lines[k])) k++;
  lines.splice(k, 0, directive);
  return lines.join('\n');
}

describe('BuildKit # check= directive', () => {
  it('has rules with BuildKit equivalents to test', () => {
    assert.ok(withBuildkit.length >= 3, `only ${withBuildkit.length}`);
  });

  for (const rule of withBuildkit) {
    const id = rule.meta.id;
    describe(id, () => {
      it('its docs example is flagged without the directive', () => {
        assert.ok(linter.lintText(rule.meta.docs.bad, only(id)).findings.some((f) => f.ruleId === id));
      });
      for (const name of rule.meta.equivalents.buildkit ?? []) {
        it(`# check=skip=${name} turns it off (names are case-insensitive)`, () => {
          for (const spelled of [name, name.toLowerCase()]) {
            const text = withDirective(rule.meta.docs.bad, `# check=skip=${spelled}`);
            assert.deepEqual(linter.lintText(text, only(id)).findings.filter((f) => f.ruleId === id).map((f) => f.message), []);
          }
        });
      }
      it('# check=skip=all turns it off', () => {
        const text = withDirective(rule.meta.docs.bad, '# check=skip=all');
        assert.equal(linter.lintText(text, only(id)).findings.filter((f) => f.ruleId === id).length, 0);
      });
      it('# check=error=true reports it as an error', () => {
        const text = withDirective(rule.meta.docs.bad, '# check=error=true');
        const found = linter.lintText(text, only(id)).findings.filter((f) => f.ruleId === id);
        assert.ok(found.length > 0);
        assert.deepEqual([...new Set(found.map((f) => f.severity))], ['error']);
      });
    });
  }

  it('parses several checks and both settings in one directive', () => {
    const eq = linter.equivalences;
    const s = collectSuppressions(parseDockerfile('# check=skip=JSONArgsRecommended, MaintainerDeprecated;error=true\nFROM alpine:3.22\n'), eq);
    const ids = [...s.file].sort();
    const expected = ['JSONArgsRecommended', 'MaintainerDeprecated'].flatMap((n) => eq.buildkit.get(n.toLowerCase()) ?? []).sort();
    assert.deepEqual(ids, expected);
    assert.equal(s.buildkitErrors, true);
  });

  it('does not escalate rules without a BuildKit equivalent', () => {
    const plain = allRules.find((r) => (r.meta.equivalents.buildkit?.length ?? 0) === 0 && r.meta.severity !== 'error' && r.meta.enabledByDefault !== false);
    if (!plain) return;
    const text = withDirective(plain.meta.docs.bad, '# check=error=true');
    const found = linter.lintText(text, only(plain.meta.id)).findings.filter((f) => f.ruleId === plain.meta.id);
    assert.ok(found.length > 0);
    assert.ok(found.every((f) => f.severity === plain.meta.severity));
  });

  it('an unknown check name or a check directive below the first instruction changes nothing', () => {
    const json = allRules.find((r) => r.meta.id === 'json-args-recommended');
    if (!json) return;
    const bad = 'FROM alpine:3.22\nCMD echo hi\n';
    assert.equal(linter.lintText('# check=skip=NoSuchCheck\n' + bad, only(json.meta.id)).findings.length, 1);
    assert.equal(linter.lintText(bad + '# check=skip=JSONArgsRecommended\n', only(json.meta.id)).findings.length, 1);
  });
});

describe('inline ignore comments', () => {
  const flagged = (text: string) => linter.lintText(text, only('maintainer-deprecated')).findings.filter((f) => f.ruleId === 'maintainer-deprecated').map((f) => f.range.start.line);

  it('switch a rule off for the instruction right below them', () => {
    assert.deepEqual(flagged('FROM alpine:3.22\n# layerwise ignore=maintainer-deprecated\nMAINTAINER me\nMAINTAINER you\n'), [3]);
    assert.deepEqual(flagged('FROM alpine:3.22\n# hadolint ignore=DL4000\nMAINTAINER me\nMAINTAINER you\n'), [3]);
  });

  it('reach past the comment lines right under them, not past a blank line', () => {
    assert.deepEqual(flagged('FROM alpine:3.22\n# layerwise ignore=maintainer-deprecated\n# why: legacy tooling reads it\n#\nMAINTAINER me\n'), []);
    assert.deepEqual(flagged('FROM alpine:3.22\n# layerwise ignore=maintainer-deprecated\n\nMAINTAINER me\n'), [3]);
    assert.deepEqual(flagged('FROM alpine:3.22\n# layerwise ignore=maintainer-deprecated\n# more\n\n# layerwise ignore=maintainer-deprecated\nMAINTAINER me\nMAINTAINER you\n'), [6]);
  });

  it('with `stage`, cover the stage whose FROM is below them', () => {
    const text = 'FROM alpine:3.22 AS a\nMAINTAINER me\n# layerwise stage ignore=maintainer-deprecated\n# note\nFROM alpine:3.22\nMAINTAINER me\nMAINTAINER you\n';
    assert.deepEqual(flagged(text), [1]);
  });

  it('below the last instruction, or at the end of the file, cover nothing', () => {
    const eq = linter.equivalences;
    for (const text of ['FROM alpine:3.22\n# layerwise ignore=maintainer-deprecated', 'FROM alpine:3.22\n# layerwise ignore=maintainer-deprecated\n# and more\n', '# layerwise ignore=maintainer-deprecated\n']) {
      const s = collectSuppressions(parseDockerfile(text), eq);
      assert.equal(s.instruction.size + s.stage.size + s.file.size, 0, text);
    }
  });
});
