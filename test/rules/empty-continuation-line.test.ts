import rule from '../../shared-rules/rules/syntax/empty-continuation-line';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nRUN echo a \\\n    && echo b\n\nRUN echo c\n',
    { name: 'a comment line inside a continuation is not empty', code: 'FROM alpine:3.22\nRUN echo a \\\n# note\n    && echo b\n' },
    // BuildKit reads lines as a scanner does: the newline that ends the file starts no line.
    { name: 'a continuation left dangling at the end of the file, which ends with a newline', code: 'FROM alpine:3.22\nRUN echo a \\\n' },
    { name: 'the same with CRLF line ends', code: 'FROM alpine:3.22\r\nRUN echo a \\\r\n' },
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
    {
      name: 'a blank line after a dangling continuation at the end of the file is one',
      code: 'FROM alpine:3.22\nRUN echo a \\\n\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM alpine:3.22\nRUN echo a \\\n',
    },
    {
      name: 'so is a last line of spaces without a newline',
      code: 'FROM alpine:3.22\nRUN echo a \\\n  ',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM alpine:3.22\nRUN echo a \\\n',
    },
  ],
});
