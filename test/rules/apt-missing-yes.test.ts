import rule from '../../shared-rules/rules/size/apt-missing-yes';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nRUN apt-get install -y curl\n',
    { name: '--yes', code: 'FROM debian:bookworm-slim\nRUN apt-get install --yes curl\n' },
    { name: '-qq implies -y', code: 'FROM debian:bookworm-slim\nRUN apt-get -qq install curl\n' },
    { name: 'clustered -qy', code: 'FROM debian:bookworm-slim\nRUN apt-get install -qy curl\n' },
    { name: '-o Assume-Yes', code: 'FROM debian:bookworm-slim\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n' },
    { name: 'apt.conf written earlier', code: 'FROM debian:bookworm-slim\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n' },
    { name: 'yes piped in', code: 'FROM debian:bookworm-slim\nRUN yes | apt-get install curl\n' },
    { name: 'update does not prompt', code: 'FROM debian:bookworm-slim\nRUN apt-get update\n' },
    { name: 'simulation', code: 'FROM debian:bookworm-slim\nRUN apt-get -s install curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install curl\n',
      errors: [{ line: 2, column: 31, endColumn: 38 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n',
      safe: true,
    },
    {
      name: 'DEBIAN_FRONTEND does not answer the prompt',
      code: 'FROM debian:bookworm-slim\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get install --no-install-recommends curl\n',
      errors: [{ line: 3, column: 13 }],
      output: 'FROM debian:bookworm-slim\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get install -y --no-install-recommends curl\n',
    },
    {
      name: '-q alone is not enough; apt front end too',
      code: 'FROM ubuntu:24.04\nRUN apt -q install curl\n',
      errors: [{ line: 2, column: 12, message: 'apt install' }],
      output: 'FROM ubuntu:24.04\nRUN apt -q install -y curl\n',
    },
    {
      name: 'dist-upgrade prompts too',
      code: 'FROM debian:bookworm-slim\nRUN apt-get dist-upgrade\n',
      errors: [{ line: 2, column: 13, endColumn: 25 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get dist-upgrade -y\n',
    },
  ],
});
