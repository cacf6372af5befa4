import rule from '../../shared-rules/rules/correctness/json-args-recommended';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.22\nCMD ["sh"]\n', 'FROM alpine:3.22\nENTRYPOINT ["/app", "--flag"]\n', { name: 'RUN is not CMD', code: 'FROM alpine:3.22\nRUN echo hi\n' }],
  invalid: [
    {
      code: 'FROM python:3.13-slim\nCMD python -m http.server 8000\n',
      errors: [{ line: 2, column: 5, endColumn: 31 }],
      output: 'FROM python:3.13-slim\nCMD ["python", "-m", "http.server", "8000"]\n',
      safe: true,
    },
    {
      name: 'quoted words',
      code: "FROM alpine:3.22\nENTRYPOINT /app/run --name 'a b'\n",
      errors: [{ line: 2, column: 12 }],
      output: 'FROM alpine:3.22\nENTRYPOINT ["/app/run", "--name", "a b"]\n',
    },
    { name: 'variables need a shell: no fix', code: 'FROM alpine:3.22\nCMD echo $HOME\n', errors: [{ line: 2, column: 5 }], output: null },
    { name: 'operators need a shell: no fix', code: 'FROM alpine:3.22\nCMD a && b\n', errors: [{ line: 2, column: 5 }], output: null },
    { name: 'globs need a shell: no fix', code: 'FROM alpine:3.22\nCMD ls *.txt\n', errors: [{ line: 2, column: 5 }], output: null },
  ],
});
