import rule from '../../shared-rules/rules/security/missing-healthcheck';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nEXPOSE 3000\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\nCMD ["node", "server.js"]\n',
    { name: 'HEALTHCHECK NONE records the decision', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    { name: 'a tool image, not a service', code: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir black\nENTRYPOINT ["black"]\n' },
    { name: 'EXPOSE only in a build stage', code: 'FROM node:22 AS dev\nEXPOSE 9229\nFROM alpine:3.22\nCMD ["sh"]\n' },
    { name: 'HEALTHCHECK in the stage it builds on', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM base\nCOPY site /usr/share/nginx/html\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nCOPY . /app\nEXPOSE 3000\nCMD ["node", "/app/server.js"]\n',
      errors: [{ line: 3, column: 1, endColumn: 7, message: 'HEALTHCHECK' }],
      output: null,
    },
    {
      name: 'known server image without EXPOSE',
      code: 'FROM golang:1.25 AS build\nRUN go build -o /site\nFROM nginx:1.27-alpine\nCOPY --from=build /site /usr/share/nginx/html\n',
      errors: [{ line: 3, column: 6, endColumn: 11, message: '`nginx` runs a server' }],
    },
    {
      name: 'php-fpm',
      code: 'FROM php:8.3-fpm\nCOPY . /var/www/html\n',
      errors: [{ line: 1, column: 6, endColumn: 9 }],
    },
    {
      name: 'a HEALTHCHECK in a build stage does not count',
      code: 'FROM redis:7 AS test\nHEALTHCHECK CMD redis-cli ping\nFROM redis:7\nEXPOSE 6379\n',
      errors: [{ line: 4, column: 1 }],
    },
  ],
});
