import rule from '../../shared-rules/rules/cache/missing-syntax-directive';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get update\nCOPY --chown=1000 a /a\n',
    { name: 'directive present', code: '# syntax=docker/dockerfile:1.7\nFROM alpine:3.22\nCOPY --link a /a\n' },
    { name: 'docker/dockerfile-upstream', code: '#syntax=docker/dockerfile-upstream:master\nFROM alpine:3.22\nRUN <<EOF\necho hi\nEOF\n' },
  ],
  invalid: [
    {
      name: 'RUN --mount',
      code: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
      errors: [{ line: 2, column: 7, endColumn: 12, message: '`RUN --mount`' }],
      output: '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
      safe: true,
    },
    {
      name: 'heredoc after an escape directive: one finding for the file',
      code: '# escape=\\\nFROM alpine:3.22\nCOPY --chmod=755 run.sh /run.sh\nRUN <<EOF\necho hi\nEOF\n',
      errors: [{ line: 3, column: 8, endColumn: 13, message: '`COPY --chmod`, heredocs' }],
      output: '# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine:3.22\nCOPY --chmod=755 run.sh /run.sh\nRUN <<EOF\necho hi\nEOF\n',
    },
  ],
});
