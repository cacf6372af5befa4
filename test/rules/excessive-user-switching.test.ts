import rule from '../../shared-rules/rules/cache/excessive-user-switching';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nUSER root\nRUN echo setup\nUSER app\n',
    { name: 'counted per stage', code: 'FROM debian:bookworm-slim AS a\nUSER a\nUSER root\nFROM debian:bookworm-slim\nUSER b\nUSER root\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nUSER app\nRUN make\nUSER root\nRUN echo fix\nUSER app\nUSER root\n',
      errors: [{ line: 6, column: 1, endColumn: 5, message: '4 USER switches' }],
      output: null,
    },
  ],
});
