import rule from '../../shared-rules/rules/correctness/workdir-relative';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nWORKDIR src\n',
    { name: 'variable from the base image', code: 'FROM node:22-slim\nWORKDIR $HOME/app\n' },
    { name: 'variable with an absolute value', code: 'FROM node:22-slim\nENV APP=/app\nWORKDIR $APP\n' },
    { name: 'absolute WORKDIR in the base stage', code: 'FROM node:22-slim AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n' },
    { name: 'windows drive path', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n' },
    { name: 'quoted absolute path', code: 'FROM alpine:3.22\nWORKDIR "/Program Files"\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nWORKDIR app\nCOPY package.json ./\n',
      errors: [{ line: 2, column: 9, endColumn: 12, message: '`/app`' }],
      output: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\n',
      safe: false,
    },
    { name: 'relative value from an ENV: no fix', code: 'FROM alpine:3.22\nENV D=src\nWORKDIR $D\n', errors: [{ line: 3, column: 9 }], output: null },
    { name: 'only the first WORKDIR of each stage', code: 'FROM alpine:3.22\nWORKDIR ./a\nWORKDIR b\nFROM alpine:3.22\nWORKDIR c\n', errors: [{ line: 2, column: 9 }, { line: 5, column: 9 }], output: 'FROM alpine:3.22\nWORKDIR /a\nWORKDIR b\nFROM alpine:3.22\nWORKDIR /c\n' },
  ],
});
