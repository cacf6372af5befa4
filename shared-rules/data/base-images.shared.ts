import type { Provenance, UserInfo } from './base-images.types';

/** The day the table was compiled; every "current" tag in it is current as of this date. */
export const TABLE_DATE = '2026-11-29';

export const ROOT: UserInfo = { defaultUser: 'root', runsAsNonRoot: false };

/** Runs as root by default but ships a non-root user worth suggesting. */
export function rootWith(user: string, uid: number): UserInfo {
  return { defaultUser: 'root', runsAsNonRoot: false, nonRootUser: user, nonRootUid: uid };
}

export function runsAs(user: string, uid: number): UserInfo {
  return { defaultUser: user, runsAsNonRoot: true, nonRootUser: user, nonRootUid: uid };
}

/** Matches one of `alternatives` as a whole dash-separated part of a tag. */
export function token(alternatives: string): RegExp {
  return new RegExp(`(^|-)(${alternatives})(-|$)`);
}

/** `alpine`, `alpine3.20` and eclipse-temurin's `alpine-3.24`. */
export const ALPINE = /(^|-)alpine(\d+(\.\d+)*)?(-|$)/;
export const SLIM = token('slim');
export const WINDOWS = token('windowsservercore|nanoserver');

/** Facts read from docker-library/repo-info Dockerfile histories and the official images' docs. */
export const REPO_INFO: Provenance = {
  source: 'docker-library/repo-info (tags, base distro and users from the published image histories)',
  seen: TABLE_DATE,
};

export function generalKnowledge(what: string): Provenance {
  return { source: `general knowledge: ${what}`, seen: TABLE_DATE, approximate: true };
}
