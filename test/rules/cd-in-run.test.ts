import rule from '../../shared-rules/rules/correctness/cd-in-run';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nRUN npm install\n',
    { name: 'cd as the last command', code: 'FROM alpine:3.22\nRUN mkdir /x && cd /x\n' },
    { name: 'subshell', code: 'FROM alpine:3.22\nRUN (cd /x && make) && echo done\n' },
    { name: 'computed directory', code: 'FROM alpine:3.22\nRUN cd "$(mktemp -d)" && wget x\n' },
    { name: 'directory removed in the same RUN', code: 'FROM alpine:3.22\nRUN mkdir /tmp/b && cd /tmp/b && make && rm -rf /tmp/b\n' },
    { name: 'script navigates back', code: 'FROM alpine:3.22\nRUN cd /src && make && cd / && echo ok\n' },
  ],
  invalid: [
    {
      name: 'safe: the next instruction sets an absolute WORKDIR',
      code: 'FROM node:22-slim\nRUN cd /app && npm install\nWORKDIR /srv\n',
      errors: [{ line: 2, column: 5, endColumn: 7 }],
      output: 'FROM node:22-slim\nWORKDIR /app\nRUN npm install\nWORKDIR /srv\n',
      safe: true,
    },
    {
      name: 'unsafe: later instructions and the image see the new directory',
      code: 'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm cd /app && \\\n    npm ci\nCMD ["node", "index.js"]\n',
      errors: [{ line: 2, column: 42 }],
      output: 'FROM node:22-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.npm npm ci\nCMD ["node", "index.js"]\n',
      safe: false,
    },
    { name: 'separated by ; — no fix', code: 'FROM alpine:3.22\nRUN cd /src; make\n', errors: [{ line: 2, column: 5 }], output: null },
  ],
});
