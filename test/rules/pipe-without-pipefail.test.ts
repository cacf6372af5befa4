import rule from '../../shared-rules/rules/correctness/pipe-without-pipefail';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nRUN set -o pipefail && wget -qO- https://x/t.tgz | tar -xz\n',
    { name: 'pipefail SHELL', code: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nRUN curl -fsSL https://x | sh\n' },
    { name: 'SHELL from the base stage', code: 'FROM debian:bookworm-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://x | sh\n' },
    { name: 'left side cannot fail', code: 'FROM alpine:3.22\nRUN echo "abc  file" | sha256sum -c - && yes | true\n' },
    { name: 'case patterns are not pipes', code: 'FROM alpine:3.22\nRUN apk update && case "$arch" in x86_64|amd64) apk add curl ;; esac\n' },
    { name: 'pipe inside a substitution', code: 'FROM alpine:3.22\nRUN v="$(cat /etc/os-release | head -1)" && echo "$v"\n' },
    { name: 'exec form', code: 'FROM alpine:3.22\nRUN ["sh", "-c", "a | b"]\n' },
  ],
  invalid: [
    {
      name: 'ash on Alpine: prefix',
      code: 'FROM alpine:3.22\nRUN wget -qO- https://x/t.tgz | tar -xz -C /opt\n',
      errors: [{ line: 2, column: 31, endColumn: 32, message: 'failing `wget`' }],
      output: 'FROM alpine:3.22\nRUN set -o pipefail && wget -qO- https://x/t.tgz | tar -xz -C /opt\n',
      safe: false,
    },
    {
      name: 'dash on Debian: SHELL line',
      code: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://x | sh\n',
      errors: [{ line: 2, column: 26 }],
      output: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | sh\n',
      safe: false,
    },
    {
      name: 'bash SHELL without pipefail: prefix',
      code: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-c"]\nRUN curl -fsSL https://x | bash\n',
      errors: [{ line: 3, column: 26 }],
      output: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-c"]\nRUN set -o pipefail && curl -fsSL https://x | bash\n',
    },
    { name: 'pipefail set after the pipe', code: 'FROM alpine:3.22\nRUN a | b && set -o pipefail\n', errors: [{ line: 2, column: 7 }] },
    { name: 'unknown base: no fix', code: 'FROM example.com/custom:1\nRUN a | b\n', errors: [{ line: 2, column: 7 }], output: null },
  ],
});
