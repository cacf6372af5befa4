import rule from '../../shared-rules/rules/security/pin-base-image-digest';
import { ruleTester } from '../helpers/rule-tester';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

ruleTester(rule, {
  valid: [
    `FROM python:3.13-slim@${DIGEST}\n`,
    { name: 'digest only', code: `FROM python@${DIGEST}\n` },
    { name: 'no tag or latest is pin-base-image-tag\'s finding', code: 'FROM python\nFROM ubuntu:latest\n' },
    { name: 'scratch and stages', code: `FROM golang:1.25@${DIGEST} AS build\nFROM scratch\nFROM build\n` },
    { name: 'ARG default with digest', code: `ARG BASE=python:3.13-slim@${DIGEST}\nFROM \${BASE}\n` },
    { name: 'ARG without default', code: 'ARG BASE\nFROM $BASE\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13-slim\n',
      errors: [{ line: 1, column: 13, endColumn: 22, message: 'pin it by digest' }],
      output: null,
    },
    {
      name: 'registry with port, every stage',
      code: 'FROM registry.example.com:5000/team/app:1.2 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\n',
      errors: [{ line: 1, column: 41, endColumn: 44 }, { line: 2, column: 40, endColumn: 47 }],
    },
    {
      name: 'ARG default pinned by tag only',
      code: 'ARG BASE=node:22-slim\nFROM ${BASE}\n',
      errors: [{ line: 2, column: 6, endColumn: 13, message: 'node:22-slim' }],
    },
  ],
});
