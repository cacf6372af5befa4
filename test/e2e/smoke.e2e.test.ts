// Needs no extension: proves the host starts, opens the fixture workspace and
// shows a file exactly as it is on disk.
import * as assert from 'assert';
import * as fs from 'fs';
import { fixturePath, useE2ESession } from './harness';

describe('e2e smoke: code-server shows the fixture workspace', function () {
  const e2e = useE2ESession({ workspace: fixturePath('workspace') });

  it('opens the Dockerfile with its exact text', async function () {
    const session = e2e.session;
    await session.openFile('Dockerfile');
    const onDisk = fs.readFileSync(session.workspacePath('Dockerfile'), 'utf8');
    assert.strictEqual(onDisk, 'FROM ubuntu\nRUN apt-get update\nRUN apt-get install -y curl\nCOPY . /app\n');
    // The file's final newline shows as an empty last line, so the joined lines equal the file.
    const text = await session.waitForEditorText(onDisk);
    assert.strictEqual(text, onDisk);
    await session.screenshot('smoke-dockerfile');
  });
});
