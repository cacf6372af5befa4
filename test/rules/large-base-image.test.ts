import rule from '../../shared-rules/rules/size/large-base-image';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.13-slim\nCMD ["python"]\n',
    { name: 'alpine is another distro, not the slim variant', code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n' },
    { name: 'build stage not in the image', code: 'FROM python:3.13 AS build\nRUN pip wheel -w /w flask\nFROM python:3.13-slim\nCOPY --from=build /w /w\n' },
    { name: 'debian full vs slim saves too little', code: 'FROM debian:bookworm\nCMD ["bash"]\n' },
    { name: 'unknown image', code: 'FROM example.com/team/base:1\n' },
    { name: 'variable', code: 'ARG IMG\nFROM $IMG\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13\nCMD ["python"]\n',
      errors: [{ line: 1, column: 6, endColumn: 17, message: /python:3\.13 is a full-size image \(~415 MB compressed; python:3\.13-slim is ~43 MB\)/ }],
      output: 'FROM python:3.13-slim\nCMD ["python"]\n',
      safe: false,
    },
    {
      name: 'codename kept',
      code: 'FROM python:3.12-bookworm AS app\nCMD ["python"]\n',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM python:3.12-slim-bookworm AS app\nCMD ["python"]\n',
    },
    {
      name: 'node, from the stage the final one builds on',
      code: 'FROM node:22 AS base\nFROM base\nCMD ["node"]\n',
      errors: [{ line: 1, column: 6, message: 'node:22-slim' }],
      output: 'FROM node:22-slim AS base\nFROM base\nCMD ["node"]\n',
    },
    {
      name: 'no tag: message, no fix (the version would change)',
      code: 'FROM python\nCMD ["python"]\n',
      errors: [{ line: 1, column: 6, message: 'python:latest' }],
      output: null,
    },
  ],
});
