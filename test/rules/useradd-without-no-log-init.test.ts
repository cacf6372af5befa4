import rule from '../../shared-rules/rules/size/useradd-without-no-log-init';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nRUN useradd -l -u 100000 app\n',
    { name: '--no-log-init', code: 'FROM debian:bookworm-slim\nRUN useradd --no-log-init -u 100000 app\n' },
    { name: 'clustered -lm', code: 'FROM debian:bookworm-slim\nRUN useradd -lm -u 100000 app\n' },
    { name: 'small uid', code: 'FROM debian:bookworm-slim\nRUN useradd -u 10001 app\n' },
    { name: 'no uid', code: 'FROM debian:bookworm-slim\nRUN useradd app\n' },
    { name: 'uid from a variable', code: 'FROM debian:bookworm-slim\nARG UID=1000\nRUN useradd -u $UID app\n' },
    { name: 'busybox adduser writes no lastlog', code: 'FROM alpine:3.22\nRUN adduser -D -u 100000 app\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nRUN useradd -u 100000 app\n',
      errors: [{ line: 2, column: 5, endColumn: 12, message: '~29 MB' }],
      output: 'FROM debian:bookworm-slim\nRUN useradd -l -u 100000 app\n',
      safe: true,
    },
    {
      name: '--uid= and a huge uid',
      code: 'FROM debian:bookworm-slim\nRUN groupadd -g 1000660000 app && useradd --uid=1000660000 -g app app\n',
      errors: [{ line: 2, column: 35, message: 'GB' }],
      output: 'FROM debian:bookworm-slim\nRUN groupadd -g 1000660000 app && useradd -l --uid=1000660000 -g app app\n',
    },
    {
      name: '-l inside a value is not the flag',
      code: 'FROM debian:bookworm-slim\nRUN useradd -s /bin/bash -u 70000 app\n',
      errors: [{ line: 2, column: 5 }],
    },
  ],
});
