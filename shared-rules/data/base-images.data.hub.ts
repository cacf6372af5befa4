import type { BaseImageEntry } from './base-images.types';
import { ALPINE, REPO_INFO, ROOT, SLIM, WINDOWS, generalKnowledge, rootWith, runsAs, token } from './base-images.shared';

// Docker Hub images. Keys are written without `docker.io/` and `library/`.
// Variant order matters: the first `match` that fits the tag wins; the default comes last.

const DEBIAN_OLDSTABLE = /^(bookworm|12(\.\d+)*|oldstable)(-\d{8})?/;

export const DOCKER_HUB_IMAGES: readonly BaseImageEntry[] = [
  {
    key: 'scratch', official: true,
    pinNote: 'scratch is an empty image that is never pulled; it takes no tag',
    user: { defaultUser: '0', runsAsNonRoot: false },
    variants: [{ id: 'scratch', family: 'scratch', isToolchain: false, size: 'scratch' }],
    provenance: { source: 'Dockerfile reference (FROM scratch)', seen: '2026-11-29' },
  },
  {
    key: 'alpine', official: true, recommendedTag: '3.24',
    pinNote: 'latest stable Alpine release line (3.24.x)',
    user: ROOT,
    variants: [{ id: 'alpine', family: 'alpine', isToolchain: false, size: 'alpine:latest' }],
    provenance: REPO_INFO,
  },
  {
    key: 'busybox', versionedVariants: true, official: true, recommendedTag: '1.38',
    user: ROOT,
    variants: [{ id: 'busybox', family: 'busybox', isToolchain: false, size: 'busybox:latest' }],
    provenance: REPO_INFO,
  },
  {
    key: 'debian', official: true, recommendedTag: 'trixie',
    pinNote: 'Debian 13 "trixie" is stable since 2025-08; bookworm (12) is oldstable',
    user: ROOT,
    variants: [
      { id: 'bookworm-slim', match: new RegExp(`${DEBIAN_OLDSTABLE.source}-slim$`), family: 'debian', isToolchain: false, size: 'debian:bookworm-slim' },
      { id: 'slim', match: SLIM, family: 'debian', isToolchain: false, size: 'debian:trixie-slim' },
      {
        id: 'bookworm', match: new RegExp(`${DEBIAN_OLDSTABLE.source}$`), family: 'debian', isToolchain: false,
        size: 'debian:bookworm', alternatives: [{ tag: '{tag}-slim' }],
      },
      { id: 'debian', family: 'debian', isToolchain: false, size: 'debian:trixie', alternatives: [{ tag: '{tag}-slim' }] },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'ubuntu', official: true, recommendedTag: '26.04',
    pinNote: 'latest LTS (26.04 "resolute", what `latest` points to); 24.04 "noble" is the previous LTS',
    user: ROOT,
    variants: [
      {
        id: 'noble', match: /^(24\.04|noble)(-|$)/, family: 'ubuntu', isToolchain: false, size: 'ubuntu:24.04',
        // Ubuntu images since 23.04 ship an `ubuntu` user with uid 1000.
        user: rootWith('ubuntu', 1000),
        alternatives: [{ repository: 'debian', tag: 'trixie-slim', note: 'Debian instead of Ubuntu; most apt package names are the same' }],
      },
      { id: 'jammy', match: /^(22\.04|jammy)(-|$)/, family: 'ubuntu', isToolchain: false },
      {
        id: 'ubuntu', family: 'ubuntu', isToolchain: false, size: 'ubuntu:latest',
        alternatives: [{ repository: 'debian', tag: 'trixie-slim', note: 'Debian instead of Ubuntu; most apt package names are the same' }],
      },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'python', versionedVariants: true, official: true, recommendedTag: '3.14',
    pinNote: 'newest Python release line when the table was compiled (what `latest` pointed to)',
    user: ROOT,
    variants: [
      { id: 'windowsservercore', match: WINDOWS, family: 'windows', isToolchain: false },
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false, size: 'python:3.14-alpine' },
      {
        id: 'slim', match: SLIM, family: 'debian', isToolchain: false, size: 'python:3.14-slim',
        alternatives: [{ tag: '{version}-alpine', note: 'musl libc: wheels built for glibc will not install' }],
      },
      {
        // The full image is buildpack-deps: gcc, make and -dev headers included.
        id: 'full', family: 'debian', isToolchain: true, size: 'python:latest',
        alternatives: [
          { tag: '{version}-slim-{codename}' },
          { tag: '{version}-alpine', note: 'musl libc: wheels built for glibc will not install' },
        ],
      },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'node', versionedVariants: true, official: true, recommendedTag: '26',
    pinNote: 'Node.js 26 entered LTS in 2026-10 (per the Node.js release schedule; the size data predates that)',
    user: rootWith('node', 1000),
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false, size: 'node:26-alpine' },
      {
        id: 'slim', match: SLIM, family: 'debian', isToolchain: false, size: 'node:26-slim',
        alternatives: [{ tag: '{version}-alpine' }],
      },
      {
        // buildpack-deps based: gcc, g++, make, python3 for node-gyp.
        id: 'full', family: 'debian', isToolchain: true, size: 'node:26',
        alternatives: [{ tag: '{version}-{codename}-slim' }, { tag: '{version}-alpine' }],
      },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'golang', versionedVariants: true, official: true, recommendedTag: '1.27',
    pinNote: 'newest Go release; Go supports the two newest minors (1.27, 1.26)',
    user: ROOT,
    variants: [
      { id: 'windows', match: WINDOWS, family: 'windows', isToolchain: true },
      {
        id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: true, size: 'golang:1.27-alpine',
        alternatives: [{ repository: 'gcr.io/distroless/static-debian13', tag: 'nonroot', note: 'multi-stage build: copy the CGO_ENABLED=0 binary into distroless/static' }],
      },
      {
        id: 'full', family: 'debian', isToolchain: true, size: 'golang:1.27',
        alternatives: [
          { tag: '{version}-alpine', note: 'still the whole Go toolchain; for the final stage use a multi-stage build' },
          { repository: 'gcr.io/distroless/static-debian13', tag: 'nonroot', note: 'multi-stage build: copy the CGO_ENABLED=0 binary into distroless/static' },
        ],
      },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'openjdk', official: true,
    deprecated: 'the Docker official openjdk image is deprecated and gets no updates for released JDKs; use eclipse-temurin, amazoncorretto or another OpenJDK build',
    pinNote: 'deprecated: move to eclipse-temurin (e.g. eclipse-temurin:25-jdk) instead of pinning',
    user: ROOT,
    variants: [
      { id: 'windows', match: WINDOWS, family: 'windows', isToolchain: true },
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: true },
      { id: 'jre', match: token('jre'), family: 'debian', isToolchain: false },
      {
        id: 'slim', match: SLIM, family: 'debian', isToolchain: true,
        alternatives: [{ repository: 'eclipse-temurin', tag: '{major}-jre', note: 'maintained OpenJDK build; JRE only' }],
      },
      {
        // openjdk:8 and :11 were Debian based; 17 and later default to Oracle Linux.
        id: 'debian', match: /^(8|11)(\D|$)/, family: 'debian', isToolchain: true,
        alternatives: [{ repository: 'eclipse-temurin', tag: '{major}-jre', note: 'maintained OpenJDK build; JRE only' }],
      },
      {
        id: 'oraclelinux', family: 'rhel', isToolchain: true,
        alternatives: [{ repository: 'eclipse-temurin', tag: '{major}-jre', note: 'maintained OpenJDK build; JRE only' }],
      },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'eclipse-temurin', versionedVariants: true, official: true, recommendedTag: '25-jdk',
    pinNote: 'Java 25 is the newest LTS; the default OS is Ubuntu 26.04',
    user: ROOT,
    variants: [
      { id: 'jre-windows', match: /(^|-)jre-(windowsservercore|nanoserver)/, family: 'windows', isToolchain: false },
      { id: 'windows', match: WINDOWS, family: 'windows', isToolchain: true },
      { id: 'jre-alpine', match: /(^|-)jre-alpine/, family: 'alpine', isToolchain: false, size: 'eclipse-temurin:25-jre-alpine' },
      {
        id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: true,
        alternatives: [{ tag: '{version}-jre-alpine', note: 'JRE only: no javac' }],
      },
      { id: 'jre-ubi', match: /(^|-)jre-ubi\d+/, family: 'rhel', isToolchain: false },
      { id: 'ubi', match: /(^|-)ubi\d+/, family: 'rhel', isToolchain: true },
      {
        id: 'jre', match: token('jre'), family: 'ubuntu', isToolchain: false, size: 'eclipse-temurin:25-jre',
        alternatives: [{ tag: '{version}-jre-alpine' }],
      },
      {
        id: 'jdk', family: 'ubuntu', isToolchain: true, size: 'eclipse-temurin:25-jdk',
        alternatives: [
          { tag: '{version}-jre-{codename}', note: 'JRE only: build in a JDK stage, run on the JRE' },
          { tag: '{version}-jre-alpine', note: 'JRE only, on Alpine (musl)' },
        ],
      },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'amazoncorretto', versionedVariants: true, official: true, recommendedTag: '25',
    pinNote: 'Java 25 is the newest LTS',
    user: ROOT,
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: true },
      { id: 'jre', match: token('jre'), family: 'amazonlinux', isToolchain: false },
      {
        id: 'amazonlinux', family: 'amazonlinux', isToolchain: true,
        alternatives: [{ tag: '{version}-al2023-jre', note: 'JRE only: build in a JDK stage, run on the JRE' }, { tag: '{version}-alpine' }],
      },
    ],
    provenance: generalKnowledge('Amazon Corretto image tags and base OS'),
  },
  {
    key: 'maven', official: true, recommendedTag: '3.9-eclipse-temurin-25',
    pinNote: 'Maven 3.9 on the newest LTS JDK',
    user: ROOT,
    variants: [
      { id: 'windows', match: WINDOWS, family: 'windows', isToolchain: true },
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: true },
      { id: 'amazoncorretto', match: token('amazoncorretto'), family: 'amazonlinux', isToolchain: true },
      {
        id: 'maven', family: 'ubuntu', isToolchain: true,
        alternatives: [{ repository: 'eclipse-temurin', tag: '25-jre', note: 'multi-stage build: package with Maven, run the jar on a JRE' }],
      },
    ],
    provenance: generalKnowledge('maven image tag scheme'),
  },
  {
    key: 'gradle', official: true, recommendedTag: '9-jdk21',
    pinNote: 'Gradle 9 on JDK 21',
    user: ROOT,
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: true },
      {
        id: 'gradle', family: 'ubuntu', isToolchain: true,
        alternatives: [{ repository: 'eclipse-temurin', tag: '21-jre', note: 'multi-stage build: build with Gradle, run the jar on a JRE' }],
      },
    ],
    provenance: generalKnowledge('gradle image tag scheme'),
  },
  {
    key: 'rust', versionedVariants: true, official: true, recommendedTag: '1.98',
    pinNote: 'newest stable when the data was read (2026-09); only the newest Rust stable gets fixes, so expect a newer 1.x',
    user: ROOT,
    variants: [
      {
        id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: true,
        alternatives: [{ repository: 'gcr.io/distroless/static-debian13', tag: 'nonroot', note: 'multi-stage build: copy the static musl binary' }],
      },
      {
        id: 'slim', match: SLIM, family: 'debian', isToolchain: true,
        alternatives: [{ repository: 'gcr.io/distroless/cc-debian13', tag: 'nonroot', note: 'multi-stage build: copy the binary onto distroless/cc (glibc, libgcc)' }],
      },
      {
        id: 'full', family: 'debian', isToolchain: true,
        alternatives: [
          { tag: '{version}-slim-{codename}', note: 'still the whole Rust toolchain' },
          { repository: 'gcr.io/distroless/cc-debian13', tag: 'nonroot', note: 'multi-stage build: copy the binary onto distroless/cc (glibc, libgcc)' },
        ],
      },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'ruby', versionedVariants: true, official: true, recommendedTag: '4.0',
    user: ROOT,
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false },
      { id: 'slim', match: SLIM, family: 'debian', isToolchain: false, alternatives: [{ tag: '{version}-alpine' }] },
      {
        id: 'full', family: 'debian', isToolchain: true,
        alternatives: [{ tag: '{version}-slim-{codename}' }, { tag: '{version}-alpine' }],
      },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'php', versionedVariants: true, official: true, recommendedTag: '8.5',
    user: rootWith('www-data', 33),
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false, user: rootWith('www-data', 82) },
      { id: 'apache', match: token('apache'), family: 'debian', isToolchain: false },
      { id: 'php', family: 'debian', isToolchain: false, alternatives: [{ tag: '{version}-{rest}-alpine' }] },
    ],
    provenance: generalKnowledge('php image tags and www-data uids'),
  },
  {
    key: 'nginx', versionedVariants: true, official: true, recommendedTag: '1.31',
    pinNote: 'mainline 1.31.x (what `latest` points to); 1.30 is the stable line',
    user: rootWith('nginx', 101),
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false, size: 'nginx:alpine' },
      { id: 'nginx', family: 'debian', isToolchain: false, size: 'nginx:latest', alternatives: [{ tag: '{version}-alpine' }] },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'nginxinc/nginx-unprivileged', versionedVariants: true, official: false, recommendedTag: '1.31',
    pinNote: 'tags mirror the nginx image',
    user: runsAs('nginx', 101),
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false },
      { id: 'nginx', family: 'debian', isToolchain: false, alternatives: [{ tag: '{version}-alpine' }] },
    ],
    provenance: generalKnowledge('nginx-unprivileged listens on 8080 and runs as uid 101'),
  },
  {
    key: 'httpd', versionedVariants: true, official: true, recommendedTag: '2.4',
    user: ROOT,
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false },
      { id: 'httpd', family: 'debian', isToolchain: false, alternatives: [{ tag: '{version}-alpine' }] },
    ],
    provenance: generalKnowledge('httpd image tags'),
  },
  {
    key: 'redis', versionedVariants: true, official: true, recommendedTag: '8',
    pinNote: 'Redis 8 (8.10.x when read)',
    user: rootWith('redis', 999),
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false, size: 'redis:alpine' },
      { id: 'redis', family: 'debian', isToolchain: false, size: 'redis:latest', alternatives: [{ tag: '{version}-alpine' }] },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'postgres', versionedVariants: true, official: true, recommendedTag: '18',
    pinNote: 'pin the major version: a new major needs a data upgrade (pg_upgrade)',
    user: rootWith('postgres', 999),
    variants: [
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false, size: 'postgres:alpine', user: rootWith('postgres', 70) },
      { id: 'postgres', family: 'debian', isToolchain: false, size: 'postgres:latest', alternatives: [{ tag: '{version}-alpine' }] },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'mysql', official: true, recommendedTag: '9.7',
    pinNote: 'what `latest` pointed to when read; 8.4 is the older LTS line',
    user: rootWith('mysql', 999),
    variants: [{ id: 'oraclelinux', family: 'rhel', isToolchain: false }],
    provenance: REPO_INFO,
  },
  {
    key: 'mariadb', official: true, recommendedTag: '12.3',
    pinNote: 'newest GA series when read; 11.8 is the previous long-term series',
    user: rootWith('mysql', 999),
    variants: [
      { id: 'ubi', match: /(^|-)ubi\d*(-|$)/, family: 'rhel', isToolchain: false },
      { id: 'ubuntu', family: 'ubuntu', isToolchain: false },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'mongo', official: true, recommendedTag: '8',
    pinNote: 'MongoDB 8.x; pin the major: data files do not downgrade',
    user: rootWith('mongodb', 999),
    variants: [
      { id: 'windows', match: WINDOWS, family: 'windows', isToolchain: false },
      { id: 'ubuntu', family: 'ubuntu', isToolchain: false },
    ],
    provenance: REPO_INFO,
  },
  {
    key: 'traefik', official: true, recommendedTag: 'v3',
    pinNote: 'Traefik v3 (tags carry a leading v)',
    user: ROOT,
    variants: [
      { id: 'windows', match: WINDOWS, family: 'windows', isToolchain: false },
      { id: 'alpine', family: 'alpine', isToolchain: false },
    ],
    provenance: generalKnowledge('traefik image is Alpine based and tagged vX.Y'),
  },
  {
    key: 'centos', official: true,
    deprecated: 'CentOS Linux is end of life (7 in 2024-06, 8 in 2021-12) and the image is no longer updated',
    pinNote: 'end of life: move to almalinux, rockylinux/rockylinux, quay.io/centos/centos:stream10 or UBI instead of pinning',
    user: ROOT,
    variants: [{ id: 'centos', family: 'centos', isToolchain: false }],
    provenance: generalKnowledge('CentOS end-of-life dates'),
  },
  {
    key: 'fedora', official: true, recommendedTag: '44',
    pinNote: 'Fedora 44 (45 was due in 2026-10); each release is supported about 13 months',
    user: ROOT,
    variants: [{ id: 'fedora', family: 'fedora', isToolchain: false }],
    provenance: REPO_INFO,
  },
  {
    key: 'rockylinux', official: true,
    deprecated: 'the Docker official rockylinux image is deprecated; Rocky Linux publishes rockylinux/rockylinux',
    pinNote: 'deprecated: use rockylinux/rockylinux:10 instead of pinning',
    user: ROOT,
    variants: [{ id: 'rockylinux', family: 'rhel', isToolchain: false }],
    provenance: generalKnowledge('rockylinux official image deprecation'),
  },
  {
    key: 'rockylinux/rockylinux', matchRepository: /^quay\.io\/rockylinux\/rockylinux$/, official: false, recommendedTag: '10',
    user: ROOT,
    variants: [
      { id: 'minimal', match: token('minimal'), family: 'rhel', isToolchain: false },
      { id: 'rockylinux', family: 'rhel', isToolchain: false, alternatives: [{ tag: '{version}-minimal' }] },
    ],
    provenance: generalKnowledge('Rocky Linux image tags'),
  },
  {
    key: 'almalinux', official: true, recommendedTag: '10',
    user: ROOT,
    variants: [
      { id: 'minimal', match: token('minimal|micro'), family: 'rhel', isToolchain: false },
      { id: 'almalinux', family: 'rhel', isToolchain: false, alternatives: [{ tag: '{version}-minimal' }] },
    ],
    provenance: generalKnowledge('AlmaLinux image tags'),
  },
  {
    key: 'amazonlinux', official: true, recommendedTag: '2023',
    user: ROOT,
    variants: [{ id: 'amazonlinux', family: 'amazonlinux', isToolchain: false }],
    provenance: generalKnowledge('Amazon Linux image tags'),
  },
  {
    key: 'bitnami/*', matchRepository: /^bitnami\/[a-z0-9._-]+$/, official: false,
    pinNote: 'Bitnami moved versioned tags of its free images to bitnamilegacy/* in 2025; pin a digest or move to another image',
    // Bitnami images switch to uid 1001, which has no name in /etc/passwd.
    user: runsAs('1001', 1001),
    variants: [{ id: 'bitnami', family: 'debian', isToolchain: false }],
    provenance: generalKnowledge('Bitnami images run as uid 1001'),
  },
];
