import rule from '../../shared-rules/rules/syntax/instruction-casing';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22 AS base\nRUN echo hi\n',
    { name: 'all lowercase is consistent', code: 'from alpine:3.22 as base\nrun echo hi\n' },
    { name: 'unknown keywords are syntax errors, not casing', code: 'FROM alpine:3.22\nfoo bar\n' },
  ],
  invalid: [
    { name: 'minority lowercase', code: 'FROM alpine:3.22\nRUN a\nrun b\n', errors: [{ line: 3, column: 1, endColumn: 4, message: '`RUN`' }], output: 'FROM alpine:3.22\nRUN a\nRUN b\n', safe: true },
    { name: 'mixed case always differs', code: 'FROM alpine:3.22\nRun a\n', errors: [{ line: 2, column: 1, endColumn: 4 }], output: 'FROM alpine:3.22\nRUN a\n' },
    { name: 'minority uppercase in a lowercase file', code: 'from alpine:3.22\nrun a\nCOPY . /app\n', errors: [{ line: 3, column: 1, endColumn: 5, message: '`copy`' }], output: 'from alpine:3.22\nrun a\ncopy . /app\n' },
    { name: 'AS follows its FROM', code: 'FROM golang:1.24 as build\nRUN go version\n', errors: [{ line: 1, column: 18, endColumn: 20, message: '`AS`' }], output: 'FROM golang:1.24 AS build\nRUN go version\n', safe: true },
    { name: 'as in a lowercase file', code: 'from golang:1.24 AS build\nrun go version\n', errors: [{ line: 1, column: 18, endColumn: 20, message: '`as`' }], output: 'from golang:1.24 as build\nrun go version\n' },
  ],
});
