// `npm start [-- FILES…]`: builds when needed, then lints. With no arguments it
// lints the bundled sample and exits 0 whatever it finds (it is a demo); with
// arguments it behaves exactly like `layerwise lint` (exit 1 on findings).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli) || !existsSync(join(root, 'dist', 'data', 'debian-bookworm.packages'))) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 2);
}
const args = process.argv.slice(2);
const lintArgs = args.length ? ['lint', ...args] : ['lint', join('samples', 'Dockerfile'), '--fail-level', 'none'];
// npm runs scripts from the package root; INIT_CWD is where the user typed the command.
const r = spawnSync(process.execPath, [cli, ...lintArgs], { stdio: 'inherit', cwd: args.length ? process.env.INIT_CWD ?? process.cwd() : root });
process.exit(r.status ?? 2);
