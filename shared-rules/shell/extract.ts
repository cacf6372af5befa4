import { Invocation, invocation } from './commands';
import { DocWord } from './doc-nodes';
import { ShellScript, Word } from './model';

export interface Extraction {
  inv: Invocation;
  /** The archive argument. */
  archive: Word;
  /** `tar`, `unzip` … */
  tool: string;
}

const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unxz', 'bsdtar', 'jar', '7z', '7za', 'unzstd', 'zstd', 'xz']);

function tarExtracts(args: readonly Word[]): boolean {
  const first = args[0]?.value ?? '';
  if (/^[A-Za-z]+$/.test(first) && first.includes('x')) return true;
  return args.some((a) => a.value === '--extract' || a.value === '--get' || (/^-[A-Za-z]+$/.test(a.value) && a.value.includes('x')));
}

/** Every command in the script that unpacks an archive, with the argument naming it. */
export function extractions(script: ShellScript, isArchive: (w: Word) => boolean): Extraction[] {
  const out: Extraction[] = [];
  for (const cmd of script.commands) {
    const inv = invocation(cmd);
    let ok = false;
    if (inv.program === 'tar' || inv.program === 'bsdtar') ok = tarExtracts(inv.args);
    else if (inv.program === '7z' || inv.program === '7za') ok = ['x', 'e'].includes(inv.args[0]?.value ?? '');
    else if (inv.program === 'jar') ok = /^-?x/.test(inv.args[0]?.value ?? '');
    else if (inv.program === 'xz' || inv.program === 'zstd') ok = inv.args.some((a) => a.value === '-d' || a.value === '--decompress');
    else ok = UNPACKERS.has(inv.program);
    if (!ok) continue;
    for (const a of inv.args) {
      const v = a.value.startsWith('--file=') ? a.value.slice('--file='.length) : a.value;
      if (isArchive(v === a.value ? a : DocWord.of(a).retexted(a.text, v))) {
        out.push({ inv, archive: a, tool: inv.program });
        break;
      }
    }
  }
  return out;
}
