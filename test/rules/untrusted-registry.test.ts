import rule from '../../shared-rules/rules/security/untrusted-registry';
import { ruleTester } from '../helpers/rule-tester';

const trusted = { trustedRegistries: ['docker.io', 'registry.example.com:5000', '*.corp.example'] };

ruleTester(rule, {
  docsOptions: { trustedRegistries: ['docker.io'] },
  valid: [
    { name: 'not configured: silent', code: 'FROM quay.io/prometheus/busybox:glibc\n' },
    { name: 'empty list: silent', code: 'FROM quay.io/prometheus/busybox:glibc\n', options: { trustedRegistries: [] } },
    { name: 'Docker Hub is docker.io, in every spelling', code: 'FROM ubuntu:24.04\nFROM library/debian:12\nFROM docker.io/library/alpine:3.22\nFROM index.docker.io/bitnami/redis:7\n', options: trusted },
    { name: 'registry with port', code: 'FROM registry.example.com:5000/team/app:1.2\n', options: trusted },
    { name: 'wildcard subdomain', code: 'FROM mirror.corp.example/python:3.13\n', options: trusted },
    { name: 'stages, scratch, unresolved ARG', code: 'ARG BASE\nFROM golang:1.25 AS build\nFROM build\nFROM scratch\nFROM $BASE\nCOPY --from=build /x /x\nCOPY --from=0 /x /y\n', options: trusted },
  ],
  invalid: [
    {
      code: 'FROM quay.io/prometheus/busybox:glibc\n',
      options: trusted,
      errors: [{ line: 1, column: 6, endColumn: 32, message: '`quay.io` is not a trusted registry' }],
      output: null,
    },
    {
      name: 'Docker Hub not trusted',
      code: 'FROM ubuntu:24.04\n',
      options: { trustedRegistries: ['registry.example.com'] },
      errors: [{ line: 1, column: 6, endColumn: 12, message: '`docker.io`' }],
    },
    {
      name: 'the wildcard does not match the bare domain; ARG default resolved',
      code: 'ARG BASE=corp.example/python:3.13\nFROM ${BASE}\n',
      options: trusted,
      errors: [{ line: 2, column: 6, endColumn: 13 }],
    },
    {
      name: 'COPY --from an image',
      code: 'FROM ubuntu:24.04\nCOPY --from=ghcr.io/org/tool:1 /tool /usr/local/bin/\n',
      options: trusted,
      errors: [{ line: 2, column: 13, endColumn: 31, message: '`ghcr.io`' }],
    },
  ],
});
