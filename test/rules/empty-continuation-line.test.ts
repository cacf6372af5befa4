import rule from '../../shared-rules/rules/syntax/empty-continuation-line';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nRUN echo a \\\n    && echo b\n\nRUN echo c\n',
    { name: 'a comment line inside a continuation is not empty', code: 'FROM alpine:3.22\nRUN echo a \\\n# note\n    && echo b\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN apk add --no-cache curl \\\n\n    jq\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl \\\n    jq\n',
      safe: true,
    },
    {
      name: 'whitespace-only lines, twice',
      code: 'FROM alpine:3.22\nRUN echo a \\\n   \n  && echo b \\\n\t\n  && echo c\n',
      errors: [{ line: 3, column: 1, endColumn: 4 }, { line: 5, column: 1 }],
      output: 'FROM alpine:3.22\nRUN echo a \\\n  && echo b \\\n  && echo c\n',
    },
  ],
});
