import rule from '../../shared-rules/rules/size/copy-whole-stage-filesystem';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.24 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
    { name: 'a stage built FROM scratch holds only what was put in', code: 'FROM golang:1.24 AS build\nRUN go build -o /out/app .\nFROM scratch AS bin\nCOPY --from=build /out/app /app\nFROM alpine:3.22\nCOPY --from=bin / /\n' },
    { name: 'tonistiigi/xx helper', code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx AS xx\nFROM alpine:3.22\nCOPY --from=xx / /\n' },
    { name: 'COPY of / from the context is another matter', code: 'FROM alpine:3.22\nCOPY / /src/\n' },
    { name: 'in a build stage', code: 'FROM debian:bookworm AS tools\nFROM golang:1.24 AS build\nCOPY --from=tools / /tools/\nFROM scratch\nCOPY --from=build /x /x\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim AS build\nRUN make\nFROM debian:bookworm-slim\nCOPY --from=build / /\n',
      errors: [{ line: 4, column: 19, endColumn: 20, message: '`build`' }],
      output: null,
    },
    {
      name: 'an external image',
      code: 'FROM alpine:3.22\nCOPY --from=docker:27-cli / /\n',
      errors: [{ line: 2, column: 27, endColumn: 28 }],
    },
  ],
});
