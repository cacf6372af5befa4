import rule from '../../shared-rules/rules/correctness/duplicate-stage-name';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.22 AS a\nFROM alpine:3.22 AS b\n', { name: 'unnamed stages', code: 'FROM alpine:3.22\nFROM alpine:3.22\n' }],
  invalid: [
    {
      name: 'case-insensitive, references after the duplicate follow it',
      code: 'FROM node:22 AS build\nFROM node:22-slim AS BUILD\nRUN true\nFROM alpine:3.22\nCOPY --from=build /a /a\n',
      errors: [{ line: 2, column: 22, endColumn: 27, message: '`build` is already used' }],
      output: 'FROM node:22 AS build\nFROM node:22-slim AS build-2\nRUN true\nFROM alpine:3.22\nCOPY --from=build-2 /a /a\n',
      safe: false,
    },
  ],
});
