import rule from '../../shared-rules/rules/cache/copy-before-dependency-install';
import { ruleTester } from '../helpers/rule-tester';

const N = 'FROM node:22-slim\nWORKDIR /app\n';

ruleTester(rule, {
  valid: [
    { name: 'manifests first', code: `${N}COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n` },
    { name: 'install elsewhere', code: `${N}COPY . /srv/site\nRUN cd /opt/tool && npm ci\n` },
    { name: 'global install is no dependency step', code: `${N}COPY . .\nRUN npm install -g typescript\n` },
    { name: 'deps resolved before: mvn package is the build', code: 'FROM maven:3-eclipse-temurin-21\nWORKDIR /src\nCOPY pom.xml .\nRUN mvn dependency:go-offline\nCOPY . .\nRUN mvn package\n' },
    { name: 'copy from a stage', code: `${N}COPY --from=build . .\nRUN npm ci\n` },
  ],
  invalid: [
    {
      name: 'npm ci right after: manifests from the context',
      code: `${N}COPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n`,
      host: { contextEntries: ['package.json', 'package-lock.json', '.npmrc', 'src'] },
      errors: [{ line: 3, column: 6, endColumn: 7, message: '`npm ci` on line 4' }],
      output: `${N}COPY package.json package-lock.json .npmrc ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n`,
      safe: true,
    },
    {
      name: 'unknown context: npm install takes package*.json; ENV in between stays',
      code: 'FROM node:22-slim\nCOPY . /app\nWORKDIR /app\nENV NODE_ENV=production\nRUN npm install\n',
      errors: [{ line: 2, column: 6 }],
      output: 'FROM node:22-slim\nCOPY package*.json /app/\nWORKDIR /app\nENV NODE_ENV=production\nRUN npm install\nCOPY . /app\n',
    },
    {
      name: 'install first in a longer RUN: split it',
      code: 'FROM golang:1.25\nWORKDIR /src\nCOPY . .\nRUN go mod download && go build -o /out/app .\n',
      errors: [{ line: 3, column: 6 }],
      output: 'FROM golang:1.25\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /out/app .\n',
      safe: true,
    },
    {
      name: 'pip with cd in the RUN',
      code: 'FROM python:3.13-slim\nADD . /src\nRUN cd /src; pip install -r requirements.txt\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM python:3.13-slim\nADD requirements.txt /src/\nRUN cd /src; pip install -r requirements.txt\nADD . /src\n',
    },
    {
      name: 'a RUN in between: no fix',
      code: `${N}COPY . .\nRUN ls\nRUN npm ci\n`,
      errors: [{ line: 3, column: 6 }],
      output: null,
    },
    {
      name: 'mvn package builds the project: no fix',
      code: 'FROM maven:3-eclipse-temurin-21\nWORKDIR /src\nCOPY . .\nRUN mvn -B package\n',
      errors: [{ line: 3, column: 6, message: 'copy the dependency manifests first' }],
      output: null,
    },
  ],
});
