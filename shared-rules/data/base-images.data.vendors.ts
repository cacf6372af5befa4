import type { BaseImageEntry, VariantSpec } from './base-images.types';
import { ALPINE, ROOT, WINDOWS, generalKnowledge, rootWith, runsAs, token } from './base-images.shared';

// Images from other registries: distroless, Chainguard, Microsoft, Red Hat.

const NONROOT_65532 = runsAs('nonroot', 65532);

/** Distroless tags: latest, nonroot, debug, debug-nonroot (plus arch suffixes). */
function distrolessVariants(size: string | undefined, isToolchain: boolean): readonly VariantSpec[] {
  return [
    { id: 'nonroot', match: token('nonroot'), family: 'distroless', isToolchain, user: NONROOT_65532, size },
    // The debug tags add a busybox shell.
    { id: 'debug', match: token('debug'), family: 'distroless', isToolchain },
    { id: 'distroless', family: 'distroless', isToolchain, size },
  ];
}

function distroless(name: string, pattern: string, size: string | undefined): BaseImageEntry {
  return {
    key: `gcr.io/distroless/${name}`,
    matchRepository: new RegExp(`^gcr\\.io/distroless/${pattern}(-debian\\d+)?$`),
    official: false,
    recommendedTag: 'nonroot',
    pinNote: 'distroless tags carry no version: the Debian release is in the name (-debian13); pin a digest to be reproducible. `nonroot` also switches to uid 65532',
    user: ROOT,
    variants: distrolessVariants(size, false),
    provenance: generalKnowledge('distroless tags and the nonroot user (uid 65532)'),
  };
}

const DOTNET_PIN = '.NET 10 is the LTS release (to 2028-11); .NET 10 images default to Ubuntu 24.04';

/** .NET tags: `10.0`, `10.0-alpine`, `10.0-noble-chiseled`, `10.0-azurelinux3.0`, `8.0-bookworm-slim`, Windows… */
function dotnetVariants(isToolchain: boolean, chiseled: boolean): readonly VariantSpec[] {
  const runtimeAlternatives = chiseled
    ? [
      { tag: '{version}-noble-chiseled', note: 'Ubuntu chiseled: no shell or package manager, runs as app (uid 1654)' },
      { tag: '{version}-alpine' },
    ]
    : [];
  return [
    { id: 'windows', match: WINDOWS, family: 'windows', isToolchain },
    { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain },
    ...(chiseled ? [{ id: 'chiseled', match: token('chiseled(-extra)?'), family: 'distroless' as const, isToolchain, user: runsAs('app', 1654) }] : []),
    { id: 'azurelinux', match: /(^|-)(azurelinux|cbl-mariner)/, family: 'azurelinux', isToolchain },
    // Before .NET 10 the default tags were Debian 12.
    { id: 'debian', match: /(^|-)(bookworm|trixie)(-|$)|^[6-9]\.0(\.\d+)?$/, family: 'debian', isToolchain, alternatives: runtimeAlternatives },
    { id: 'ubuntu', family: 'ubuntu', isToolchain, alternatives: runtimeAlternatives },
  ];
}

function dotnet(name: string, isToolchain: boolean): BaseImageEntry {
  return {
    key: `mcr.microsoft.com/dotnet/${name}`,
    official: false,
    recommendedTag: '10.0',
    pinNote: DOTNET_PIN,
    // .NET 8+ images ship an `app` user (uid 1654) but start as root, except the chiseled ones.
    user: rootWith('app', 1654),
    variants: isToolchain
      ? dotnetVariants(true, false).map((v) => v.id === 'ubuntu' || v.id === 'debian'
        ? { ...v, alternatives: [{ repository: 'mcr.microsoft.com/dotnet/aspnet', tag: '{version}', note: 'multi-stage build: publish with the SDK, run on aspnet (or runtime for non-web apps)' }] }
        : v)
      : dotnetVariants(false, true),
    provenance: generalKnowledge('.NET container image tags and the app user'),
  };
}

const UBI_PIN = 'UBI tags are RHEL minor releases (e.g. 9.6); pin the minor you build and test on, or a digest';

function ubi(major: number): readonly BaseImageEntry[] {
  const host = '^registry\\.(access\\.)?redhat\\.(com|io)/';
  return [
    {
      key: `registry.access.redhat.com/ubi${major}`,
      matchRepository: new RegExp(`${host}ubi${major}(/ubi)?$`),
      official: false, pinNote: UBI_PIN, user: ROOT,
      variants: [{ id: 'ubi', family: 'rhel', isToolchain: false, alternatives: [{ repository: `registry.access.redhat.com/ubi${major}-minimal`, tag: '{tag}', note: 'microdnf instead of dnf' }] }],
      provenance: generalKnowledge('Red Hat UBI repositories'),
    },
    {
      key: `registry.access.redhat.com/ubi${major}-minimal`,
      matchRepository: new RegExp(`${host}ubi${major}(-minimal|/ubi-minimal)$`),
      official: false, pinNote: UBI_PIN, user: ROOT,
      variants: [{ id: 'ubi-minimal', family: 'rhel', isToolchain: false }],
      provenance: generalKnowledge('Red Hat UBI repositories'),
    },
  ];
}

export const VENDOR_IMAGES: readonly BaseImageEntry[] = [
  distroless('static', 'static', 'gcr.io/distroless/static-debian12:latest'),
  distroless('base', 'base(-nossl)?', 'gcr.io/distroless/base-debian12:latest'),
  distroless('cc', 'cc', 'gcr.io/distroless/cc-debian12:latest'),
  distroless('java', 'java\\d+', 'gcr.io/distroless/java21-debian12:latest'),
  distroless('python3', 'python3', undefined),
  distroless('nodejs', 'nodejs\\d+', undefined),

  {
    key: 'cgr.dev/chainguard/wolfi-base', official: false,
    pinNote: 'the free tier publishes only latest and latest-dev; pin a digest',
    user: ROOT,
    variants: [{ id: 'wolfi', family: 'wolfi', isToolchain: false }],
    provenance: generalKnowledge('Chainguard wolfi-base runs as root'),
  },
  {
    key: 'cgr.dev/chainguard/*-toolchain',
    matchRepository: /^cgr\.dev\/chainguard\/(go|rust|maven|gradle|jdk|gcc-glibc|dotnet-sdk|clang|zig)$/,
    official: false,
    pinNote: 'the free tier publishes only latest and latest-dev; pin a digest',
    user: NONROOT_65532,
    variants: [{ id: 'wolfi', family: 'wolfi', isToolchain: true }],
    provenance: generalKnowledge('Chainguard images run as nonroot (uid 65532), -dev ones too'),
  },
  {
    key: 'cgr.dev/chainguard/*', matchRepository: /^cgr\.dev\/chainguard\/[a-z0-9._-]+$/, official: false,
    pinNote: 'the free tier publishes only latest and latest-dev; pin a digest',
    user: NONROOT_65532,
    variants: [{ id: 'wolfi', family: 'wolfi', isToolchain: false }],
    provenance: generalKnowledge('Chainguard images run as nonroot (uid 65532), -dev ones too'),
  },

  dotnet('sdk', true),
  dotnet('aspnet', false),
  dotnet('runtime', false),
  dotnet('runtime-deps', false),

  {
    key: 'mcr.microsoft.com/windows/servercore', official: false, recommendedTag: 'ltsc2025',
    pinNote: 'pin the LTSC release that matches your hosts (ltsc2022 or ltsc2025): Windows containers need a matching host build',
    user: { defaultUser: 'ContainerAdministrator', runsAsNonRoot: false, nonRootUser: 'ContainerUser' },
    variants: [{
      id: 'servercore', family: 'windows', isToolchain: false,
      alternatives: [{ repository: 'mcr.microsoft.com/windows/nanoserver', tag: '{tag}', note: 'no PowerShell, .NET Framework or MSI: only for apps that run on Nano Server' }],
    }],
    provenance: generalKnowledge('Windows base image tags and default users'),
  },
  {
    key: 'mcr.microsoft.com/windows/nanoserver', official: false, recommendedTag: 'ltsc2025',
    pinNote: 'pin the LTSC release that matches your hosts (ltsc2022 or ltsc2025)',
    user: { defaultUser: 'ContainerUser', runsAsNonRoot: true, nonRootUser: 'ContainerUser' },
    variants: [{ id: 'nanoserver', family: 'windows', isToolchain: false }],
    provenance: generalKnowledge('Windows base image tags and default users'),
  },
  {
    key: 'mcr.microsoft.com/powershell', official: false,
    pinNote: 'tags are <version>-<os> (e.g. 7.4-ubuntu-22.04); pin the PowerShell version and OS you test on',
    user: ROOT,
    variants: [
      { id: 'windows', match: WINDOWS, family: 'windows', isToolchain: false },
      { id: 'alpine', match: ALPINE, family: 'alpine', isToolchain: false },
      { id: 'azurelinux', match: /(^|-)(azurelinux|mariner)/, family: 'azurelinux', isToolchain: false },
      { id: 'debian', match: /(^|-)debian/, family: 'debian', isToolchain: false },
      { id: 'ubuntu', family: 'ubuntu', isToolchain: false },
    ],
    provenance: generalKnowledge('PowerShell image tags'),
  },

  ...ubi(8),
  ...ubi(9),
  ...ubi(10),
];
