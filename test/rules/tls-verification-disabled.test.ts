import rule from '../../shared-rules/rules/security/tls-verification-disabled';
import { ruleTester } from '../helpers/rule-tester';

const F = 'FROM debian:bookworm-slim\n';
const A = 'FROM alpine:3.22\n';
const R = 'FROM rockylinux:9\n';

ruleTester(rule, {
  valid: [
    F + 'RUN curl -fsSL https://e.com/x -o /tmp/x\n',
    { name: 'k as an option value, -K config', code: F + 'RUN curl -fsSLo k https://e.com/x && curl -K /etc/curl.cfg -H "X-k: 1" https://e.com\n' },
    { name: 'variables that keep verification on or are empty', code: F + 'ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PIP_TRUSTED_HOST= GOINSECURE=""\nARG GIT_SSL_NO_VERIFY\n' },
    { name: 'git sslVerify true, npm registry', code: F + 'RUN git config --global http.sslVerify true && npm config set registry https://r.example.com\n' },
    { name: 'local apk packages built earlier (nginx modules)', code: A + 'RUN apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-geoip-1.27.0-r1.apk\n' },
    { name: 'local apt repository (docker-library postgres)', code: F + 'RUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list\n' },
    { name: 'other apt options', code: F + 'RUN apt-get install -y --allow-downgrades --no-install-recommends curl\n' },
    { name: 'exec form and CMD are not RUN scripts', code: F + 'RUN ["curl", "-k", "https://e.com"]\nCMD curl -k https://e.com\n' },
  ],
  invalid: [
    {
      name: 'curl -k inside a cluster: only the letter goes',
      code: F + 'RUN curl -kfsSLo /tmp/app.deb https://example.com/app.deb\n',
      errors: [{ line: 2, column: 11, endColumn: 12, message: '`curl -k`' }],
      output: F + 'RUN curl -fsSLo /tmp/app.deb https://example.com/app.deb\n',
      safe: false,
    },
    {
      name: 'curl -k alone and --insecure',
      code: F + 'RUN curl -k https://e.com/a && curl --insecure -fsSL https://e.com/b | tar -xz\n',
      errors: [{ line: 2, column: 10, endColumn: 12 }, { line: 2, column: 37, endColumn: 47 }],
      output: F + 'RUN curl https://e.com/a && curl -fsSL https://e.com/b | tar -xz\n',
    },
    {
      name: 'a flag alone on a continuation line: the line goes',
      code: F + 'RUN curl \\\n    -k \\\n    -o /x https://e.com/x\n',
      errors: [{ line: 3, column: 5, endColumn: 7 }],
      output: F + 'RUN curl \\\n    -o /x https://e.com/x\n',
    },
    {
      name: 'a flag ending the instruction: no dangling backslash',
      code: F + 'RUN wget -O /x https://e.com/x \\\n    --no-check-certificate\nRUN echo next\n',
      errors: [{ line: 3, column: 5, endColumn: 27, message: '`wget --no-check-certificate`' }],
      output: F + 'RUN wget -O /x https://e.com/x\nRUN echo next\n',
    },
    {
      name: 'pip --trusted-host with its value, python -m pip --trusted-host=',
      code: F + 'RUN pip install --trusted-host pypi.internal -i http://pypi.internal/simple x\nRUN python3 -m pip install --trusted-host=pypi.internal y\n',
      errors: [{ line: 2, column: 17, endColumn: 45, message: '`pip --trusted-host`' }, { line: 3, column: 28, endColumn: 56 }],
      output: F + 'RUN pip install -i http://pypi.internal/simple x\nRUN python3 -m pip install y\n',
    },
    {
      name: 'ENV and ARG: the pair or the instruction goes',
      code: F + 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0\nENV A=1 GIT_SSL_NO_VERIFY=false\nARG PIP_TRUSTED_HOST=pypi.internal\nENV GOINSECURE example.com/*\n',
      errors: [
        { line: 2, column: 5, endColumn: 35, message: '`NODE_TLS_REJECT_UNAUTHORIZED=0`' },
        { line: 3, column: 9, endColumn: 32, message: '`GIT_SSL_NO_VERIFY`' },
        { line: 4, column: 5, endColumn: 35 },
        { line: 5, column: 5, endColumn: 29 },
      ],
      output: F + 'ENV A=1\n',
    },
    {
      name: 'pairs on continuation lines and a command ending the RUN',
      code: A + 'ENV A=1 \\\n    GIT_SSL_NO_VERIFY=1 \\\n    B=2\nENV C=1 \\\n    GOINSECURE=x\nRUN echo a && \\\n  npm config set strict-ssl false\n',
      errors: [{ line: 3, column: 5, endColumn: 24 }, { line: 6, column: 5, endColumn: 17 }, { line: 8, column: 18, endColumn: 28 }],
      output: A + 'ENV A=1 \\\n    B=2\nENV C=1\nRUN echo a\n',
    },
    {
      name: 'RUN prefix assignment and export',
      code: F + 'RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\nRUN export GIT_SSL_NO_VERIFY=1 && git clone https://e.com/r\n',
      errors: [{ line: 2, column: 5, endColumn: 35 }, { line: 3, column: 12, endColumn: 31 }],
      output: F + 'RUN npm ci\nRUN git clone https://e.com/r\n',
    },
    {
      name: 'config commands: the command goes, or the whole RUN',
      code: F + 'RUN npm config set strict-ssl false && npm ci\nRUN git config --global http.sslVerify false\nRUN git -c http.sslVerify=false clone https://e.com/r\n',
      errors: [{ line: 2, column: 20, endColumn: 30 }, { line: 3, column: 25, endColumn: 39 }, { line: 4, column: 12, endColumn: 32 }],
      output: F + 'RUN npm ci\nRUN git clone https://e.com/r\n',
    },
    {
      name: 'apk and apt',
      code: A + 'RUN wget -q https://e.com/glibc.apk && apk add --allow-untrusted glibc.apk\n',
      errors: [{ line: 2, column: 48, endColumn: 65, message: '`apk --allow-untrusted`' }],
      output: A + 'RUN wget -q https://e.com/glibc.apk && apk add glibc.apk\n',
    },
    {
      name: 'apt-get --allow-unauthenticated; --force-yes becomes -y when nothing else answers',
      code: F + 'RUN apt-get install -y --allow-unauthenticated a && apt-get install --force-yes b && apt-get install -y --force-yes c\n',
      errors: [{ line: 2, column: 24, endColumn: 47 }, { line: 2, column: 69, endColumn: 80 }, { line: 2, column: 105, endColumn: 116 }],
      output: F + 'RUN apt-get install -y a && apt-get install -y b && apt-get install -y c\n',
    },
    {
      name: 'dnf, yum --setopt, rpm',
      code: R + 'RUN dnf install -y --nogpgcheck x && yum --setopt=sslverify=false install -y y && rpm -i --nosignature z.rpm\n',
      errors: [{ line: 2, column: 20, endColumn: 32 }, { line: 2, column: 42, endColumn: 66 }, { line: 2, column: 90, endColumn: 103 }],
      output: R + 'RUN dnf install -y x && yum install -y y && rpm -i z.rpm\n',
    },
    {
      name: 'text written into config files: reported without a fix',
      code: R + 'RUN echo "sslverify=0" >> /etc/yum.conf\nRUN echo \'deb [ allow-insecure=yes trusted=yes ] https://apt.example.com/moby trixie main\' > /etc/apt/sources.list.d/moby.list\nRUN echo insecure >> ~/.curlrc\n',
      errors: [{ line: 2, column: 10, endColumn: 23 }, { line: 3, column: 10 }, { line: 4, column: 10, endColumn: 18 }],
      output: null,
    },
  ],
});
