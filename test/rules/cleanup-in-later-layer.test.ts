import assert from 'node:assert/strict';
import { Linter } from '../../shared-rules/engine/lint';
import rule from '../../shared-rules/rules/size/cleanup-in-later-layer';
import { ruleTester } from '../helpers/rule-tester';

const D = 'FROM debian:bookworm-slim\n';

ruleTester(rule, {
  valid: [
    { name: 'cleaned in the same RUN', code: `${D}RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n` },
    { name: 'deletes what the base image shipped', code: `${D}RUN rm -rf /usr/share/doc\n` },
    { name: 'already cleaned where created', code: `${D}RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\n` },
    { name: 'cache mount keeps the lists out of the layer', code: `${D}RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n` },
    { name: 'build stage not in the image', code: `${D.trim()} AS build\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nFROM scratch\nCOPY --from=build /etc/os-release /x\n` },
    { name: 'empty directory from mkdir', code: `${D}RUN mkdir -p /app/tmp\nRUN rm -rf /app/tmp\n` },
    { name: 'copied archive: archive-copied-then-extracted', code: `${D}COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n` },
    { name: 'overlay into a system directory', code: `${D}COPY rootfs/ /\nRUN rm -f /etc/nginx/conf.d/default.conf\n` },
    { name: 'deletes before creating again', code: `${D}RUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n` },
  ],
  invalid: [
    {
      name: 'apt lists removed in the next RUN: the RUN goes',
      code: `${D}RUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n`,
      errors: [{ line: 3, column: 12, endColumn: 32, message: 'created by the RUN on line 2' }],
      output: `${D}RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n`,
      safe: true,
    },
    {
      name: 'the deleting RUN still uses the download: unsafe',
      code: `${D}RUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz\nRUN tar -xzf /tmp/app.tgz -C /opt && rm /tmp/app.tgz\n`,
      errors: [{ line: 3, column: 41, endColumn: 53 }],
      output: `${D}RUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz && rm /tmp/app.tgz\nRUN tar -xzf /tmp/app.tgz -C /opt\n`,
      safe: false,
    },
    {
      name: 'package purged after another RUN: unsafe',
      code: `${D}RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN make\nRUN apt-get purge -y gcc\n`,
      errors: [{ line: 4, column: 22, endColumn: 25, message: 'package gcc' }],
      output: `${D}RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/* && apt-get purge -y gcc\nRUN make\n`,
      safe: false,
    },
    {
      name: 'the rest of the deleting RUN stays',
      code: `${D}RUN git clone https://github.com/x/repo.git /src\nRUN echo done && rm -rf /src\n`,
      errors: [{ line: 3, column: 25 }],
      output: `${D}RUN git clone https://github.com/x/repo.git /src && rm -rf /src\nRUN echo done\n`,
      safe: true,
    },
    {
      name: 'relative path under the same WORKDIR',
      code: `${D}WORKDIR /tmp\nRUN wget https://example.com/y.zip\nRUN rm y.zip\n`,
      errors: [{ line: 4, column: 8, endColumn: 13 }],
      output: `${D}WORKDIR /tmp\nRUN wget https://example.com/y.zip && rm y.zip\n`,
      safe: true,
    },
    {
      name: 'heredoc script gets a new line',
      code: `${D}RUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN rm -rf /var/lib/apt/lists/*\n`,
      errors: [{ line: 6, column: 12 }],
      output: `${D}RUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n`,
      safe: true,
    },
    {
      name: 'created in the stage the image builds on',
      code: `${D.trim()} AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN rm -rf /var/lib/apt/lists/*\n`,
      errors: [{ line: 4, column: 12 }],
      output: `${D.trim()} AS base\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM base\n`,
    },
    {
      name: 'context files: .dockerignore, no text fix',
      code: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN rm -rf /app/.git\n',
      errors: [{ line: 4, column: 12, endColumn: 21, message: 'came in with the COPY on line 3' }],
      output: null,
    },
    {
      name: 'copied only to be deleted',
      code: `${D}COPY install.sh /tmp/\nRUN sh /tmp/install.sh && rm /tmp/install.sh\n`,
      errors: [{ line: 3, column: 30, message: 'bind mount' }],
      output: null,
    },
  ],
});

describe('rule cleanup-in-later-layer: .dockerignore fix', () => {
  it('adds the context path the COPY brought in', () => {
    const found = new Linter([rule]).lintText('FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN rm -rf /app/.git\n').findings;
    assert.deepEqual(found[0].fixes.map((f) => ({ title: f.title, safe: f.safe, edits: f.edits, files: f.createFiles })), [
      { title: 'Add `.git` to .dockerignore', safe: false, edits: [], files: [{ path: '.dockerignore', content: '.git\n' }] },
    ]);
  });
});
