import rule from '../../shared-rules/rules/size/archive-copied-then-extracted';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm-slim\nADD tool.tar.gz /opt/\n',
    { name: 'copied but never extracted', code: 'FROM debian:bookworm-slim\nCOPY tool.tar.gz /srv/downloads/\n' },
    { name: 'another archive extracted', code: 'FROM debian:bookworm-slim\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/b.tar.gz -C /opt\n' },
    { name: 'tar creates, not extracts', code: 'FROM debian:bookworm-slim\nCOPY a.tar.gz /tmp/\nRUN tar -czf /tmp/backup.tgz /tmp/a.tar.gz\n' },
    { name: 'build stage not in the image', code: 'FROM debian:bookworm-slim AS build\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/a.tar.gz -C /opt\nFROM scratch\nCOPY --from=build /opt /opt\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm-slim\nCOPY tool.tar.gz /tmp/\nRUN tar -xzf /tmp/tool.tar.gz -C /opt && rm /tmp/tool.tar.gz\n',
      errors: [{ line: 2, column: 6, endColumn: 17, message: 'line 3' }],
      output: 'FROM debian:bookworm-slim\nADD tool.tar.gz /opt/\n',
      safe: false,
    },
    {
      name: 'relative path under WORKDIR, extraction in cwd',
      code: 'FROM debian:bookworm-slim\nWORKDIR /opt/app\nCOPY dist.tgz .\nRUN tar xzf dist.tgz\n',
      errors: [{ line: 3, column: 6 }],
      output: 'FROM debian:bookworm-slim\nWORKDIR /opt/app\nADD dist.tgz /opt/app/\n',
    },
    {
      name: 'zip: no ADD fix',
      code: 'FROM debian:bookworm-slim\nCOPY site.zip /tmp/site.zip\nRUN unzip /tmp/site.zip -d /srv && rm /tmp/site.zip\n',
      errors: [{ line: 2, column: 6 }],
      output: null,
    },
    {
      name: 'RUN does more than extract: no fix',
      code: 'FROM debian:bookworm-slim\nCOPY tool.tar.gz /tmp/\nRUN tar -xzf /tmp/tool.tar.gz -C /opt && /opt/tool/install.sh\n',
      errors: [{ line: 2, column: 6 }],
      output: null,
    },
    {
      name: 'strip-components cannot be done by ADD',
      code: 'FROM debian:bookworm-slim\nCOPY tool.tar.gz /tmp/\nRUN tar -xzf /tmp/tool.tar.gz --strip-components=1 -C /opt\n',
      errors: [{ line: 2, column: 6 }],
      output: null,
    },
    {
      name: 'cd before the extraction',
      code: 'FROM debian:bookworm-slim\nCOPY tool.tar.gz /tmp\nRUN cd /tmp && tar xf tool.tar.gz\n',
      errors: [{ line: 2, column: 6 }],
    },
  ],
});
