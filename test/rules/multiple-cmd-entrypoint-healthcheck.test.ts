import rule from '../../shared-rules/rules/correctness/multiple-cmd-entrypoint-healthcheck';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nENTRYPOINT ["/app"]\nCMD ["--help"]\nHEALTHCHECK CMD ["/app", "ping"]\n',
    { name: 'one CMD per stage', code: 'FROM alpine:3.22 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n' },
    { name: 'ONBUILD CMD is not counted', code: 'FROM alpine:3.22\nONBUILD CMD ["a"]\nCMD ["b"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13-slim\nCMD ["python", "migrate.py"]\nCMD ["python", "app.py"]\n',
      errors: [{ line: 2, column: 1, endColumn: 4, message: 'line 3' }],
      output: 'FROM python:3.13-slim\nCMD ["python", "app.py"]\n',
      safe: true,
    },
    {
      name: 'three HEALTHCHECKs and two ENTRYPOINTs',
      code: 'FROM alpine:3.22\nHEALTHCHECK NONE\nENTRYPOINT ["a"]\nHEALTHCHECK CMD true\nENTRYPOINT ["b"]\nHEALTHCHECK \\\n  CMD false\n',
      errors: [{ line: 2, column: 1 }, { line: 3, column: 1 }, { line: 4, column: 1 }],
      output: 'FROM alpine:3.22\nENTRYPOINT ["b"]\nHEALTHCHECK \\\n  CMD false\n',
    },
  ],
});
