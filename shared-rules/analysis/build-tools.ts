import { Instruction, Stage } from '../model/types';
import { apkCalls } from '../shell/apk';
import { invocation } from '../shell/commands';
import { Word } from '../shell/model';
import { aptCalls } from '../shell/package-managers';
import { RunScripts } from '../shell/run-scripts';
import { rpmCalls } from '../shell/rpm-managers';

/** Compilers, SDKs and headers: needed to build software, not to run it. */
const BUILD_PACKAGE = /^(gcc|g\+\+|gcc-c\+\+|(gcc|g\+\+|cpp)-\d+(\.\d+)*|clang(-\d+)?|make|cmake|build-essential|build-base|alpine-sdk|autoconf|automake|libtool|gfortran|nasm|yasm|[a-z0-9][a-z0-9.+_-]*-(dev|devel)|golang(-go|-\d+(\.\d+)*(-go)?)?|go|maven|gradle|(open|default-)jdk(-headless)?|openjdk-?\d+(-jdk)?(-headless)?|java-[\d.]+-openjdk-devel|rustc|cargo|rust|node-gyp|linux-headers)$/;

/** `gcc=4:12.2.0-3`, `gcc:amd64`, `gcc>=12` → `gcc`. */
export function packageName(value: string): string {
  return value.replace(/[=<>~].*$/, '').replace(/:[a-z0-9]+$/, '').toLowerCase();
}

export function isBuildPackage(value: string): boolean {
  return BUILD_PACKAGE.test(packageName(value));
}

export interface InstalledTool {
  instr: Instruction;
  word: Word;
  /** The install command's package words (to name them all in one finding). */
  group: Word[];
}

type Scripts = (instr: Instruction) => RunScripts;

/**
 * Build packages installed in these stages and still present at the end: not
 * removed by name, by apk virtual group, or by the `apt-mark auto … &&
 * apt-get purge --auto-remove` idiom of the official images.
 */
export function buildToolsLeftInstalled(stages: readonly Stage[], scripts: Scripts): InstalledTool[] {
  const installed: { instr: Instruction; words: Word[]; virtual: string | undefined; scriptAutoRemoves: boolean }[] = [];
  const removed = new Set<string>();
  for (const stage of stages) {
    for (const instr of stage.instructions) {
      for (const script of scripts(instr).all) {
        const apt = aptCalls(script);
        const marksAuto = script.commands.some((c) => invocation(c).program === 'apt-mark' && c.args.some((a) => a.value === 'auto'));
        const autoRemoves = marksAuto && apt.some((c) => c.action === 'autoremove' || c.options.some((o) => o.name === '--auto-remove' || o.name === '--autoremove'));
        for (const c of apt) {
          if (c.action === 'install') installed.push({ instr, words: c.packages, virtual: undefined, scriptAutoRemoves: autoRemoves });
          if (c.action === 'purge' || c.action === 'remove') for (const p of c.packages) removed.add(p.value === p.text ? packageName(p.value) : p.text);
        }
        for (const c of apkCalls(script)) {
          if (c.action === 'add') {
            const virtual = c.options.find((o) => o.name === '--virtual' || o.name === '-t')?.value;
            installed.push({ instr, words: c.packages, virtual, scriptAutoRemoves: false });
          }
          if (c.action === 'del') for (const p of c.packages) removed.add(p.value === p.text ? packageName(p.value) : p.text);
        }
        for (const c of rpmCalls(script)) {
          if (c.action === 'install') installed.push({ instr, words: c.rest, virtual: undefined, scriptAutoRemoves: false });
          if (c.action === 'remove' || c.action === 'erase') for (const p of c.rest) removed.add(p.value === p.text ? packageName(p.value) : p.text);
        }
      }
    }
  }
  const out: InstalledTool[] = [];
  for (const i of installed) {
    if (i.scriptAutoRemoves || (i.virtual !== undefined && removed.has(i.virtual))) continue;
    const left = i.words.filter((w) => w.static && !w.value.startsWith('-') && isBuildPackage(w.value) && !removed.has(packageName(w.value)));
    if (left.length > 0) out.push({ instr: i.instr, word: left[0], group: left });
  }
  return out;
}

/** Commands that compile an application with an SDK. */
export function buildCommand(scripts: RunScripts): Word | undefined {
  for (const script of scripts.all) {
    for (const cmd of script.commands) {
      const inv = invocation(cmd);
      const sub = inv.args.find((a) => !a.value.startsWith('-'))?.value ?? '';
      if (inv.program === 'go' && (sub === 'build' || sub === 'install')) return inv.programWord;
      if (inv.program === 'cargo' && (sub === 'build' || sub === 'install')) return inv.programWord;
      if ((inv.program === 'mvn' || inv.program === 'mvnw') && inv.args.some((a) => /^(package|install|verify|compile)$/.test(a.value))) return inv.programWord;
      if ((inv.program === 'gradle' || inv.program === 'gradlew') && inv.args.some((a) => /^(build|assemble|jar|bootJar|shadowJar|installDist)$/.test(a.value))) return inv.programWord;
      if (inv.program === 'javac') return inv.programWord;
      if (inv.program === 'dotnet' && (sub === 'publish' || sub === 'build')) return inv.programWord;
    }
  }
  return undefined;
}

const REPL = /^(\/(usr\/)?(local\/)?bin\/)?(sh|bash|ash|zsh|python\d*(\.\d+)*|node|irb|jshell|ghci|php|ruby|perl|pwsh|gcc|go)$/;

/**
 * Whether the stages build an application image rather than a toolchain image
 * (buildpack-deps, golang, the full python image): something is copied in from
 * the build context and CMD/ENTRYPOINT runs more than a bare shell or REPL.
 */
export function looksLikeApplication(stages: readonly Stage[]): boolean {
  const all = stages.flatMap((s) => s.instructions);
  const copiesContext = all.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from') && i.args.length >= 2 && !i.args.slice(0, -1).every((a) => /^(https?|git):|^<</i.test(a.value)));
  const runs = all.filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  const runsApp = runs.some((i) => {
    const words = i.jsonForm ? i.args.map((a) => a.value) : i.args.map((a) => a.value).join(' ').trim().split(/\s+/);
    return words.length > 1 || !REPL.test(words[0] ?? '');
  });
  return copiesContext && runsApp;
}
