// What the benchmark loads in-process: our core and the document generator,
// bundled by scripts/bench/run.mjs so the benchmark needs no tsc output.
export { defaultLinter, allRules, parseDockerfile, runScripts, Linter } from '../../shared-rules/index';
export { generateDockerfile, rng } from './generate';
export { serverProcessEnv } from '../../server/launch';
