import rule from '../../shared-rules/rules/correctness/platform-flag-misuse';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM --platform=$BUILDPLATFORM golang:1.24 AS build\n',
    { name: 'stage name says the platform', code: 'FROM --platform=linux/arm64 alpine:3.22 AS build-arm64\n' },
    { name: 'TARGETPLATFORM with more text', code: 'ARG X=\nFROM --platform=${TARGETPLATFORM}${X} alpine:3.22\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.22\nRUN uname -m\n',
      errors: [{ line: 1, column: 6, endColumn: 32, message: 'Remove' }],
      output: 'FROM alpine:3.22\nRUN uname -m\n',
      safe: true,
    },
    { name: 'braces', code: 'FROM --platform=${TARGETPLATFORM} alpine:3.22 AS x\n', errors: [{ line: 1, column: 6 }], output: 'FROM alpine:3.22 AS x\n' },
    { name: 'constant platform', code: 'FROM --platform=linux/amd64 alpine:3.22 AS final\n', errors: [{ line: 1, column: 6, message: 'constant' }], output: null },
  ],
});
