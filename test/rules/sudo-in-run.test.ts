import rule from '../../shared-rules/rules/security/sudo-in-run';
import { ruleTester } from '../helpers/rule-tester';

const F = 'FROM debian:bookworm-slim\n';

ruleTester(rule, {
  valid: [
    F + 'RUN apt-get update\n',
    { name: 'installing the sudo package', code: F + 'RUN apt-get install -y --no-install-recommends sudo\n' },
    { name: 'sudo as an argument', code: F + 'RUN echo sudo && usermod -aG sudo app\n' },
    { name: 'in CMD', code: F + 'CMD sudo -u app ./run\n' },
    { name: 'exec form is not parsed', code: F + 'RUN ["sudo", "true"]\n' },
    { name: 'windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN sudo echo hi\n' },
  ],
  invalid: [
    {
      code: F + 'RUN sudo apt-get update\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: 'Remove `sudo`' }],
      output: F + 'RUN apt-get update\n',
      safe: true,
    },
    {
      name: 'its own options go too, across a pipe and a continuation',
      code: F + 'RUN echo "deb x" | sudo -E tee /etc/apt/sources.list.d/x.list && \\\n    sudo -H -u root pip install x\n',
      errors: [{ line: 2, column: 20 }, { line: 3, column: 5 }],
      output: F + 'RUN echo "deb x" | tee /etc/apt/sources.list.d/x.list && \\\n    pip install x\n',
      safe: true,
    },
    {
      name: 'full path',
      code: F + 'RUN /usr/bin/sudo -n make install\n',
      errors: [{ line: 2, column: 5, endColumn: 18 }],
      output: F + 'RUN make install\n',
    },
    {
      name: 'after USER app: no fix, switch USER instead',
      code: F + 'USER app\nRUN sudo apt-get update\n',
      errors: [{ line: 3, column: 5, message: 'USER root' }],
      output: null,
    },
    {
      name: 'back to root later in the stage',
      code: F + 'USER app\nUSER root\nRUN sudo apt-get update\n',
      errors: [{ line: 4, column: 5 }],
      output: F + 'USER app\nUSER root\nRUN apt-get update\n',
    },
    {
      name: 'sudo -u to another user: no fix',
      code: 'FROM archlinux:base\nRUN sudo -u builduser bash -c makepkg\n',
      errors: [{ line: 2, column: 5, message: 'USER builduser' }],
      output: null,
    },
    {
      name: 'sudo -S reads stdin: no fix',
      code: F + 'RUN echo pw | sudo -S apt-get update\n',
      errors: [{ line: 2, column: 15 }],
      output: null,
    },
    {
      name: 'heredoc script',
      code: F + 'RUN <<EOF\nsudo apt-get update\nEOF\n',
      errors: [{ line: 3, column: 1, endColumn: 5 }],
      output: F + 'RUN <<EOF\napt-get update\nEOF\n',
    },
  ],
});
