import rule from '../../shared-rules/rules/correctness/env-self-reference';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin\n',
    { name: 'own old value', code: 'FROM alpine:3.22\nENV PATH=/opt/bin:$PATH LANG=C.UTF-8\n' },
    { name: 'defined before the statement', code: 'FROM alpine:3.22\nENV A=1\nENV A=2 B=$A\n' },
    { name: 'legacy form', code: 'FROM alpine:3.22\nENV A $A:x\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin\n',
      errors: [{ line: 2, column: 31, endColumn: 40, message: '`$APP_HOME` is set by this same ENV' }],
      output: 'FROM alpine:3.22\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin\n',
      safe: true,
    },
    {
      name: 'continuation lines and a chain',
      code: 'FROM alpine:3.22\nENV A=1 \\\n    B=${A}2 \\\n    C=$B\n',
      errors: [{ line: 3, column: 7 }, { line: 4, column: 7 }],
      output: 'FROM alpine:3.22\nENV A=1\nENV B=${A}2\nENV C=$B\n',
    },
    { name: 'forward reference: no fix', code: 'FROM alpine:3.22\nENV B=$A A=1\n', errors: [{ line: 2, column: 7 }], output: null },
  ],
});
