import assert from 'node:assert/strict';
import { suggestDockerignore } from '../../shared-rules/context/dockerignore-suggest';
import { Linter } from '../../shared-rules/engine/lint';
import rule from '../../shared-rules/rules/size/copy-whole-context-without-dockerignore';
import { ruleTester } from '../helpers/rule-tester';

const host = { hasDockerignore: false, contextEntries: ['package.json', 'src'] };

ruleTester(rule, {
  docsHost: host,
  valid: [
    { name: 'unknown host: quiet', code: 'FROM node:22-slim\nCOPY . /app\n' },
    { name: 'a .dockerignore exists', code: 'FROM node:22-slim\nCOPY . /app\n', host: { hasDockerignore: true, contextEntries: ['package.json', '.dockerignore'] } },
    { name: 'named sources only', code: 'FROM node:22-slim\nCOPY package.json src /app/\n', host },
    { name: 'from another stage', code: 'FROM node:22-slim AS build\nFROM node:22-slim\nCOPY --from=build . /app\n', host },
    { name: 'a subfolder', code: 'FROM node:22-slim\nCOPY ./src /app/src\n', host },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\n',
      host,
      errors: [{ line: 3, column: 6, endColumn: 7, message: 'no .dockerignore' }],
      output: null,
    },
    {
      name: 'ADD ./ and a second COPY',
      code: 'FROM python:3.13-slim\nADD ./ /app/\nCOPY . /srv\n',
      host: { hasDockerignore: false, contextEntries: ['requirements.txt'] },
      errors: [{ line: 2, column: 5, endColumn: 7 }, { line: 3, column: 6 }],
      output: null,
    },
  ],
});

describe('rule copy-whole-context-without-dockerignore: the created file', () => {
  it('holds the entries for the detected stack and keeps named sources', () => {
    const found = new Linter([rule]).lintText('FROM node:22-slim\nCOPY .env.local /app/\nCOPY . /app\n', {}, host).findings;
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes.map((f) => ({ safe: f.safe, edits: f.edits, files: f.createFiles })), [
      { safe: true, edits: [], files: [{ path: '.dockerignore', content: suggestDockerignore(['node'], { keep: ['.env.local'] }) }] },
    ]);
    assert.match(found[0].fixes[0].createFiles?.[0].content ?? '', /^\*\*\/node_modules$/m);
    assert.match(found[0].fixes[0].createFiles?.[0].content ?? '', /^# \.env\.local {2}\(not ignored/m);
  });
});
