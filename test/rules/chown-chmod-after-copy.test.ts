import rule from '../../shared-rules/rules/size/chown-chmod-after-copy';
import { ruleTester } from '../helpers/rule-tester';

const D = 'FROM debian:bookworm-slim\n';

ruleTester(rule, {
  valid: [
    { name: 'flag already used', code: `${D}COPY --chown=app:app . /app\n` },
    { name: 'chown of something else', code: `${D}COPY app.py /app/app.py\nRUN chown -R app /data\n` },
    { name: 'a RUN in between', code: `${D}COPY app.py /app/app.py\nRUN echo hi\nRUN chmod 755 /app/app.py\n` },
    { name: 'parent directory of the copy', code: `${D}COPY app.py /app/app.py\nRUN chown -R app /app\n` },
    { name: 'build stage not in the image', code: `${D.trim()} AS build\nCOPY app.py /app.py\nRUN chmod 755 /app.py\nFROM scratch\nCOPY --from=build /app.py /app.py\n` },
    { name: 'after cd', code: `${D}COPY run.sh /app/run.sh\nRUN cd /tmp && chmod 755 /app/run.sh\n` },
  ],
  invalid: [
    {
      name: 'octal chmod of a copied file: the RUN goes',
      code: `${D}COPY entrypoint.sh /usr/local/bin/entrypoint.sh\nRUN chmod 755 /usr/local/bin/entrypoint.sh\n`,
      errors: [{ line: 3, column: 5, endColumn: 10, message: 'COPY on line 2' }],
      output: `${D}COPY --chmod=755 entrypoint.sh /usr/local/bin/entrypoint.sh\n`,
      safe: true,
    },
    {
      name: 'chown -R of a new directory with user:group',
      code: `${D}COPY src /srv/app\nRUN chown -R app:app /srv/app\n`,
      errors: [{ line: 3, column: 5 }],
      output: `${D}COPY --chown=app:app src /srv/app\n`,
      safe: true,
    },
    {
      name: 'user without group keeps group root',
      code: `${D}COPY --from=build /out/app /usr/local/bin/app\nRUN chown -R app /usr/local/bin/app && /usr/local/bin/app --version\n`,
      errors: [{ line: 3, column: 5 }],
      output: `${D}COPY --chown=app:0 --from=build /out/app /usr/local/bin/app\nRUN /usr/local/bin/app --version\n`,
      safe: true,
    },
    {
      name: 'WORKDIR made the directory: unsafe',
      code: `${D}WORKDIR /app\nCOPY . .\nRUN chown -R app:app /app\n`,
      errors: [{ line: 4, column: 5 }],
      output: `${D}WORKDIR /app\nCOPY --chown=app:app . .\n`,
      safe: false,
    },
    {
      name: 'symbolic mode: unsafe (syntax 1.14)',
      code: `${D}COPY run.sh /run.sh\nRUN chmod +x /run.sh\n`,
      errors: [{ line: 3, column: 5 }],
      output: `${D}COPY --chmod=+x run.sh /run.sh\n`,
      safe: false,
    },
    {
      name: 'existing flag value is replaced',
      code: `${D}COPY --chmod=644 run.sh /run.sh\nRUN chmod 755 /run.sh\n`,
      errors: [{ line: 3, column: 5 }],
      output: `${D}COPY --chmod=755 run.sh /run.sh\n`,
    },
    {
      name: 'consecutive RUNs that only chmod: both found, both folded',
      code: `${D}ADD start.sh /start.sh\nADD config.sh /config.sh\nRUN chmod 755 /start.sh\nRUN chmod 755 /config.sh\n`,
      errors: [{ line: 4, column: 5 }, { line: 5, column: 5 }],
      output: `${D}ADD --chmod=755 start.sh /start.sh\nADD --chmod=755 config.sh /config.sh\n`,
      safe: true,
    },
    {
      name: 'directory without -R: no fix',
      code: `${D}COPY conf/ /etc/myapp/\nRUN chmod 700 /etc/myapp\n`,
      errors: [{ line: 3, column: 5 }],
      output: null,
    },
    {
      name: 'other commands first: no fix',
      code: `${D}COPY . /app\nRUN make -C /app && chown -R app /app\n`,
      errors: [{ line: 3, column: 21 }],
      output: null,
    },
    {
      name: 'one COPY of two files, only one changed: no fix',
      code: `${D}COPY a.sh b.sh /bin/\nRUN chmod 755 /bin/a.sh\n`,
      errors: [{ line: 3, column: 5 }],
      output: null,
    },
  ],
});
