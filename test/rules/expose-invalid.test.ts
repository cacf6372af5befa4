import rule from '../../shared-rules/rules/correctness/expose-invalid';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.29\nEXPOSE 80 443/tcp 53/udp 8000-8010 9/sctp\n', { name: 'variables are not checked', code: 'FROM nginx:1.29\nARG PORT=8080\nEXPOSE $PORT ${PORT}/tcp\n' }],
  invalid: [
    { code: 'FROM nginx:1.29\nEXPOSE 8080:80\n', errors: [{ line: 2, column: 8, endColumn: 15, message: 'host port' }], output: null },
    { name: 'out of range', code: 'FROM nginx:1.29\nEXPOSE 80 70000\n', errors: [{ line: 2, column: 11, message: 'out of range' }] },
    { name: 'protocol', code: 'FROM nginx:1.29\nEXPOSE 80/TCP 81/http\n', errors: [{ line: 2, column: 8, message: 'lowercase' }, { line: 2, column: 15, message: 'not a protocol' }] },
    { name: 'not a number', code: 'FROM nginx:1.29\nEXPOSE http\n', errors: [{ line: 2, column: 8 }] },
  ],
});
