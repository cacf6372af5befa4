import rule from '../../shared-rules/rules/size/add-instead-of-copy';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.13-slim\nCOPY app.py /app/\n',
    { name: 'archive: ADD unpacks it', code: 'FROM debian:bookworm-slim\nADD rootfs.tar.xz /\n' },
    { name: 'URL', code: 'FROM debian:bookworm-slim\nADD https://example.com/x.sh /x.sh\n' },
    { name: 'git', code: 'FROM debian:bookworm-slim\nADD git@github.com:moby/buildkit.git /src\n' },
    { name: 'variable source may be an archive', code: 'FROM debian:bookworm-slim\nARG PKG=app.tgz\nADD $PKG /opt/\n' },
    { name: 'glob that could match an archive', code: 'FROM debian:bookworm-slim\nADD dist/* /opt/\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13-slim\nADD app.py /app/\n',
      errors: [{ line: 2, column: 1, endColumn: 4 }],
      output: 'FROM python:3.13-slim\nCOPY app.py /app/\n',
      safe: true,
    },
    {
      name: 'directory, flags kept, lower-case keyword',
      code: 'FROM python:3.13-slim\nadd --chown=1000:1000 . /app\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM python:3.13-slim\ncopy --chown=1000:1000 . /app\n',
    },
    {
      name: 'glob with a plain extension',
      code: 'FROM python:3.13-slim\nADD *.py requirements.txt /app/\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM python:3.13-slim\nCOPY *.py requirements.txt /app/\n',
    },
    {
      name: 'JSON form',
      code: 'FROM python:3.13-slim\nADD ["app.py", "/app/"]\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM python:3.13-slim\nCOPY ["app.py", "/app/"]\n',
    },
    {
      name: 'ADD-only flag: no fix',
      code: 'FROM python:3.13-slim\nADD --unpack=false app.py /app/\n',
      errors: [{ line: 2, column: 1 }],
      output: null,
    },
  ],
});
