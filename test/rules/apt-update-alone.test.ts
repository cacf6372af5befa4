import rule from '../../shared-rules/rules/size/apt-update-alone';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'update with upgrade', code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y\n' },
    { name: 'no update', code: 'FROM debian:bookworm-slim\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 13, endColumn: 19 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y curl\n',
      safe: true,
    },
    {
      name: 'next instruction is not an install: no fix',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update\nENV A=1\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 13 }],
      output: null,
    },
  ],
});
