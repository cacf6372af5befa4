import rule from '../../shared-rules/rules/correctness/copy-multiple-sources-dest-not-dir';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nCOPY package.json package-lock.json /app/\n',
    { name: 'one source', code: 'FROM node:22-slim\nCOPY package.json /app\n' },
    { name: 'dot destination', code: 'FROM node:22-slim\nWORKDIR /app\nCOPY a b .\n' },
    { name: 'variable destination', code: 'FROM node:22-slim\nENV D=/app/\nCOPY a b $D\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nCOPY package.json package-lock.json /app\n',
      errors: [{ line: 2, column: 37, endColumn: 41, message: '2 sources' }],
      output: 'FROM node:22-slim\nCOPY package.json package-lock.json /app/\n',
      safe: true,
    },
    {
      name: 'JSON form',
      code: 'FROM node:22-slim\nADD ["a", "b", "/opt/x"]\n',
      errors: [{ line: 2, column: 16 }],
      output: 'FROM node:22-slim\nADD ["a", "b", "/opt/x/"]\n',
    },
  ],
});
