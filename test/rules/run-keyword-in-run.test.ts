import rule from '../../shared-rules/rules/correctness/run-keyword-in-run';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nRUN echo RUN && env FOO=1 true\n',
    { name: 'keyword as an argument on the same line', code: 'FROM alpine:3.22\nRUN echo COPY done\n' },
    { name: 'lowercase is a program', code: 'FROM alpine:3.22\nRUN apk add --no-cache curl && env\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    RUN apt-get install -y --no-install-recommends curl\n',
      errors: [{ line: 3, column: 5, endColumn: 8, message: '`RUN` is a Dockerfile instruction' }],
      output: null,
    },
    { name: 'forgotten line end', code: 'FROM alpine:3.22\nRUN apk add --no-cache samba \\\nCOPY smb.conf /etc/samba/\n', errors: [{ line: 3, column: 1, endColumn: 5 }] },
  ],
});
