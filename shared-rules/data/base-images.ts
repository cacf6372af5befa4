// Lookups over the bundled, dated table of popular base images. Pure: no I/O, no clock.
// Used by pin-base-image-tag, runs-as-root, large-base-image, build-tools-in-final-stage and the
// layer-cost model. Data lives in base-images.data.*.ts and base-images.sizes.ts.

import { DOCKER_HUB_IMAGES } from './base-images.data.hub';
import { VENDOR_IMAGES } from './base-images.data.vendors';
import { MEASURED_SIZES } from './base-images.sizes';
import type {
  Alternative,
  AlternativeSpec,
  BaseImageEntry,
  BaseImageInfo,
  ImageRef,
  SizeInfo,
  VariantSpec,
} from './base-images.types';

export type * from './base-images.types';
export { TABLE_DATE } from './base-images.shared';
export { MEASURED_SIZES };

export const BASE_IMAGES: readonly BaseImageEntry[] = [...DOCKER_HUB_IMAGES, ...VENDOR_IMAGES];

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Moving channels that stand where a version would (`node:lts-alpine`, `nginx:stable`). */
const CHANNELS = new Set(['lts', 'current', 'stable', 'mainline']);

const CODENAMES = new Set([
  'buster', 'bullseye', 'bookworm', 'trixie', 'forky', 'sid',
  'focal', 'jammy', 'noble', 'oracular', 'plucky', 'questing', 'resolute',
]);

/**
 * Table key for a repository: Docker Hub names lose `docker.io/` and `library/`
 * (`docker.io/library/python` → `python`), other registries keep their host
 * (`gcr.io/distroless/static-debian13`). Lower-cased.
 */
export function normalizeRepository(registry: string | undefined, repository: string): string {
  let host = registry?.toLowerCase();
  let path = repository.toLowerCase();
  if (host === undefined) {
    // Tolerate a registry left in the repository: a first part with a dot or port, or localhost.
    const slash = path.indexOf('/');
    const first = slash < 0 ? '' : path.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      host = first;
      path = path.slice(slash + 1);
    }
  }
  if (host === undefined || DOCKER_HUB_HOSTS.has(host)) {
    return path.startsWith('library/') ? path.slice('library/'.length) : path;
  }
  return `${host}/${path}`;
}

/** The table entry for a normalized repository name. */
export function findBaseImageEntry(key: string): BaseImageEntry | undefined {
  return BASE_IMAGES.find((e) => e.key === key) ?? BASE_IMAGES.find((e) => e.matchRepository?.test(key) === true);
}

/** The entry plus the variant, size, user and alternatives that the ref's tag selects. */
export function lookupBaseImage(ref: ImageRef): BaseImageInfo | undefined {
  // The table is static and a few rules ask for every FROM on every keystroke:
  // building the alternatives was ~4% of an edit at 1,000 lines.
  const key = `${ref.registry ?? ''}\u0000${ref.repository}\u0000${ref.tag ?? ''}`;
  if (lookups.has(key)) return lookups.get(key);
  const info = describe(ref, true);
  if (lookups.size >= LOOKUP_LIMIT) lookups.clear();
  lookups.set(key, info);
  return info;
}

const LOOKUP_LIMIT = 2_000;
const lookups = new Map<string, BaseImageInfo | undefined>();

/**
 * A concrete tag to pin an unpinned ref to: for no tag or `latest` the table's recommended tag;
 * for a version-less variant tag of a versioned image (`python:slim`) the recommended version in
 * front (`3.14-slim`). Undefined when the ref is already versioned, digest-pinned or unknown.
 */
export function recommendedPinTag(ref: ImageRef): string | undefined {
  const entry = findBaseImageEntry(normalizeRepository(ref.registry, ref.repository));
  if (entry?.recommendedTag === undefined || ref.digest !== undefined) return undefined;
  const tag = ref.tag?.toLowerCase();
  if (tag === undefined || tag === '' || tag === 'latest') return entry.recommendedTag;
  if (entry.versionedVariants !== true) return undefined;
  const first = tag.split('-')[0] ?? '';
  if (isVersionToken(first)) return undefined;
  const version = leadingVersion(entry.recommendedTag);
  return version === '' ? undefined : `${version}-${tag}`;
}

/** The best slimmer image for this ref, when the table knows one not larger than it. */
export function slimAlternative(ref: ImageRef): Alternative | undefined {
  return lookupBaseImage(ref)?.alternatives[0];
}

function describe(ref: ImageRef, withAlternatives: boolean): BaseImageInfo | undefined {
  const key = normalizeRepository(ref.registry, ref.repository);
  const entry = findBaseImageEntry(key);
  if (entry === undefined) return undefined;
  const tag = ref.tag?.toLowerCase();
  const variant = resolveVariant(entry, tag ?? '');
  const size = sizeFor(variant.size, key, tag);
  return {
    key: entry.key,
    official: entry.official,
    tag,
    variant: variant.id,
    family: variant.family,
    user: variant.user ?? entry.user,
    isToolchain: variant.isToolchain,
    recommendedTag: entry.recommendedTag,
    pinNote: entry.pinNote,
    deprecated: entry.deprecated,
    size,
    alternatives: withAlternatives ? alternativesFor(entry, variant, key, tag, size) : [],
    provenance: entry.provenance,
  };
}

function resolveVariant(entry: BaseImageEntry, tag: string): VariantSpec {
  const matched = entry.variants.find((v) => v.match?.test(tag) === true);
  const fallback = entry.variants.find((v) => v.match === undefined) ?? entry.variants[entry.variants.length - 1];
  if (fallback === undefined) throw new Error(`base image ${entry.key} has no variants`);
  return matched ?? fallback;
}

function sizeFor(sizeRef: string | undefined, key: string, tag: string | undefined): SizeInfo | undefined {
  if (sizeRef === undefined) return undefined;
  const record = MEASURED_SIZES.find((s) => s.ref === sizeRef);
  if (record === undefined) return undefined;
  const colon = record.ref.lastIndexOf(':');
  const measuredRepo = colon < 0 ? record.ref : record.ref.slice(0, colon);
  const measuredTag = colon < 0 ? undefined : record.ref.slice(colon + 1);
  const exact = measuredRepo === key && (measuredTag === undefined || measuredTag === (tag ?? 'latest'));
  return {
    compressedBytes: record.compressedBytes,
    uncompressedBytes: record.uncompressedBytes,
    measuredOn: record.ref,
    exact,
    approximate: record.approximate === true,
    source: record.source,
    seen: record.seen,
  };
}

function alternativesFor(
  entry: BaseImageEntry,
  variant: VariantSpec,
  key: string,
  tag: string | undefined,
  current: SizeInfo | undefined,
): Alternative[] {
  const parts = tagParts(entry, tag);
  const result: Alternative[] = [];
  for (const spec of variant.alternatives ?? []) {
    const alternative = buildAlternative(spec, key, parts);
    if (alternative === undefined) continue;
    if (alternative.repository === key && alternative.tag === (tag ?? 'latest')) continue;
    if (current !== undefined && alternative.size !== undefined && !isSmaller(alternative.size, current)) continue;
    result.push(alternative);
  }
  return result;
}

function buildAlternative(spec: AlternativeSpec, key: string, parts: TagParts): Alternative | undefined {
  const tag = expandTemplate(spec.tag, parts);
  if (tag === '') return undefined;
  const repository = spec.repository ?? key;
  const size = describe({ repository, tag }, false)?.size;
  return { ref: `${repository}:${tag}`, repository, tag, size, note: spec.note };
}

/** Compares download sizes, else on-disk sizes; unknown counts as "not known to be larger". */
function isSmaller(candidate: SizeInfo, current: SizeInfo): boolean {
  if (candidate.compressedBytes !== undefined && current.compressedBytes !== undefined) {
    return candidate.compressedBytes < current.compressedBytes;
  }
  if (candidate.uncompressedBytes !== undefined && current.uncompressedBytes !== undefined) {
    return candidate.uncompressedBytes < current.uncompressedBytes;
  }
  return true;
}

interface TagParts {
  readonly tag: string;
  readonly version: string;
  readonly major: string;
  readonly codename: string;
  readonly rest: string;
}

function tagParts(entry: BaseImageEntry, tag: string | undefined): TagParts {
  const effective = tag === undefined || tag === '' || tag === 'latest' ? entry.recommendedTag ?? '' : tag;
  const tokens = effective.split('-').filter((t) => t !== '');
  const version = tokens[0] !== undefined && isVersionToken(tokens[0]) ? tokens[0] : '';
  const afterVersion = version === '' ? tokens : tokens.slice(1);
  return {
    tag: effective,
    version,
    major: /^v?(\d+)/.exec(version)?.[1] ?? '',
    codename: tokens.find((t) => CODENAMES.has(t)) ?? '',
    rest: afterVersion.filter((t) => !CODENAMES.has(t)).join('-'),
  };
}

function expandTemplate(template: string, parts: TagParts): string {
  const expanded = template.replace(/\{(tag|version|major|codename|rest)\}/g, (_, name: keyof TagParts) => parts[name]);
  return expanded.replace(/-+/g, '-').replace(/^-|-$/g, '');
}

function isVersionToken(token: string): boolean {
  return /^v?\d/.test(token) || CHANNELS.has(token);
}

function leadingVersion(tag: string): string {
  const first = tag.split('-')[0] ?? '';
  return /^v?\d/.test(first) ? first : '';
}
