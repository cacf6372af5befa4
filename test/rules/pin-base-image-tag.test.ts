import rule from '../../shared-rules/rules/security/pin-base-image-tag';
import { recommendedPinTag } from '../../shared-rules/data/base-images';
import { ruleTester } from '../helpers/rule-tester';

const ubuntu = recommendedPinTag({ repository: 'ubuntu' });
const python = recommendedPinTag({ repository: 'python' });
if (!ubuntu || !python) throw new Error('the base-image table must know ubuntu and python');

ruleTester(rule, {
  valid: [
    'FROM ubuntu:24.04\n',
    { name: 'digest only', code: 'FROM ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /\n' },
    { name: 'earlier stage', code: 'FROM golang:1.25 AS build\nFROM build\n' },
    { name: 'ARG with pinned default', code: 'ARG BASE=python:3.13-slim\nFROM ${BASE}\n' },
    { name: 'ARG without default', code: 'ARG BASE\nFROM $BASE\n' },
  ],
  invalid: [
    {
      name: 'no tag',
      code: 'FROM ubuntu\n',
      errors: [{ line: 1, column: 6, endColumn: 12 }],
      output: `FROM ubuntu:${ubuntu}\n`,
      safe: false,
    },
    {
      name: 'latest',
      code: 'FROM python:latest AS app\n',
      errors: [{ line: 1, column: 13, endColumn: 19, message: 'latest' }],
      output: `FROM python:${python} AS app\n`,
    },
    {
      name: 'registry kept',
      code: 'FROM docker.io/library/ubuntu\n',
      errors: [{ line: 1, column: 6, endColumn: 30 }],
      output: `FROM docker.io/library/ubuntu:${ubuntu}\n`,
    },
    {
      name: 'platform flag kept',
      code: 'FROM --platform=linux/amd64 ubuntu\n',
      errors: [{ line: 1, column: 29 }],
      output: `FROM --platform=linux/amd64 ubuntu:${ubuntu}\n`,
    },
    {
      name: 'unknown image: flagged, no fix',
      code: 'FROM example.com/team/thing\n',
      errors: [{ line: 1, column: 6 }],
      output: null,
    },
    {
      name: 'ARG default unpinned',
      code: 'ARG BASE=ubuntu\nFROM ${BASE}\n',
      errors: [{ line: 2, column: 6, message: 'ARG default' }],
      output: null,
    },
  ],
});
