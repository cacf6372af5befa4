import rule from '../../shared-rules/rules/security/download-without-checksum';
import { ruleTester } from '../helpers/rule-tester';

const F = 'FROM debian:bookworm-slim\n';

ruleTester(rule, {
  valid: [
    { name: 'sha256sum -c', code: F + 'RUN curl -fsSLo /tmp/x.tar.gz https://e.com/x.tar.gz && echo "abc  /tmp/x.tar.gz" | sha256sum -c - && tar -xzf /tmp/x.tar.gz\n' },
    { name: 'gpg --verify (docker-library style)', code: F + 'RUN set -eux; \\\n  wget -O python.tar.xz "https://www.python.org/ftp/python/3.13.1/Python-3.13.1.tar.xz"; \\\n  wget -O python.tar.xz.asc "https://www.python.org/ftp/python/3.13.1/Python-3.13.1.tar.xz.asc"; \\\n  gpg --batch --verify python.tar.xz.asc python.tar.xz\n' },
    { name: 'shasum -a 256 -c', code: 'FROM alpine:3.22\nRUN wget -O /tmp/n.zip https://e.com/n.zip && echo "abc  /tmp/n.zip" | shasum -a 256 -c\n' },
    { name: 'cosign verify-blob', code: F + 'RUN curl -fsSLo /usr/local/bin/tool https://e.com/tool && cosign verify-blob --signature tool.sig /usr/local/bin/tool\n' },
    { name: 'not an archive or binary: keys, pages, scripts, checksums', code: F + 'RUN curl -fsSL https://e.com/key.asc -o /etc/apt/keyrings/x.asc && curl -fsSLO https://e.com/SHA256SUMS && curl -s https://api.github.com/repos/o/r/releases/latest\n' },
    { name: 'URL pinned to a commit', code: F + 'ENV DIND_COMMIT=8d9e3502aba39127e4d12196dae16d306f76993d\nRUN wget -O /usr/local/bin/dind "https://raw.githubusercontent.com/docker/docker/${DIND_COMMIT}/hack/dind"\n' },
    { name: 'pipe into a non-extractor', code: F + 'RUN curl -fsSL https://e.com/data | jq .\n' },
    { name: 'windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN curl -o x.zip https://e.com/x.zip\n' },
  ],
  invalid: [
    {
      code: F + 'RUN curl -fsSLo /tmp/tool.tar.gz https://example.com/tool-1.2.tar.gz && tar -xzf /tmp/tool.tar.gz\n',
      errors: [{ line: 2, column: 34, endColumn: 69, message: '`/tmp/tool.tar.gz`' }],
      output: null,
    },
    {
      name: 'piped into tar, URL with a variable',
      code: F + 'RUN curl -sSL https://github.com/o/r/releases/download/v$V/r-$V.tar.gz | tar xz --strip 1\n',
      errors: [{ line: 2, column: 15, endColumn: 71, message: '`r-$V.tar.gz`' }],
    },
    {
      name: 'binary into /usr/local/bin, wget -O',
      code: F + 'RUN wget -q -O /usr/local/bin/yq "https://e.com/yq_linux_amd64" && chmod +x /usr/local/bin/yq\n',
      errors: [{ line: 2, column: 34, endColumn: 64, message: '`/usr/local/bin/yq`' }],
    },
    {
      name: 'remote name, .deb; the checksum in another RUN does not count',
      code: F + 'RUN curl -fsSLO https://e.com/pkg_1.0_amd64.deb && dpkg -i pkg_1.0_amd64.deb\nRUN sha256sum pkg_1.0_amd64.deb\n',
      errors: [{ line: 2, column: 17, endColumn: 48, message: '`pkg_1.0_amd64.deb`' }],
    },
  ],
});
