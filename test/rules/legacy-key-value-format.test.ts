import rule from '../../shared-rules/rules/correctness/legacy-key-value-format';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.22\nENV A=1 B="two words"\nLABEL a=b\nARG X\n'],
  invalid: [
    {
      code: 'FROM alpine:3.22\nENV APP_HOME /opt/app\n',
      errors: [{ line: 2, column: 5, endColumn: 22, message: 'ENV APP_HOME=' }],
      output: 'FROM alpine:3.22\nENV APP_HOME=/opt/app\n',
      safe: true,
    },
    {
      name: 'spaces get quoted',
      code: 'FROM alpine:3.22\nLABEL description A small tool\n',
      errors: [{ line: 2, column: 7 }],
      output: 'FROM alpine:3.22\nLABEL description="A small tool"\n',
    },
    {
      name: 'quotes and escapes keep their value',
      code: "FROM alpine:3.22\nENV MSG 'say \"hi\"' to $USER\\ now\n",
      errors: [{ line: 2, column: 5 }],
      output: 'FROM alpine:3.22\nENV MSG="say \\"hi\\" to $USER now"\n',
    },
    { name: 'one quoted word stays as is', code: 'FROM alpine:3.22\nENV A "x y"\n', errors: [{ line: 2, column: 5 }], output: 'FROM alpine:3.22\nENV A="x y"\n' },
    { name: 'continuation lines: no fix', code: 'FROM alpine:3.22\nENV A one \\\n  two\n', errors: [{ line: 2, column: 5 }], output: null },
  ],
});
