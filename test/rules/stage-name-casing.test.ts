import rule from '../../shared-rules/rules/correctness/stage-name-casing';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.22 AS build-1\n', { name: 'uppercase AS keyword is not the name', code: 'FROM alpine:3.22 as build\n' }],
  invalid: [
    {
      code: 'FROM golang:1.24 AS Builder\nFROM alpine:3.22\nCOPY --from=Builder /a /a\n',
      errors: [{ line: 1, column: 21, endColumn: 28, message: '`builder`' }],
      output: 'FROM golang:1.24 AS builder\nFROM alpine:3.22\nCOPY --from=Builder /a /a\n',
      safe: true,
    },
  ],
});
