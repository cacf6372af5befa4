import rule from '../../shared-rules/rules/size/build-tools-in-final-stage';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.24 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]\n',
    { name: 'apk virtual group deleted', code: 'FROM python:3.13-alpine\nCOPY requirements.txt /\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir -r /requirements.txt && apk del .build-deps\nCMD ["python", "-m", "app"]\n' },
    { name: 'apt-mark auto + purge --auto-remove idiom', code: 'FROM debian:bookworm-slim\nCOPY src /src\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc make; make -C /src; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove; rm -rf /var/lib/apt/lists/*\nCMD ["/src/app"]\n' },
    { name: 'purged by name', code: 'FROM debian:bookworm-slim\nCOPY . /src\nRUN apt-get update && apt-get install -y gcc && make -C /src && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\nCMD ["/src/app"]\n' },
    { name: 'a toolchain image on purpose (no app copied, bare shell)', code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc make libssl-dev && rm -rf /var/lib/apt/lists/*\nCMD ["bash"]\n' },
    { name: 'golang base without a build command', code: 'FROM golang:1.24\nCOPY tools.txt /\nCMD ["go", "version"]\n' },
    { name: 'build stage only', code: 'FROM debian:bookworm AS build\nCOPY . /src\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /src/app /app\nCMD ["/app"]\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      errors: [{ line: 1, column: 6, endColumn: 17, message: 'golang' }],
      output: 'FROM golang:1.24 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian13\nWORKDIR /src\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      safe: false,
    },
    {
      name: 'relative output, ENV and EXPOSE carried, CGO already off',
      code: 'FROM golang:1.24-alpine\nENV CGO_ENABLED=0 PORT=8080\nWORKDIR /app\nCOPY . .\nRUN go mod download && go build -o server ./cmd/server\nEXPOSE 8080\nENTRYPOINT ["./server"]\n',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM golang:1.24-alpine AS build\nENV CGO_ENABLED=0 PORT=8080\nWORKDIR /app\nCOPY . .\nRUN go mod download && go build -o server ./cmd/server\n\nFROM gcr.io/distroless/static-debian13\nWORKDIR /app\nENV CGO_ENABLED=0 PORT=8080\nCOPY --from=build /app/server /app/server\nEXPOSE 8080\nENTRYPOINT ["./server"]\n',
    },
    {
      name: 'shell-form CMD cannot run on distroless: no fix',
      code: 'FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD /app --port 8080\n',
      errors: [{ line: 1, column: 6 }],
      output: null,
    },
    {
      name: 'RUN after the build: no fix',
      code: 'FROM golang:1.24\nCOPY . /src\nRUN cd /src && go build -o /app .\nRUN /app --selftest\nCMD ["/app"]\n',
      errors: [{ line: 1, column: 6 }],
      output: null,
    },
    {
      name: 'installed compilers left in',
      code: 'FROM python:3.13-slim\nCOPY requirements.txt /\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && pip install --no-cache-dir -r /requirements.txt && rm -rf /var/lib/apt/lists/*\nCMD ["python", "-m", "app"]\n',
      errors: [{ line: 3, column: 66, endColumn: 69, message: 'gcc, libpq-dev are build tools' }],
      output: null,
    },
    {
      name: 'apk virtual group never deleted',
      code: 'FROM alpine:3.22\nCOPY app.c /\nRUN apk add --no-cache -t .deps build-base && cc -o /app /app.c\nCMD ["/app"]\n',
      errors: [{ line: 3, column: 33, message: 'build-base is a build tool' }],
    },
  ],
});
