import rule from '../../shared-rules/rules/size/add-remote-url';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tar.gz /tmp/\n',
    { name: 'git source', code: 'FROM debian:bookworm-slim\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n' },
    { name: 'local file', code: 'FROM debian:bookworm-slim\nADD app.tar.gz /opt/\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nADD https://example.com/tool-1.2.tar.gz /tmp/\n',
      errors: [{ line: 2, column: 5, endColumn: 40 }],
      output: null,
    },
    {
      name: 'http and a variable in the path',
      code: 'FROM debian:bookworm-slim\nARG V=1.2\nADD --chown=1000 http://example.com/tool-${V}.bin /usr/local/bin/tool\n',
      errors: [{ line: 3, column: 18 }],
    },
  ],
});
