import rule from '../../shared-rules/rules/cache/prefer-cache-mount';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.13-slim\nRUN pip install flask\n',
    { name: 'already mounted', code: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache pip install --no-cache-dir flask\n' },
    { name: 'lists removed without an install', code: 'FROM debian:bookworm-slim\nRUN rm -rf /var/lib/apt/lists/*\n' },
  ],
  invalid: [
    {
      name: 'pip --no-cache-dir',
      code: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
      errors: [{ line: 2, column: 17, endColumn: 31, message: 'pip cache' }],
      output: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
      safe: false,
    },
    {
      name: 'apt lists',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2, column: 57 }],
      output: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'npm cache clean',
      code: 'FROM node:22-slim\nRUN npm ci && npm cache clean --force\n',
      errors: [{ line: 2, column: 25, endColumn: 30 }],
      output: 'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
    },
    {
      name: 'non-root user: no fix',
      code: 'FROM node:22-slim\nUSER node\nRUN npm ci && npm cache clean --force\n',
      errors: [{ line: 3, column: 25 }],
      output: null,
    },
    {
      name: 'apk: a pointer only',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache curl\n',
      errors: [{ line: 2, column: 13, message: '/etc/apk/cache' }],
      output: null,
    },
  ],
});
