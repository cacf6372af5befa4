import type { MeasuredSize } from './base-images.types';

// Sizes of single tags, linux/amd64. Published numbers come from docker-library/repo-info:
// `repos/<name>/remote/<tag>.md` states the compressed transfer size in bytes ("Total Size"),
// `repos/<name>/local/<tag>.md` the on-disk "Virtual Size" in Mb (read here as 10^6 bytes, so those
// are kept to the 4 digits printed). Numbers from general knowledge are marked approximate and
// rounded to 2 significant digits. base-images.md lists the same provenance for review.

const REPO_INFO = 'docker-library/repo-info';
const SEEN = '2026-11-29';

function repoInfo(path: string, commit: string): string {
  return `${REPO_INFO} ${path} @ ${commit}`;
}

export const MEASURED_SIZES: readonly MeasuredSize[] = [
  { ref: 'scratch', compressedBytes: 0, uncompressedBytes: 0, source: 'empty by definition (no layers)', seen: SEEN },

  {
    ref: 'python:latest', resolvedAs: 'python:3.14.7-trixie', imageDate: '2026-08-25',
    compressedBytes: 414_967_043, source: repoInfo('repos/python/remote/latest.md', '0c37645'), seen: SEEN,
  },
  {
    ref: 'python:3.14-slim', resolvedAs: 'python:3.14.7-slim-trixie', imageDate: '2026-08-05',
    compressedBytes: 43_437_809, source: repoInfo('repos/python/remote/3.14-slim.md', '34fa04a'), seen: SEEN,
  },
  {
    ref: 'python:3.14-alpine', resolvedAs: 'python:3.14.7-alpine3.24', imageDate: '2026-09-17',
    compressedBytes: 17_774_999, source: repoInfo('repos/python/remote/3.14-alpine.md', '27b2736'), seen: SEEN,
  },

  {
    ref: 'node:26', resolvedAs: 'node:26.5.0-trixie', imageDate: '2026-07-08',
    compressedBytes: 442_394_221, source: repoInfo('repos/node/remote/26.md', '0833c0d'), seen: SEEN,
  },
  {
    ref: 'node:26-slim', resolvedAs: 'node:26.5.0-trixie-slim', imageDate: '2026-07-08',
    compressedBytes: 84_626_114, source: repoInfo('repos/node/remote/26-slim.md', '0833c0d'), seen: SEEN,
  },
  {
    ref: 'node:26-alpine', resolvedAs: 'node:26.5.0-alpine3.24', imageDate: '2026-07-08',
    compressedBytes: 62_808_818, source: repoInfo('repos/node/remote/26-alpine.md', '0833c0d'), seen: SEEN,
  },

  {
    ref: 'golang:1.27', resolvedAs: 'golang:1.27.1-trixie', imageDate: '2026-09-01',
    compressedBytes: 316_194_729, source: repoInfo('repos/golang/remote/1.27.md', '274d39a'), seen: SEEN,
  },
  {
    ref: 'golang:1.27-alpine', resolvedAs: 'golang:1.27.1-alpine3.24', imageDate: '2026-09-01',
    compressedBytes: 75_169_503, source: repoInfo('repos/golang/remote/1.27-alpine.md', '274d39a'), seen: SEEN,
  },

  {
    ref: 'debian:trixie', imageDate: '2026-08-03',
    compressedBytes: 49_312_314, source: repoInfo('repos/debian/remote/trixie.md', '05f354f'), seen: SEEN,
  },
  {
    ref: 'debian:trixie-slim', imageDate: '2026-08-03',
    compressedBytes: 29_780_765, uncompressedBytes: 78_640_000,
    source: `${repoInfo('repos/debian/remote/trixie-slim.md', '05f354f')}; on-disk: ${repoInfo('repos/debian/local/13-slim.md', '029a6a7')} (2026-08-24 build)`,
    seen: SEEN,
  },
  {
    ref: 'debian:bookworm', imageDate: '2026-08-03',
    compressedBytes: 48_497_091, source: repoInfo('repos/debian/remote/bookworm.md', '05f354f'), seen: SEEN,
  },
  {
    ref: 'debian:bookworm-slim', imageDate: '2026-08-03',
    compressedBytes: 28_232_590, source: repoInfo('repos/debian/remote/bookworm-slim.md', '05f354f'), seen: SEEN,
  },

  {
    ref: 'ubuntu:latest', resolvedAs: 'ubuntu:26.04', imageDate: '2026-07-24',
    compressedBytes: 41_568_664, source: repoInfo('repos/ubuntu/remote/latest.md', '01470af'), seen: SEEN,
  },
  {
    ref: 'ubuntu:24.04', imageDate: '2026-09-11',
    compressedBytes: 29_764_116, source: repoInfo('repos/ubuntu/remote/24.04.md', '1c2b9d9'), seen: SEEN,
  },

  {
    ref: 'alpine:latest', resolvedAs: 'alpine:3.24.2', imageDate: '2026-09-17',
    compressedBytes: 3_849_738, uncompressedBytes: 8_420_000,
    source: `${repoInfo('repos/alpine/remote/latest.md', '1746b58')}; on-disk: ${repoInfo('repos/alpine/local/3.24.2.md', '7859ce4')} (same image id)`,
    seen: SEEN,
  },
  {
    ref: 'busybox:latest', resolvedAs: 'busybox 1.38.0 (glibc, Debian 13)', imageDate: '2026-05-13',
    compressedBytes: 2_226_327, source: repoInfo('repos/busybox/remote/latest.md', '01a7054'), seen: SEEN,
  },

  {
    ref: 'eclipse-temurin:25-jdk', resolvedAs: 'jdk-25.0.4+7 on Ubuntu 26.04', imageDate: '2026-09-09',
    compressedBytes: 156_730_580, source: repoInfo('repos/eclipse-temurin/remote/25-jdk.md', '11bfd4f'), seen: SEEN,
  },
  {
    ref: 'eclipse-temurin:25-jre', resolvedAs: 'jre-25.0.4+7 on Ubuntu 26.04', imageDate: '2026-09-09',
    compressedBytes: 123_138_422, source: repoInfo('repos/eclipse-temurin/remote/25-jre.md', '11bfd4f'), seen: SEEN,
  },
  {
    ref: 'eclipse-temurin:25-jre-alpine', resolvedAs: 'jre-25.0.4.1+1 on Alpine 3.24.2', imageDate: '2026-09-25',
    compressedBytes: 75_490_424, source: repoInfo('repos/eclipse-temurin/remote/25-jre-alpine.md', '34e3234'), seen: SEEN,
  },

  {
    ref: 'nginx:latest', resolvedAs: 'nginx 1.31.3 on Debian trixie', imageDate: '2026-07-15',
    compressedBytes: 63_110_572, source: repoInfo('repos/nginx/remote/latest.md', '07d8525'), seen: SEEN,
  },
  {
    ref: 'nginx:alpine', resolvedAs: 'nginx 1.31.6 on Alpine 3.24.2', imageDate: '2026-09-22',
    compressedBytes: 26_310_566, source: repoInfo('repos/nginx/remote/alpine.md', '073c780'), seen: SEEN,
  },
  {
    ref: 'redis:latest', resolvedAs: 'redis 8.10.1 on Debian trixie', imageDate: '2026-09-18',
    compressedBytes: 55_474_442, source: repoInfo('repos/redis/remote/latest.md', '0ae7309'), seen: SEEN,
  },
  {
    ref: 'redis:alpine', resolvedAs: 'redis 8.10.2 on Alpine 3.23.6', imageDate: '2026-09-21',
    compressedBytes: 39_102_983, source: repoInfo('repos/redis/remote/alpine.md', '0bdd944'), seen: SEEN,
  },
  {
    ref: 'postgres:latest', resolvedAs: 'postgres 18.6 on Debian trixie', imageDate: '2026-09-18',
    compressedBytes: 162_473_560, source: repoInfo('repos/postgres/remote/latest.md', '0b63eec'), seen: SEEN,
  },
  {
    ref: 'postgres:alpine', resolvedAs: 'postgres 18.6 on Alpine 3.24.2', imageDate: '2026-09-17',
    compressedBytes: 120_037_793, source: repoInfo('repos/postgres/remote/alpine.md', '23406ae'), seen: SEEN,
  },

  // Not in repo-info (not Docker official images): general knowledge, 2 significant digits.
  {
    ref: 'gcr.io/distroless/static-debian12:latest', uncompressedBytes: 2_000_000,
    approximate: true, source: 'general knowledge (docker image ls)', seen: SEEN,
  },
  {
    ref: 'gcr.io/distroless/base-debian12:latest', uncompressedBytes: 21_000_000,
    approximate: true, source: 'general knowledge (docker image ls)', seen: SEEN,
  },
  {
    ref: 'gcr.io/distroless/cc-debian12:latest', uncompressedBytes: 23_000_000,
    approximate: true, source: 'general knowledge (docker image ls)', seen: SEEN,
  },
  {
    ref: 'gcr.io/distroless/java21-debian12:latest', uncompressedBytes: 190_000_000,
    approximate: true, source: 'general knowledge (docker image ls)', seen: SEEN,
  },
];
