import { Arg, Instruction } from '../model/types';

export interface CopyArgs {
  /** Source arguments (heredoc markers left out). */
  sources: Arg[];
  dest: Arg | undefined;
}

/** Sources and destination of a COPY or ADD. */
export function copyArgs(instr: Instruction): CopyArgs {
  const args = instr.jsonForm ? instr.args : instr.args.filter((a) => !/^<<-?/.test(a.raw));
  if (args.length < 2) return { sources: [], dest: args[0] };
  return { sources: args.slice(0, -1), dest: args[args.length - 1] };
}

/** `http://`, `https://` and `git@`/`.git` sources that ADD fetches itself. */
export function isRemoteSource(value: string): boolean {
  return /^(https?|ftp):\/\//i.test(value) || isGitSource(value);
}

export function isGitSource(value: string): boolean {
  return /^git@|^git:\/\/|^ssh:\/\//i.test(value) || /^https?:\/\/[^#]*\.git(#.*)?$/i.test(value) || /^https?:\/\/[^#]*\.git\/?#/.test(value);
}

/** File names ADD may unpack: tar, optionally gzip/bzip2/xz/zstd compressed. */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|tlz|taz|gz|bz2|xz|zst|lz|lzma|z)$/i;

export function looksLikeArchive(value: string): boolean {
  return ARCHIVE.test(value.replace(/\/+$/, ''));
}
