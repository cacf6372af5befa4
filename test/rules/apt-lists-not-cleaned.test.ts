import rule from '../../shared-rules/rules/size/apt-lists-not-cleaned';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'rm of the directory', code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists\n' },
    { name: 'cache mount', code: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    { name: 'build stage not in the image', code: 'FROM debian:bookworm-slim AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /x /x\n' },
    { name: 'no apt', code: 'FROM debian:bookworm-slim\nRUN echo hi\n' },
    { name: 'update alone is apt-update-alone\'s finding: removing lists there would break the next install', code: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 13, endColumn: 19 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      safe: true,
    },
    {
      name: 'multi-line',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y curl\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'stage used as base of the final stage',
      code: 'FROM debian:bookworm-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
      errors: [{ line: 2, column: 13 }],
    },
    {
      name: 'heredoc script gets a new line',
      code: 'FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 3, column: 9 }],
      output: 'FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    },
  ],
});
