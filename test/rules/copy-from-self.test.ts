import rule from '../../shared-rules/rules/correctness/copy-from-self';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.22 AS a\nFROM alpine:3.22 AS b\nCOPY --from=a /x /y\n', { name: 'earlier stage of the same name', code: 'FROM alpine:3.22 AS a\nFROM alpine:3.22 AS a\nCOPY --from=a /x /y\n' }],
  invalid: [
    { code: 'FROM golang:1.24 AS builder\nCOPY --from=builder /go/bin/app /app\n', errors: [{ line: 2, column: 13, endColumn: 20, message: 'this stage itself' }], output: null },
    { name: 'by index', code: 'FROM alpine:3.22\nFROM alpine:3.22\nCOPY --from=1 /x /y\n', errors: [{ line: 3, column: 13, endColumn: 14 }] },
  ],
});
