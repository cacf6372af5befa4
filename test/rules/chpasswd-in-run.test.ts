import rule from '../../shared-rules/rules/security/chpasswd-in-run';
import { ruleTester } from '../helpers/rule-tester';

const F = 'FROM debian:bookworm-slim\n';

ruleTester(rule, {
  valid: [
    F + 'RUN useradd -m app\n',
    { name: 'locking and deleting passwords is hardening', code: F + 'RUN passwd -l root && passwd -d app && passwd --lock guest && passwd -S app\n' },
    { name: 'openssl passwd only hashes', code: F + 'RUN openssl passwd -6 -salt x y > /dev/null\n' },
    { name: 'the word in an echo', code: F + 'RUN echo chpasswd passwd\n' },
    { name: 'windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN net user app P@ss /add\n' },
  ],
  invalid: [
    {
      code: F + 'RUN useradd -m app && echo "app:changeme" | chpasswd\n',
      errors: [{ line: 2, column: 45, endColumn: 53, message: 'chpasswd' }],
      output: null,
    },
    {
      name: 'passwd fed from stdin',
      code: F + 'RUN echo -e "pw\\npw" | passwd root\n',
      errors: [{ line: 2, column: 24, endColumn: 30 }],
    },
    {
      name: 'passwd --stdin, chpasswd -e and sudo',
      code: F + 'RUN echo pw | passwd --stdin app\nRUN echo \'app:$6$x$y\' | sudo chpasswd -e\n',
      errors: [{ line: 2, column: 15 }, { line: 3, column: 30, endColumn: 38 }],
    },
  ],
});
