import rule from '../../shared-rules/rules/correctness/copy-from-unknown-stage';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.24 AS builder\nFROM alpine:3.22\nCOPY --from=builder /a /a\nCOPY --from=0 /b /b\n',
    { name: 'stage names are case-insensitive', code: 'FROM golang:1.24 AS Builder\nFROM alpine:3.22\nCOPY --from=BUILDER /a /a\n' },
    { name: 'image references', code: 'FROM alpine:3.22\nCOPY --from=nginx:1.29 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/x/y /a /a\nCOPY --from=busybox /bin/busybox /bin/\n' },
    { name: 'official image as a bare word', code: 'FROM php:8.4-fpm\nCOPY --from=composer /usr/bin/composer /usr/bin/composer\n' },
    { name: 'variables are not resolved', code: 'ARG SRC=builder\nFROM alpine:3.22\nARG SRC\nCOPY --from=$SRC /a /a\n' },
    { name: 'self reference is copy-from-self', code: 'FROM alpine:3.22 AS a\nCOPY --from=a /x /y\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.24 AS builder\nRUN go version\nFROM alpine:3.22\nCOPY --from=biulder /usr/local/go/VERSION /\n',
      errors: [{ line: 4, column: 13, endColumn: 20, message: 'did you mean `builder`' }],
      output: 'FROM golang:1.24 AS builder\nRUN go version\nFROM alpine:3.22\nCOPY --from=builder /usr/local/go/VERSION /\n',
      safe: true,
    },
    { name: 'no close name: no fix', code: 'FROM alpine:3.22 AS installer\nFROM alpine:3.22\nCOPY --from=downloader /a /a\n', errors: [{ line: 3, column: 13 }], output: null },
    { name: 'stage defined later', code: 'FROM alpine:3.22\nCOPY --from=build /a /a\nFROM alpine:3.22 AS build\n', errors: [{ line: 2, column: 13, message: 'defined after' }], output: null },
    { name: 'index out of range', code: 'FROM alpine:3.22\nFROM alpine:3.22\nCOPY --from=5 /a /a\n', errors: [{ line: 3, column: 13, message: 'no stage 5' }] },
  ],
});
