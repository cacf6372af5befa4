import rule from '../../shared-rules/rules/security/secret-in-env-or-arg';
import { ruleTester } from '../helpers/rule-tester';

const F = 'FROM debian:bookworm-slim\n';

ruleTester(rule, {
  valid: [
    { name: 'GPG_KEY fingerprint (docker-library python)', code: 'FROM alpine:3.22\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
    { name: 'GPG_KEYS list (php)', code: 'FROM alpine:3.22\nENV GPG_KEYS 1198C0117593497A5EC5C199286AF1F9897469DC 49D9AF6BC72A80D6691719C8AA23F5BE9C7097D4\n' },
    { name: 'qualified GPG key', code: F + 'ENV JENKINS_GPG_KEY=5E386EADB55F01504CAE8BCF7198F4B714ABFC68 WORDPRESS_CLI_GPG_KEY=63AF7AA15067C05616FDDD88A3A2E8F226F0BC06\n' },
    { name: 'ARG GPG_KEY', code: F + 'ARG GPG_KEY=586EFEF859AF2DB190D84080BDB2011E173C31A2\n' },
    { name: 'key ids', code: F + 'ENV RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA OPENSSL_PGP_KEY_IDS="0xBA5473A2B0587B07FB27CF2D216094DFD0CB81EF"\n' },
    { name: 'AWS access key id is not the secret', code: F + 'ARG AWS_ACCESS_KEY_ID\n' },
    { name: 'public key', code: F + 'ENV PUBLIC_KEY=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n' },
    { name: 'keyring and keyserver', code: F + 'ARG DOCKER_HARDENED_IMAGES_KEYRING_VERSION=main\nARG PGP_KEYSERVER=keyserver.ubuntu.com\n' },
    { name: 'checksums', code: F + 'ENV NODE_SHA256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef TOKEN_CHECKSUM=abc\n' },
    { name: 'URL names', code: F + 'ENV TOKEN_URL=https://auth.example.com/token SECRET_ENDPOINT=https://vault.local\n' },
    { name: '_FILE points to a file', code: F + 'ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password MYSQL_ROOT_PASSWORD_FILE=/run/secrets/root\n' },
    { name: 'path values', code: F + 'ENV NGROK_SERVER_KEY assets/server/tls/snakeoil.key\nENV SSL_KEY=/etc/ssl/private/server.key\n' },
    { name: 'empty values', code: F + 'ENV PASSWORD=\nENV HUBOT_SLACK_TOKEN=""\n' },
    { name: '${} references', code: F + 'ARG DB_PASS_ARG\nENV DB_PASSWORD=${DB_PASS_ARG}\nENV API_TOKEN=$TOKEN_FROM_ARG\n' },
    { name: 'switches', code: F + 'ENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=1\nENV ANSIBLE_HOST_KEY_CHECKING=False\n' },
    { name: 'versions and unrelated words', code: F + 'ENV KEEPASSXC_VERSION=2.5.4 DOCKER_AUTH_VERSION=1.5.0 OAUTH2_PROXY_VERSION=v5.1.1 KEYSIZE=4096 TOKENIZERS_PARALLELISM=false\n' },
    { name: 'placeholders', code: F + 'ENV MTP_SECRET 00000000000000000000000000000000\nENV TOKEN=00000000-0000-0000-0000-000000000000\nENV sa_password="_"\n' },
    { name: 'plain KEY with a non-random value', code: F + 'ENV KEY=FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000000000000000000000000000\nENV CACHE_KEY=v1\n' },
    { name: 'ssh public key', code: F + 'ENV SSH_KEY="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx3 user@host"\n' },
    { name: 'random value under an unrelated name', code: F + 'ENV POWERSHELL_DISTRIBUTION_CHANNEL=PSDocker-Ubuntu-22.04 BUILD_ID=a8Fk2LmQ9xZp4RtW7vYb\n' },
    { name: 'password word inside a value', code: F + 'ENV AIRFLOW_EXTRAS=async,crypto,ldap,password,ssh\n' },
    { name: 'URL with a user but no password', code: F + 'ENV GIT_URL=https://git@github.com/org/repo.git\n' },
    { name: 'URL with a variable password', code: F + 'ENV PIP_INDEX_URL=https://user:${PIP_TOKEN}@pypi.example.com/simple\n' },
  ],
  invalid: [
    {
      name: 'ARG token without default: fix to a secret mount',
      code: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 14, message: 'secret mount' }],
      output: '# syntax=docker/dockerfile:1\nFROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
      safe: false,
    },
    {
      name: 'every RUN that uses it gets the mount; an existing syntax line is kept',
      code: '# syntax=docker/dockerfile:1.10\nFROM alpine:3.22\nARG GITHUB_TOKEN\nRUN --network=default git clone https://x:$GITHUB_TOKEN@github.com/o/r\nRUN echo done\nRUN curl -H "Authorization: token ${GITHUB_TOKEN}" https://api.github.com\n',
      errors: [{ line: 3, column: 5, endColumn: 17 }],
      output: '# syntax=docker/dockerfile:1.10\nFROM alpine:3.22\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN --network=default git clone https://x:$GITHUB_TOKEN@github.com/o/r\nRUN echo done\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN curl -H "Authorization: token ${GITHUB_TOKEN}" https://api.github.com\n',
    },
    {
      name: 'heredoc RUN',
      code: 'FROM alpine:3.22\nARG NPM_TOKEN\nRUN <<EOF\necho $NPM_TOKEN\nEOF\n',
      errors: [{ line: 2, column: 5, endColumn: 14 }],
      output: '# syntax=docker/dockerfile:1\nFROM alpine:3.22\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN <<EOF\necho $NPM_TOKEN\nEOF\n',
    },
    {
      name: 'ARG used outside RUN: no fix',
      code: F + 'ARG API_KEY\nENV API_KEY_COPY=$API_KEY\nRUN echo $API_KEY\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
      output: null,
    },
    {
      name: 'ARG with a default: no fix',
      code: F + 'ARG AWS_SECRET_ACCESS_KEY=FAKE_TO_GENERATE_WARNING_OUTPUT\nRUN aws s3 ls\n',
      errors: [{ line: 2, column: 5, endColumn: 26, message: 'build arguments are recorded' }],
      output: null,
    },
    {
      name: 'global ARG: no fix',
      code: 'ARG DEPLOY_TOKEN\n' + F + 'RUN echo hi\n',
      errors: [{ line: 1, column: 5, endColumn: 17 }],
      output: null,
    },
    {
      name: 'ENV passwords with literal values, legacy and key=value forms',
      code: F + 'ENV POSTGRES_PASSWORD=hunter2\nENV MAIL_PASS admin\nENV LDAP_ROOTPASS=fsociety LDAP_DOMAIN=example.org\n',
      errors: [
        { line: 2, column: 5, endColumn: 22, message: 'ENV values are stored' },
        { line: 3, column: 5, endColumn: 14 },
        { line: 4, column: 5, endColumn: 18 },
      ],
      output: null,
    },
    {
      name: 'secret key names',
      code: F + 'ENV DJANGO_SECRET_KEY="k8#2@x!z" SECRET_KEY_BASE=abc123\n',
      errors: [
        { line: 2, column: 5, endColumn: 22 },
        { line: 2, column: 34, endColumn: 49 },
      ],
    },
    {
      name: 'legacy form value with a secret-qualified key',
      code: F + 'ENV LICENSE_KEY lgNvGyhnUKpa5PJi\n',
      errors: [{ line: 2, column: 5, endColumn: 16 }],
    },
    {
      name: 'camelCase and continuation lines',
      code: F + 'ENV A=1 \\\n    apiKey=9f8e7d6c5b4a \\\n    B=2\n',
      errors: [{ line: 3, column: 5, endColumn: 11 }],
    },
    {
      name: 'plain KEY with a random-looking value',
      code: F + 'ENV ENCRYPTION=aes KEY=q8ZtR3mK9vLx2WpB7nYc4Hf\n',
      errors: [{ line: 2, column: 24, endColumn: 47, message: 'random-looking' }],
    },
    {
      name: 'known token formats under any name (value range)',
      code: F + 'ENV GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789 AWS=AKIAIOSFODNN7EXAMPLE\n',
      errors: [
        { line: 2, column: 8, endColumn: 48, message: 'GitHub token' },
        { line: 2, column: 53, endColumn: 73, message: 'AWS access key' },
      ],
    },
    {
      name: 'password inside a URL',
      code: F + 'ENV PIP_INDEX_URL=https://deploy:s3cr3tpass@pypi.example.com/simple\n',
      errors: [{ line: 2, column: 19, message: 'password in a URL' }],
    },
    {
      name: 'private key block',
      code: F + 'ARG DEPLOY="-----BEGIN OPENSSH PRIVATE KEY-----"\n',
      errors: [{ line: 2, column: 12, message: 'private key' }],
    },
    {
      name: 'ssh key argument',
      code: F + 'ARG SSH_PRIVATE_KEY\nARG SSH_KEY\n',
      errors: [{ line: 2, column: 5 }, { line: 3, column: 5 }],
    },
  ],
});
