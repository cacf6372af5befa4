import rule from '../../shared-rules/rules/size/pip-no-cache-dir';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
    { name: 'abbreviated --no-cache', code: 'FROM python:3.13-slim\nRUN pip install --no-cache flask\n' },
    { name: 'ENV', code: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'legacy ENV form, any value disables the cache', code: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR off\nRUN pip install flask\n' },
    { name: 'ENV in the stage it builds on', code: 'FROM python:3.13-slim AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n' },
    { name: 'ARG with a value', code: 'FROM python:3.13-slim\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'inline variable', code: 'FROM python:3.13-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'exported earlier in the RUN', code: 'FROM python:3.13-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n' },
    { name: 'cache mount', code: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'cache deleted in the same RUN', code: 'FROM python:3.13-slim\nRUN pip install flask && rm -rf /root/.cache\n' },
    { name: 'pip cache purge', code: 'FROM python:3.13-slim\nRUN pip install flask && pip cache purge\n' },
    { name: 'install of nothing', code: 'FROM python:3.13-slim\nRUN pip install --help\n' },
    { name: 'pip download and pip wheel are not installs', code: 'FROM python:3.13-slim\nRUN pip wheel -w /wheels -r requirements.txt && pip download -d /d flask\n' },
    { name: '--no-index installs from local wheels', code: 'FROM python:3.13-slim\nRUN pip install --no-index --find-links /wheels flask\n' },
    { name: 'uv pip has its own cache', code: 'FROM python:3.13-slim\nRUN uv pip install --system flask\n' },
    { name: 'build stage not in the image', code: 'FROM python:3.13 AS build\nRUN pip install flask\nFROM python:3.13-slim\nCOPY --from=build /x /x\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13-slim\nRUN pip install flask\n',
      errors: [{ line: 2, column: 9, endColumn: 16 }],
      output: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
      safe: true,
    },
    {
      name: 'python -m pip and pip3',
      code: 'FROM python:3.13-slim\nRUN python3 -m pip install -U pip && pip3 install -r requirements.txt\n',
      errors: [{ line: 2, column: 20, endColumn: 27, message: 'python3 -m pip install' }, { line: 2, column: 43, message: 'pip3 install' }],
      output: 'FROM python:3.13-slim\nRUN python3 -m pip install --no-cache-dir -U pip && pip3 install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'PIP_NO_CACHE_DIR set in a build stage does not reach the final one',
      code: 'FROM python:3.13 AS build\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.13-slim\nRUN pip install flask\n',
      errors: [{ line: 4, column: 9 }],
    },
    {
      name: 'ARG without a value sets nothing',
      code: 'FROM python:3.13-slim\nARG PIP_NO_CACHE_DIR\nRUN pip install flask\n',
      errors: [{ line: 3, column: 9 }],
    },
  ],
});
