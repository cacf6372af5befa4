/**
 * Splits a Docker image reference (distribution/reference grammar) into its
 * parts. The first path component is a registry only when it looks like a
 * host: it has a `.` or `:`, or is `localhost`.
 */
export interface ReferenceParts {
  registry: string | undefined;
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  /** Offsets within the reference string. */
  nameEnd: number;
  tagStart: number | undefined;
  digestStart: number | undefined;
}

export function splitReference(ref: string): ReferenceParts {
  let rest = ref;
  let digest: string | undefined;
  let digestStart: number | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    digestStart = at + 1;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  let tagStart: number | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    tagStart = colon + 1;
    rest = rest.slice(0, colon);
  }
  const nameEnd = rest.length;
  let registry: string | undefined;
  let repository = rest;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      repository = rest.slice(slash + 1);
    }
  }
  if (registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = undefined;
  if (registry === undefined && repository.startsWith('library/')) repository = repository.slice('library/'.length);
  return { registry, repository, tag, digest, nameEnd, tagStart, digestStart };
}

/** The reference grammar's rules for a valid name and tag (lower-case path components). */
export function isValidReference(ref: string): boolean {
  return /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/.test(ref);
}
