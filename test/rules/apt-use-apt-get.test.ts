import rule from '../../shared-rules/rules/size/apt-use-apt-get';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'apt-cache and apt-key are other programs', code: 'FROM debian:bookworm-slim\nRUN apt-cache policy curl && apt-key list\n' },
    { name: 'apt as an argument', code: 'FROM debian:bookworm-slim\nRUN echo apt install curl\n' },
    { name: 'windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt install -y curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nRUN apt update && apt install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 8 }, { line: 2, column: 19, endColumn: 22 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n',
      safe: true,
    },
    {
      name: 'sudo and a full path',
      code: 'FROM ubuntu:24.04\nRUN sudo /usr/bin/apt remove -y vim\n',
      errors: [{ line: 2, column: 10, endColumn: 22 }],
      output: 'FROM ubuntu:24.04\nRUN sudo /usr/bin/apt-get remove -y vim\n',
    },
    {
      name: 'apt upgrade installs new dependencies, apt-get needs --with-new-pkgs',
      code: 'FROM debian:bookworm-slim\nRUN apt upgrade -y\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get upgrade --with-new-pkgs -y\n',
    },
    {
      name: 'full-upgrade is dist-upgrade in apt-get',
      code: 'FROM debian:bookworm-slim\nRUN apt full-upgrade -y\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get dist-upgrade -y\n',
    },
    {
      name: 'apt list has no apt-get form',
      code: 'FROM debian:bookworm-slim\nRUN apt list --installed\n',
      errors: [{ line: 2, column: 5, endColumn: 8 }],
      output: null,
    },
  ],
});
