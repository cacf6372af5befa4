import rule from '../../shared-rules/rules/size/merge-consecutive-runs';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
    { name: 'separated by another instruction', code: 'FROM alpine:3.22\nRUN echo a\nENV X=1\nRUN echo b\n' },
    { name: 'different --mount', code: 'FROM alpine:3.22\nRUN --mount=type=cache,target=/a echo a\nRUN --mount=type=cache,target=/b echo b\n' },
    { name: 'heredoc', code: 'FROM alpine:3.22\nRUN <<EOF\necho a\nEOF\nRUN echo b\n' },
    { name: 'exec form', code: 'FROM alpine:3.22\nRUN ["echo", "a"]\nRUN echo b\n' },
    { name: 'different stages', code: 'FROM alpine:3.22 AS a\nRUN echo a\nFROM alpine:3.22\nRUN echo b\n' },
    { name: 'trailing shell comment cannot be chained', code: 'FROM alpine:3.22\nRUN echo a # note\nRUN echo b\n' },
    { name: 'backtick escape marks a Windows Dockerfile', code: '# escape=`\nFROM alpine:3.22\nRUN a\nRUN b\n' },
    { name: 'windows stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a\nRUN echo b\n' },
  ],
  invalid: [
    {
      name: 'three RUNs',
      code: 'FROM alpine:3.22\nRUN a\nRUN b\nRUN c\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 4, message: '3 consecutive RUN' }],
      output: 'FROM alpine:3.22\nRUN a && \\\n    b && \\\n    c\n',
      safe: true,
    },
    {
      name: 'keeps indentation and continuation lines',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 4, column: 1 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends curl && \\\n  rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'comments between move above',
      code: 'FROM alpine:3.22\n# first\nRUN a\n# second\nRUN b\n',
      errors: [{ line: 5, column: 1 }],
      output: 'FROM alpine:3.22\n# first\n# second\nRUN a && \\\n    b\n',
    },
    {
      name: 'same flags merge, keeping them',
      code: 'FROM alpine:3.22\nRUN --network=none a\nRUN --network=none b\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM alpine:3.22\nRUN --network=none a && \\\n    b\n',
    },
    {
      name: 'two groups split by a flag change',
      code: 'FROM alpine:3.22\nRUN a\nRUN b\nRUN --network=none c\nRUN --network=none d\n',
      errors: [{ line: 3, column: 1 }, { line: 5, column: 1 }],
    },
  ],
});
