import rule from '../../shared-rules/rules/correctness/undefined-variable';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'ARG VERSION=1\nFROM alpine:3.22\nARG VERSION\nCOPY app-$VERSION /opt/\n',
    { name: 'shell-form RUN is the shell\'s business', code: 'ARG V=1\nFROM alpine:3.22\nRUN echo $V $HOME\n' },
    { name: 'may come from the base image', code: 'FROM python:3.13-slim\nCOPY x /usr/lib/python$PYTHON_VERSION/\nWORKDIR $APP_DIR\n' },
    { name: 'well-known image env even if a global ARG', code: 'ARG PYTHON_VERSION=3.13\nFROM python:${PYTHON_VERSION}-slim\nENV V=$PYTHON_VERSION\n' },
    { name: 'ENV and ARG of an earlier stage via FROM <stage>', code: 'FROM alpine:3.22 AS base\nARG A=1\nENV B=2\nFROM base\nLABEL a=$A b=$B\n' },
    { name: 'default values plan for unset', code: 'FROM scratch\nENV X=${UNSET:-x}\n' },
    { name: 'ARG pairs expand one at a time', code: 'FROM scratch\nARG A=1 B=$A\n' },
    { name: 'PATH is always defined', code: 'FROM scratch\nENV PATH=/bin:$PATH\n' },
    { name: 'single quotes are literal', code: "FROM scratch\nLABEL x='$NOPE'\n" },
  ],
  invalid: [
    {
      name: 'global ARG not re-declared',
      code: 'ARG VERSION=1.4.2\nFROM alpine:3.22\nCOPY app-$VERSION.tar.gz /opt/\nLABEL v=${VERSION}\n',
      errors: [{ line: 3, column: 10, endColumn: 18, message: 'add `ARG VERSION`' }, { line: 4, column: 9, endColumn: 19 }],
      output: 'ARG VERSION=1.4.2\nFROM alpine:3.22\nARG VERSION\nCOPY app-$VERSION.tar.gz /opt/\nLABEL v=${VERSION}\n',
      safe: true,
    },
    {
      name: 'platform ARG not declared',
      code: 'FROM alpine:3.22\nCOPY bin/$TARGETARCH/app /app\n',
      errors: [{ line: 2, column: 10, endColumn: 21 }],
      output: 'FROM alpine:3.22\nARG TARGETARCH\nCOPY bin/$TARGETARCH/app /app\n',
    },
    {
      name: 'typo of a defined name',
      code: 'FROM alpine:3.22\nENV APP_HOME=/opt/app\nWORKDIR $APP_HOEM\n',
      errors: [{ line: 3, column: 9, message: 'did you mean `$APP_HOME`' }],
      output: 'FROM alpine:3.22\nENV APP_HOME=/opt/app\nWORKDIR $APP_HOME\n',
    },
    { name: 'a declared name no reference can reach is not suggested', code: 'FROM scratch\nARG SRC,=a\nCOPY $SRC /x\n', errors: [{ line: 3, column: 6, endColumn: 10, message: 'declare it with ARG or ENV' }], output: null },
    { name: 'scratch: the environment is fully known', code: 'FROM scratch\nCOPY $SRC /x\n', errors: [{ line: 2, column: 6, endColumn: 10 }], output: null },
  ],
});
