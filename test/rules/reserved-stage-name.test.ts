import rule from '../../shared-rules/rules/correctness/reserved-stage-name';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.22 AS base\nFROM scratch\nCOPY --from=base /a /a\n', { name: 'near miss', code: 'FROM alpine:3.22 AS contexts\n' }],
  invalid: [
    {
      code: 'FROM alpine:3.22 AS context\nRUN touch /a\nFROM scratch\nCOPY --from=context /a /a\n',
      errors: [{ line: 1, column: 21, endColumn: 28, message: 'reserved' }],
      output: 'FROM alpine:3.22 AS context-stage\nRUN touch /a\nFROM scratch\nCOPY --from=context-stage /a /a\n',
      safe: false,
    },
  ],
});
