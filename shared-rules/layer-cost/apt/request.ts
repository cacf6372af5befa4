// Turns the package arguments of `apt-get install` into table refs, the way apt reads
// them: pkg, pkg=version, pkg/release, pkg:arch, and virtual names with one provider.

import type { AptTable } from './table';

export interface ParsedAptRequest {
  /** Refs to install, in command-line order, without duplicates. */
  refs: number[];
  /** Package names apt would install for the arguments (after virtual -> provider). */
  requested: string[];
  /** Arguments the table cannot place (see AptEstimate.unknown). */
  unknown: string[];
}

// Shell expansions anywhere, and apt's glob/regex forms in the name, name packages we
// cannot know statically.
const SHELL_EXPANSION = /[$`]/;
const NAME_PATTERN = /[*?[\]^~{}\\()|]/;

function versionMatches(known: readonly string[], wanted: string): boolean {
  // apt accepts a trailing '*' as a version prefix match.
  if (wanted.endsWith('*')) {
    const prefix = wanted.slice(0, -1);
    return known.some((v) => v.startsWith(prefix));
  }
  return known.includes(wanted);
}

function stripArch(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(0, colon) : name;
}

export function parseAptRequest(table: AptTable, packages: readonly string[], installed: (ref: number) => boolean): ParsedAptRequest {
  const refs: number[] = [];
  const requested: string[] = [];
  const unknown: string[] = [];
  const take = (ref: number): void => {
    if (!refs.includes(ref)) {
      refs.push(ref);
      requested.push(table.name(ref));
    }
  };
  for (const raw of packages) {
    const arg = raw.trim();
    if (arg === '' || arg.startsWith('-')) continue;
    if (SHELL_EXPANSION.test(arg)) {
      unknown.push(arg);
      continue;
    }
    let spec = arg;
    let version: string | undefined;
    const eq = spec.indexOf('=');
    if (eq >= 0) {
      version = spec.slice(eq + 1);
      spec = spec.slice(0, eq);
    } else {
      const slash = spec.indexOf('/');
      if (slash >= 0) spec = spec.slice(0, slash); // pkg/release: the table holds one release
    }
    if (NAME_PATTERN.test(spec)) {
      unknown.push(arg);
      continue;
    }
    let name = stripArch(spec).toLowerCase();
    let ref = table.ref(name);
    // "pkg-" asks apt to remove pkg; it adds nothing to the layer.
    if (ref === undefined && name.endsWith('-') && version === undefined && table.ref(name.slice(0, -1)) !== undefined) continue;
    if (ref === undefined && name.endsWith('+') && version === undefined) {
      name = name.slice(0, -1);
      ref = table.ref(name);
    }
    if (ref === undefined) {
      unknown.push(arg);
      continue;
    }
    if (ref >= table.packageCount || table.versions(ref).length === 0) {
      // A virtual name: apt picks its provider only when there is no choice to make.
      const providers = table.providers(ref).filter((p) => p < table.packageCount);
      if (providers.some(installed)) continue;
      if (providers.length !== 1) {
        unknown.push(arg);
        continue;
      }
      ref = providers[0];
    }
    // A pinned version the index no longer has: apt would refuse it; the estimate still
    // uses the current version (sizes rarely move between point releases) and says so.
    if (version !== undefined && !versionMatches(table.versions(ref), version)) unknown.push(arg);
    take(ref);
  }
  return { refs, requested, unknown };
}
