import rule from '../../shared-rules/rules/cache/volatile-instruction-early';
import { ruleTester } from '../helpers/rule-tester';

const D = 'FROM debian:bookworm-slim\nWORKDIR /app\n';
const APT = 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*';

ruleTester(rule, {
  valid: [
    { name: 'installs first', code: `${D}${APT}\nCOPY . .\n` },
    { name: 'only metadata below', code: `${D}COPY . .\nEXPOSE 8080\nENV PORT=8080\n` },
    { name: 'the RUN uses the copied files', code: `${D}COPY . .\nRUN make install\n` },
    { name: 'USER in between', code: `${D}COPY . .\nUSER root\n${APT}\n` },
    { name: 'the ARG is used', code: `${D}ARG GIT_COMMIT\nRUN apt-get update && apt-get install -y "tool=$GIT_COMMIT"\n` },
    { name: 'named files are not volatile', code: `${D}COPY entrypoint.sh /\n${APT}\n` },
    { name: 'another RUN in between', code: `${D}COPY . .\nRUN ./configure\n${APT}\n` },
  ],
  invalid: [
    {
      name: 'COPY . above an install',
      code: `${D}COPY . .\n${APT}\nCMD ["./run.sh"]\n`,
      errors: [{ line: 3, column: 6, endColumn: 7, message: 'RUN on line 4' }],
      output: `${D}${APT}\nCOPY . .\nCMD ["./run.sh"]\n`,
      safe: true,
    },
    {
      name: 'ENV and LABEL move along; its comment stays on top',
      code: `${D}# sources\nCOPY src /app/src\nLABEL org.opencontainers.image.title=demo\nENV LANG=C.UTF-8\n${APT}\n`,
      errors: [{ line: 4, column: 6, endColumn: 9 }],
      output: `${D}LABEL org.opencontainers.image.title=demo\nENV LANG=C.UTF-8\n${APT}\n# sources\nCOPY src /app/src\n`,
    },
    {
      name: 'last line without a newline moves',
      code: `${D}COPY . .\n${APT}`,
      errors: [{ line: 3, column: 6 }],
      output: `${D}${APT}\nCOPY . .`,
    },
    {
      name: 'build-specific ARG',
      code: `${D}ARG BUILD_DATE\nRUN apk add --no-cache curl\nLABEL org.opencontainers.image.created=$BUILD_DATE\n`,
      errors: [{ line: 3, column: 5, endColumn: 15, message: '`ARG BUILD_DATE`' }],
      output: `${D}RUN apk add --no-cache curl\nARG BUILD_DATE\nLABEL org.opencontainers.image.created=$BUILD_DATE\n`,
    },
    {
      name: 'ENV that redefines what the COPY uses stays; no final newline',
      code: `${D}ENV APP=/srv\nCOPY . $APP\n${APT}\nENV APP=/opt`,
      errors: [{ line: 4, column: 6 }],
      output: `${D}ENV APP=/srv\n${APT}\nCOPY . $APP\nENV APP=/opt`,
    },
  ],
});
