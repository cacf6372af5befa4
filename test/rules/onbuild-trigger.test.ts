import rule from '../../shared-rules/rules/cache/onbuild-trigger';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22-slim\nCOPY . /app\n', { name: 'the word in a RUN', code: 'FROM alpine:3.22\nRUN echo ONBUILD\n' }],
  invalid: [
    {
      code: 'FROM node:22-slim\nONBUILD COPY . /app\nONBUILD RUN npm ci\n',
      errors: [
        { line: 2, column: 1, endColumn: 8, message: '`COPY` runs in every build FROM this image' },
        { line: 3, column: 1, endColumn: 8, message: '`RUN`' },
      ],
      output: null,
    },
    { name: 'lower case', code: 'FROM alpine:3.22\nonbuild run echo hi\n', errors: [{ line: 2, column: 1, endColumn: 8 }] },
  ],
});
