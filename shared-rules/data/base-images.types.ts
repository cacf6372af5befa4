// Types for the bundled, dated table of popular base images (see base-images.md).

/** The OS a variant is built on; decides package manager and user-creation commands. */
export type DistroFamily =
  | 'debian'
  | 'ubuntu'
  | 'alpine'
  | 'rhel'
  | 'fedora'
  | 'centos'
  | 'amazonlinux'
  | 'azurelinux'
  | 'distroless'
  | 'wolfi'
  | 'busybox'
  | 'scratch'
  | 'windows';

/** Who the image runs as when the Dockerfile has no USER. */
export interface UserInfo {
  /** Name (or uid) of the default user: `root` for most images. */
  readonly defaultUser: string;
  readonly runsAsNonRoot: boolean;
  /** A non-root user the image already ships, worth suggesting for `USER`. */
  readonly nonRootUser?: string;
  readonly nonRootUid?: number;
}

/** Where a fact came from and when it was read. */
export interface Provenance {
  /** e.g. `docker-library/repo-info repos/python/remote/3.14-slim.md @ 34fa04a`, or `general knowledge`. */
  readonly source: string;
  /** ISO date the source was read. */
  readonly seen: string;
  /** True when the fact is from general knowledge rather than a published record. */
  readonly approximate?: boolean;
}

/**
 * Download and on-disk size of one tag, linux/amd64. Sizes vary little between patch releases of
 * the same variant, so one measured tag stands for its variant.
 */
export interface MeasuredSize extends Provenance {
  /** The reference the numbers belong to, e.g. `python:3.14-slim`. */
  readonly ref: string;
  /** What that tag was when measured, e.g. `python:3.14.7-slim-trixie` or `nginx 1.31.3 on Debian trixie`. */
  readonly resolvedAs?: string;
  /** Build date of the measured image (ISO), when the source states it. */
  readonly imageDate?: string;
  /** Compressed transfer (download) size in bytes. */
  readonly compressedBytes?: number;
  /** Uncompressed on-disk size in bytes. */
  readonly uncompressedBytes?: number;
}

/**
 * A smaller image to suggest. `tag` is a template: `{version}` is the leading version of the
 * user's tag (or of the recommended tag when there is none), `{major}` its first number,
 * `{codename}` a Debian/Ubuntu codename found in the user's tag, `{tag}` the user's whole tag (or
 * the recommended one). Empty placeholders drop out together with their dashes.
 */
export interface AlternativeSpec {
  /** Table key of another image; defaults to the same image. */
  readonly repository?: string;
  readonly tag: string;
  /** Why it fits, or what changes (another distro, a multi-stage build…). */
  readonly note?: string;
}

/** A tag shape of an image, e.g. `-slim`, `-alpine3.20`, `-jre`. */
export interface VariantSpec {
  readonly id: string;
  /** Tested on the lower-cased tag; the first matching variant wins. Absent on the default. */
  readonly match?: RegExp;
  readonly family: DistroFamily;
  readonly isToolchain: boolean;
  /** Overrides the image's user for this variant (e.g. distroless `:nonroot`). */
  readonly user?: UserInfo;
  /** `ref` of a MeasuredSize in base-images.sizes.ts. */
  readonly size?: string;
  /** Slimmer images to suggest, best first. */
  readonly alternatives?: readonly AlternativeSpec[];
}

export interface BaseImageEntry {
  /** Table key: Docker Hub names bare (`python`, `bitnami/redis`), others with registry (`gcr.io/distroless/static`). */
  readonly key: string;
  /** Other repository names (normalized) that mean this entry, e.g. distroless `-debian12` names. */
  readonly matchRepository?: RegExp;
  readonly official: boolean;
  /** Concrete tag to pin to when the user wrote none or `latest`; absent when only digests pin. */
  readonly recommendedTag?: string;
  /** Why the recommended tag was chosen, or how to pin when there is none. */
  readonly pinNote?: string;
  /**
   * Version-less variant tags (`slim`, `alpine`, `bookworm`) float to the newest release and are
   * pinned by putting the recommended version in front (`python:slim` → `3.14-slim`). False for
   * distros, where a codename tag is already a release.
   */
  readonly versionedVariants?: boolean;
  readonly deprecated?: string;
  readonly user: UserInfo;
  /** Ordered; the one without `match` is the default and must come last. */
  readonly variants: readonly VariantSpec[];
  readonly provenance: Provenance;
}

/** A reference as the Dockerfile model splits it (registry undefined for Docker Hub). */
export interface ImageRef {
  readonly registry?: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

export interface SizeInfo {
  readonly compressedBytes?: number;
  readonly uncompressedBytes?: number;
  /** The tag the numbers were measured on; may differ from the one asked about. */
  readonly measuredOn: string;
  /** True when `measuredOn` is the very tag asked about. */
  readonly exact: boolean;
  readonly approximate: boolean;
  readonly source: string;
  readonly seen: string;
}

export interface Alternative {
  /** Full reference to suggest, e.g. `python:3.12-slim-bookworm`. */
  readonly ref: string;
  readonly repository: string;
  readonly tag: string;
  readonly size?: SizeInfo;
  readonly note?: string;
}

/** An entry resolved against one tag. */
export interface BaseImageInfo {
  readonly key: string;
  readonly official: boolean;
  readonly tag?: string;
  readonly variant: string;
  readonly family: DistroFamily;
  readonly user: UserInfo;
  readonly isToolchain: boolean;
  readonly recommendedTag?: string;
  readonly pinNote?: string;
  readonly deprecated?: string;
  readonly size?: SizeInfo;
  /** Only those not known to be at least as large as this tag. */
  readonly alternatives: readonly Alternative[];
  readonly provenance: Provenance;
}
