import rule from '../../shared-rules/rules/correctness/undefined-arg-in-from';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\n',
    { name: 'declared without a default', code: 'ARG BASE\nFROM $BASE\n' },
    { name: 'platform ARGs', code: 'FROM --platform=$BUILDPLATFORM golang:1.24 AS build\nFROM alpine:3.22-$TARGETARCH\n' },
  ],
  invalid: [
    {
      code: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}-slim\n',
      errors: [{ line: 2, column: 11, endColumn: 25, message: 'did you mean `$NODE_VERSION`' }],
      output: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\n',
      safe: true,
    },
    { name: 'declared only inside a stage', code: 'FROM alpine:3.22\nARG TAG=1\nFROM alpine:$TAG\n', errors: [{ line: 3, column: 13, endColumn: 17, message: 'before the first FROM' }], output: null },
    { name: 'a declared name no reference can reach is not suggested', code: 'ARG VARIANT,=3.23\nFROM alpine:${VARIANT}\n', errors: [{ line: 2, column: 13, endColumn: 23, message: 'add `ARG VARIANT=…`' }], output: null },
    { name: 'platform flag', code: 'FROM --platform=$BUILDPLATFROM alpine:3.22\n', errors: [{ line: 1, column: 17 }], output: 'FROM --platform=$BUILDPLATFORM alpine:3.22\n' },
  ],
});
