import rule from '../../shared-rules/rules/security/curl-pipe-shell';
import { ruleTester } from '../helpers/rule-tester';

const F = 'FROM debian:bookworm-slim\n';

ruleTester(rule, {
  valid: [
    F + 'RUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sh /tmp/i.sh\n',
    { name: 'pipe into a non-interpreter', code: F + 'RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg\n' },
    { name: 'pipe into tar', code: F + 'RUN curl -fsSL https://example.com/x.tar.gz | tar -xz -C /opt\n' },
    { name: 'shell reading a script file, not stdin', code: F + 'RUN curl -fsSL https://example.com/x | bash /opt/consume.sh\n' },
    { name: 'sh -c with a static command', code: F + 'RUN curl -fsSL https://example.com/v | sh -c "cat > /v"\n' },
    { name: 'a later pipeline is separate', code: F + 'RUN curl -fsSLo /tmp/x https://e.com/x && cat /tmp/list | sh\n' },
    { name: 'substitution used as data', code: F + 'RUN VERSION="$(curl -fsSL https://e.com/latest)" && bash /opt/install.sh "$(curl -s https://e.com/v)"\n' },
    { name: 'python running a file', code: F + 'RUN curl -fsSLo get-pip.py https://bootstrap.pypa.io/get-pip.py && python3 get-pip.py\n' },
  ],
  invalid: [
    {
      code: F + 'RUN curl -fsSL https://example.com/install.sh | sh\n',
      errors: [{ line: 2, column: 49, endColumn: 51, message: 'Do not pipe a download into `sh`' }],
      output: null,
    },
    {
      name: 'wget -O- into bash -s with arguments, via sudo',
      code: F + 'RUN wget -qO- https://example.com/i.sh | sudo -E bash -s -- --yes\n',
      errors: [{ line: 2, column: 50, endColumn: 54 }],
    },
    {
      name: 'through tee, across a continuation',
      code: F + 'RUN curl -sSL https://example.com/i.sh \\\n  | tee /tmp/i.sh | bash -\n',
      errors: [{ line: 3, column: 21, endColumn: 25 }],
    },
    {
      name: 'python and node interpreters',
      code: F + 'RUN curl -sSL https://bootstrap.pypa.io/get-pip.py | python3 && curl -sSL https://e.com/i.js | node\n',
      errors: [{ line: 2, column: 54, endColumn: 61 }, { line: 2, column: 96, endColumn: 100 }],
    },
    {
      name: 'sh -c "$(curl …)", bash <(curl …), eval',
      code: F + 'RUN sh -c "$(curl -fsSL https://e.com/i.sh)"\nRUN bash <(curl -fsSL https://e.com/i.sh)\nRUN eval "$(wget -qO- https://e.com/env)"\n',
      errors: [{ line: 2, column: 5, endColumn: 7 }, { line: 3, column: 5, endColumn: 9 }, { line: 4, column: 5, endColumn: 9 }],
    },
    {
      name: 'heredoc script',
      code: F + 'RUN <<EOF\nset -e\ncurl -fsSL https://e.com/i.sh | sh\nEOF\n',
      errors: [{ line: 4, column: 33, endColumn: 35 }],
    },
  ],
});
