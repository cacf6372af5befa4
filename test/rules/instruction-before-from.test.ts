import rule from '../../shared-rules/rules/correctness/instruction-before-from';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'ARG BASE=alpine:3.22\nFROM $BASE\nRUN echo hi\n',
    { name: 'directives and comments before FROM', code: '# syntax=docker/dockerfile:1\n# a comment\nARG A=1\nFROM alpine:3.22\n' },
  ],
  invalid: [
    { code: 'ENV A=1\nFROM alpine:3.22\n', errors: [{ line: 1, column: 1, endColumn: 4, message: 'Move ENV below a FROM' }], output: null },
    { name: 'every offending instruction', code: 'ARG A=1\nLABEL x=y\nRUN echo\nFROM alpine:3.22\n', errors: [{ line: 2, column: 1 }, { line: 3, column: 1 }] },
  ],
});
