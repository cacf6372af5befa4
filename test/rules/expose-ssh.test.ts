import rule from '../../shared-rules/rules/security/expose-ssh';
import { ruleTester } from '../helpers/rule-tester';

const F = 'FROM debian:bookworm-slim\n';

ruleTester(rule, {
  valid: [
    F + 'EXPOSE 80 443\n',
    { name: 'similar ports', code: F + 'EXPOSE 2222 220 8022/tcp\n' },
    { name: 'udp 22 is not ssh', code: F + 'EXPOSE 22/udp\n' },
    { name: 'a build stage the image does not inherit', code: 'FROM debian:bookworm-slim AS test\nEXPOSE 22\nFROM debian:bookworm-slim\nEXPOSE 8080\n' },
    { name: 'variable', code: F + 'ARG PORT=22\nEXPOSE $PORT\n' },
  ],
  invalid: [
    {
      code: F + 'EXPOSE 22\n',
      errors: [{ line: 2, column: 8, endColumn: 10, message: 'docker exec' }],
      output: null,
    },
    {
      name: 'with protocol, among others',
      code: F + 'EXPOSE 80 22/tcp\n',
      errors: [{ line: 2, column: 11, endColumn: 17 }],
    },
    {
      name: 'a range containing 22',
      code: F + 'EXPOSE 20-25\n',
      errors: [{ line: 2, column: 8, endColumn: 13 }],
    },
    {
      name: 'inherited by the final stage',
      code: 'FROM debian:bookworm-slim AS base\nEXPOSE 22\nFROM base\nCMD ["sshd", "-D"]\n',
      errors: [{ line: 2, column: 8 }],
    },
  ],
});
