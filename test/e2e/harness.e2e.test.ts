// Checks the harness helpers against VS Code's built-in JavaScript support, so
// they are known to work before any Layerwise scenario relies on them.
import * as assert from 'assert';
import * as fs from 'fs';
import { fixturePath, useE2ESession } from './harness';

describe('e2e harness self-check (built-in JavaScript support, no extension)', function () {
  const e2e = useE2ESession({ workspace: fixturePath('workspace') });

  it('sees squiggles, hovers, quick fixes, commands, typing and settings', async function () {
    const session = e2e.session;
    fs.writeFileSync(session.workspacePath('check.js'), '// @ts-check\nconst count = 1;\ncount.toFixd(2);\n');
    await session.openFile('check.js');

    const squiggle = await session.waitForSquiggle('error', { text: 'toFixd' });
    assert.deepStrictEqual(squiggle, { kind: 'error', line: 3, startColumn: 7, endColumn: 13, text: 'toFixd' });
    assert.deepStrictEqual(await session.waitForProblems((c) => c.errors === 1), { errors: 1, warnings: 0, infos: 0 });

    const hover = await session.hoverOnText('toFixd', { contains: "Property 'toFixd' does not exist on type '1'" });
    assert.match(hover, /Did you mean 'toFixed'\?/);

    const labels = await session.quickFixAt(3, 8, { apply: "Change spelling to 'toFixed'" });
    assert.ok(labels.includes("Change spelling to 'toFixed'"), JSON.stringify(labels));
    await session.waitForEditorText('// @ts-check\nconst count = 1;\ncount.toFixed(2);\n');
    await session.waitForNoSquiggle('error');

    await session.moveCursor(4, 1);
    await session.typeText('count.toFixed(1);');
    await session.waitForEditorText('// @ts-check\nconst count = 1;\ncount.toFixed(2);\ncount.toFixed(1);');

    await session.setUserSetting('editor.rulers', [10]);
    await session.editor().locator('.view-ruler').first().waitFor({ state: 'attached' });

    await session.runCommand('View: Revert and Close Editor');
    assert.strictEqual(await session.page.locator('.tabs-container .tab').count(), 0);

    // The session is shared with later scenarios: leave it as found.
    await session.setUserSetting('editor.rulers', undefined);
    fs.rmSync(session.workspacePath('check.js'));
  });
});
