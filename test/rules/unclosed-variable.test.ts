import rule from '../../shared-rules/rules/correctness/unclosed-variable';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nENV A=${B:-x}\nWORKDIR ${A}\n',
    { name: 'RUN is the shell\'s business', code: 'FROM alpine:3.22\nRUN echo "${"\n' },
    { name: 'single quotes are literal', code: "FROM alpine:3.22\nLABEL x='${'\n" },
    { name: 'escaped dollar', code: 'FROM alpine:3.22\nENV X=\\${Y\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.22\nENV APP_DIR=/opt/app\nWORKDIR ${APP_DIR\n', errors: [{ line: 3, column: 9, endColumn: 18 }], output: null },
    { name: 'in FROM', code: 'ARG V=3\nFROM alpine:${V\n', errors: [{ line: 2, column: 13, endColumn: 16 }] },
  ],
});
