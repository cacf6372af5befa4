import rule from '../../shared-rules/rules/security/runs-as-root';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nRUN useradd app\nUSER app\n',
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: 'USER in the stage it builds on', code: 'FROM node:22-slim AS base\nUSER node\nFROM base\nCMD ["node"]\n' },
    { name: 'build stage as root is fine', code: 'FROM golang:1.25 AS build\nRUN go build\nFROM debian:bookworm-slim\nUSER 1000\n' },
    { name: 'windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n' },
  ],
  invalid: [
    {
      name: 'explicit root',
      code: 'FROM debian:bookworm-slim\nUSER root\n',
      errors: [{ line: 2, column: 6, endColumn: 10 }],
    },
    {
      name: 'uid 0 with group',
      code: 'FROM debian:bookworm-slim\nUSER app\nUSER 0:0\n',
      errors: [{ line: 3, column: 6 }],
    },
    {
      name: 'node image knows its user',
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      errors: [{ line: 1, column: 6, endColumn: 18 }],
      output: 'FROM node:22-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      safe: false,
    },
    {
      name: 'debian: creates a user',
      code: 'FROM debian:bookworm-slim\nRUN echo hi\n',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM debian:bookworm-slim\nRUN echo hi\nRUN groupadd --system app && useradd --system --gid app --no-log-init --create-home app\nUSER app\n',
    },
    {
      name: 'alpine: adduser -S',
      code: 'FROM alpine:3.22\nCMD ["sh"]\n',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM alpine:3.22\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["sh"]\n',
    },
  ],
});
