import rule from '../../shared-rules/rules/size/apt-no-install-recommends';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends curl\n',
    { name: 'option via -o', code: 'FROM debian:bookworm-slim\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n' },
    { name: 'apt.conf set earlier in the stage', code: 'FROM debian:bookworm-slim\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/00norec\nRUN apt-get install -y curl\n' },
    { name: 'not an install', code: 'FROM debian:bookworm-slim\nRUN apt-get remove -y curl\n' },
    { name: 'install word as a package argument of echo', code: 'FROM debian:bookworm-slim\nRUN echo apt-get install curl\n' },
    { name: 'windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 13, endLine: 2, endColumn: 20 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get install --no-install-recommends -y curl\n',
      safe: false,
    },
    {
      name: 'flags before install',
      code: 'FROM debian:bookworm-slim\nRUN apt-get -y install curl\n',
      errors: [{ line: 2, column: 16, endColumn: 23 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get -y install --no-install-recommends curl\n',
    },
    {
      name: '-qq install',
      code: 'FROM debian:bookworm-slim\nRUN apt-get -qq install curl\n',
      errors: [{ line: 2, column: 17 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get -qq install --no-install-recommends curl\n',
    },
    {
      name: 'multi-line package list, second apt call',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl \\\n      git\n',
      errors: [{ line: 3, column: 13, endLine: 3, endColumn: 20 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install --no-install-recommends -y \\\n      curl \\\n      git\n',
    },
    {
      name: 'sudo and apt',
      code: 'FROM ubuntu:24.04\nRUN sudo apt install -y curl\n',
      errors: [{ line: 2, column: 14 }],
    },
    {
      name: 'in a heredoc script',
      code: 'FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 4, column: 9, endColumn: 16 }],
      output: 'FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
  ],
});
