import rule from '../../shared-rules/rules/correctness/unused-global-arg';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'ARG BASE=alpine:3.22\nFROM $BASE\n',
    { name: 're-declared in a stage', code: 'ARG V=1\nFROM alpine:3.22\nARG V\n' },
    { name: 'used through another global ARG', code: 'ARG V=3.22\nARG IMAGE=alpine:$V\nFROM $IMAGE\n' },
    { name: 'used in --platform', code: 'ARG P=linux/amd64\nFROM --platform=$P alpine:3.22\n' },
    { name: 'builder ARGs', code: 'ARG BUILDKIT_SBOM_SCAN_STAGE=true\nARG HTTP_PROXY\nFROM alpine:3.22\n' },
  ],
  invalid: [
    {
      code: 'ARG APP_VERSION=1.0\nFROM alpine:3.22\nRUN echo "$APP_VERSION"\n',
      errors: [{ line: 1, column: 5, endColumn: 16, message: '`APP_VERSION`' }],
      output: 'FROM alpine:3.22\nRUN echo "$APP_VERSION"\n',
      safe: true,
    },
    { name: 'one name of several', code: 'ARG A=1 B=2\nFROM alpine:$A\n', errors: [{ line: 1, column: 9 }], output: 'ARG A=1\nFROM alpine:$A\n' },
  ],
});
