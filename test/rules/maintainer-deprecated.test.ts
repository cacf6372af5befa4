import rule from '../../shared-rules/rules/correctness/maintainer-deprecated';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.authors="x"\n'],
  invalid: [
    {
      code: 'FROM alpine:3.22\nMAINTAINER Jane Doe <jane@example.com>\n',
      errors: [{ line: 2, column: 1, endColumn: 11 }],
      output: 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
      safe: true,
    },
    {
      name: 'quotes and dollars are escaped',
      code: 'FROM alpine:3.22\nMAINTAINER "Bob" $5\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="\\"Bob\\" \\$5"\n',
    },
  ],
});
