import { keyValuePairs, unquoteWord } from '../model/key-values';
import { stageChain } from '../model/stages';
import { DockerfileModel, Instruction, Stage } from '../model/types';
import { expandVariables } from '../model/variables';

/** ARGs BuildKit defines for FROM lines; inside a stage they exist only once declared with `ARG`. */
export const PLATFORM_ARGS: readonly string[] = ['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE'];

const PROXY_ARGS = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY']);

/** ARGs the builder itself reads or predefines: declaring one is never "unused". */
export function isBuilderArg(name: string): boolean {
  return name.startsWith('BUILDKIT_') || name === 'SOURCE_DATE_EPOCH' || PROXY_ARGS.has(name.toUpperCase()) || PLATFORM_ARGS.includes(name);
}

/** Global ARGs (before the first FROM) with their defaults; undefined = declared without one. */
export function globalArgs(model: DockerfileModel): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const instr of model.globalArgs) {
    for (const kv of keyValuePairs(model, instr)) {
      const value = kv.value === undefined ? undefined : expandVariables(kv.raw ?? '', (n) => out.get(n), model.escape).value;
      out.set(kv.name, value);
    }
  }
  return out;
}

/**
 * The ARG and ENV names visible to `instr` in `stage` (those declared in the
 * stages it builds on and earlier in the stage itself), with their values as
 * far as they are known statically (undefined = declared, value unknown).
 * An ARG without a default takes the global ARG's default, as BuildKit does.
 * The base image's own environment is not known and not included.
 */
export function scopeAt(model: DockerfileModel, stage: Stage, instr: Instruction | undefined): Map<string, string | undefined> {
  const globals = globalArgs(model);
  const scope = new Map<string, string | undefined>();
  for (const s of stageChain(model, stage)) {
    for (const i of s.instructions) {
      if (s === stage && instr && i.index >= instr.index) return scope;
      if (i.keyword !== 'ARG' && i.keyword !== 'ENV') continue;
      const pairs = keyValuePairs(model, i);
      // ENV expands every value against the environment before the instruction; ARG one by one.
      const before = i.keyword === 'ENV' ? new Map(scope) : scope;
      for (const kv of pairs) {
        let value: string | undefined;
        if (kv.raw !== undefined) {
          const exp = expandVariables(kv.raw, (n) => before.get(n), model.escape);
          value = exp.unresolved.length > 0 ? undefined : unquoteWord(exp.value, model.escape);
        } else value = i.keyword === 'ARG' ? globals.get(kv.name) : undefined;
        scope.set(kv.name, value);
      }
    }
  }
  return scope;
}
