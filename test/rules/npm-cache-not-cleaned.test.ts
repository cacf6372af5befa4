import rule from '../../shared-rules/rules/size/npm-cache-not-cleaned';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nRUN npm ci && npm cache clean --force\n',
    { name: 'rm of ~/.npm', code: 'FROM node:22-slim\nRUN npm install -g pm2 && rm -rf ~/.npm\n' },
    { name: 'cache mount', code: 'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\n' },
    { name: 'yarn cache clean', code: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
    { name: 'rm of yarn cache dir', code: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && rm -rf "$(yarn cache dir)"\n' },
    { name: 'yarn berry: the cache is the install', code: 'FROM node:22-slim\nCOPY .yarnrc.yml package.json yarn.lock ./\nRUN yarn install --immutable\n' },
    { name: 'npm run is not an install', code: 'FROM node:22-slim\nRUN npm run build\n' },
    { name: 'build stage not in the image', code: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nRUN npm ci --omit=dev\n',
      errors: [{ line: 2, column: 9, endColumn: 11 }],
      output: 'FROM node:22-slim\nRUN npm ci --omit=dev && npm cache clean --force\n',
      safe: true,
    },
    {
      name: 'yarn 1 (frozen-lockfile): safe yarn cache clean',
      code: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile\n',
      errors: [{ line: 2, column: 10, endColumn: 17 }],
      output: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
      safe: true,
    },
    {
      name: 'bare yarn, version unknown: unsafe',
      code: 'FROM node:22-slim\nRUN yarn\n',
      errors: [{ line: 2, column: 5, endColumn: 9 }],
      output: 'FROM node:22-slim\nRUN yarn && yarn cache clean\n',
      safe: false,
    },
    {
      name: 'global install through sudo',
      code: 'FROM node:22-slim\nRUN sudo npm i -g typescript\n',
      errors: [{ line: 2, column: 14, endColumn: 15 }],
      output: 'FROM node:22-slim\nRUN sudo npm i -g typescript && npm cache clean --force\n',
    },
  ],
});
