import rule from '../../shared-rules/rules/size/apt-upgrade';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'only-upgrade of one package is an install', code: 'FROM debian:bookworm-slim\nRUN apt-get install -y --only-upgrade openssl\n' },
    { name: 'simulated upgrade', code: 'FROM debian:bookworm-slim\nRUN apt-get -s upgrade\n' },
    { name: 'build stage not in the image', code: 'FROM debian:bookworm AS build\nRUN apt-get update && apt-get upgrade -y\nFROM scratch\nCOPY --from=build /x /x\n' },
    { name: 'the word in an echo', code: 'FROM debian:bookworm-slim\nRUN echo apt-get upgrade\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y\n',
      errors: [{ line: 2, column: 31, endColumn: 38, message: 'apt-get upgrade' }],
      output: null,
    },
    {
      name: 'dist-upgrade in a heredoc',
      code: 'FROM ubuntu:24.04\nRUN <<EOF\napt-get update\napt-get -y dist-upgrade\nEOF\n',
      errors: [{ line: 4, column: 12, endColumn: 24 }],
    },
    {
      name: 'apt full-upgrade in the stage the image builds on',
      code: 'FROM debian:bookworm-slim AS base\nRUN apt full-upgrade -y\nFROM base\nCMD ["bash"]\n',
      errors: [{ line: 2, column: 9, endColumn: 21, message: 'apt full-upgrade' }],
    },
  ],
});
