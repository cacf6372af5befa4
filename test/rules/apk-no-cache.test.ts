import rule from '../../shared-rules/rules/size/apk-no-cache';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    { name: 'global option before add', code: 'FROM alpine:3.22\nRUN apk --no-cache add curl\n' },
    { name: 'cache mount', code: 'FROM alpine:3.22\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'etc/apk/cache mount', code: 'FROM alpine:3.22\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl\n' },
    { name: '--no-network fetches nothing', code: 'FROM alpine:3.22\nRUN apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1\n' },
    { name: 'build stage not in the image', code: 'FROM alpine:3.22 AS build\nRUN apk add gcc\nFROM scratch\nCOPY --from=build /x /x\n' },
    { name: 'apk del', code: 'FROM alpine:3.22\nRUN apk del curl\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN apk add curl\n',
      errors: [{ line: 2, column: 9, endColumn: 12 }],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
      safe: true,
    },
    {
      name: 'apk update and the rm go away with --no-cache',
      code: 'FROM alpine:3.22\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n',
      errors: [{ line: 2, column: 23 }],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
      safe: true,
    },
    {
      name: 'multi-line: only the apk path leaves the rm',
      code: 'FROM alpine:3.22\nRUN apk update \\\n    && apk add --virtual .deps gcc \\\n    && rm -rf /tmp/* /var/cache/apk/*\n',
      errors: [{ line: 3, column: 12, endColumn: 15 }],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache --virtual .deps gcc \\\n    && rm -rf /tmp/*\n',
    },
    {
      name: 'two adds: each gets the flag, the update stays',
      code: 'FROM alpine:3.22\nRUN apk update && apk add curl && apk add git\n',
      errors: [{ line: 2, column: 23 }, { line: 2, column: 39 }],
      output: 'FROM alpine:3.22\nRUN apk update && apk add --no-cache curl && apk add --no-cache git\n',
    },
    {
      name: 'apk upgrade needs the index: only the flag',
      code: 'FROM alpine:3.22\nRUN apk update && apk upgrade && apk add curl\n',
      errors: [{ line: 2, column: 38 }],
      output: 'FROM alpine:3.22\nRUN apk update && apk upgrade && apk add --no-cache curl\n',
    },
    {
      name: '--update is not --no-cache',
      code: 'FROM alpine:3.22\nRUN apk --update add curl\n',
      errors: [{ line: 2, column: 18 }],
      output: 'FROM alpine:3.22\nRUN apk --update add --no-cache curl\n',
    },
  ],
});
