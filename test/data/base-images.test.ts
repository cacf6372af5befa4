import * as assert from 'assert';
import {
  BASE_IMAGES,
  MEASURED_SIZES,
  TABLE_DATE,
  lookupBaseImage,
  normalizeRepository,
  recommendedPinTag,
  slimAlternative,
  type ImageRef,
} from '../../shared-rules/data/base-images';

/** `[registry/]repository[:tag][@digest]` → ImageRef, enough for these tests. */
function ref(text: string): ImageRef {
  const [nameAndTag = '', digest] = text.split('@');
  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.indexOf(':', lastSlash + 1);
  const name = colon < 0 ? nameAndTag : nameAndTag.slice(0, colon);
  const tag = colon < 0 ? undefined : nameAndTag.slice(colon + 1);
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  return {
    registry: hasRegistry ? first : undefined,
    repository: hasRegistry ? name.slice(slash + 1) : name,
    tag,
    digest,
  };
}

function summary(text: string): Record<string, unknown> | undefined {
  const info = lookupBaseImage(ref(text));
  if (info === undefined) return undefined;
  return {
    key: info.key,
    variant: info.variant,
    family: info.family,
    defaultUser: info.user.defaultUser,
    runsAsNonRoot: info.user.runsAsNonRoot,
    nonRootUser: info.user.nonRootUser,
    isToolchain: info.isToolchain,
    compressedBytes: info.size?.compressedBytes,
    measuredOn: info.size?.measuredOn,
    exact: info.size?.exact,
    alternatives: info.alternatives.map((a) => a.ref),
  };
}

describe('base image table: normalizeRepository', () => {
  it('treats the Docker Hub spellings of an official image as one name', () => {
    assert.strictEqual(normalizeRepository(undefined, 'python'), 'python');
    assert.strictEqual(normalizeRepository('docker.io', 'python'), 'python');
    assert.strictEqual(normalizeRepository('docker.io', 'library/python'), 'python');
    assert.strictEqual(normalizeRepository(undefined, 'library/python'), 'python');
    assert.strictEqual(normalizeRepository(undefined, 'docker.io/library/python'), 'python');
    assert.strictEqual(normalizeRepository('index.docker.io', 'library/node'), 'node');
  });

  it('keeps namespaces and other registries', () => {
    assert.strictEqual(normalizeRepository('docker.io', 'bitnami/redis'), 'bitnami/redis');
    assert.strictEqual(normalizeRepository('gcr.io', 'distroless/static-debian12'), 'gcr.io/distroless/static-debian12');
    assert.strictEqual(normalizeRepository(undefined, 'localhost:5000/app'), 'localhost:5000/app');
    assert.strictEqual(normalizeRepository('MCR.Microsoft.com', 'dotnet/SDK'), 'mcr.microsoft.com/dotnet/sdk');
  });
});

describe('base image table: lookupBaseImage', () => {
  it('resolves a fully spelled official ref with a slim codename tag', () => {
    assert.deepStrictEqual(summary('docker.io/library/python:3.12-slim-bookworm'), {
      key: 'python', variant: 'slim', family: 'debian', defaultUser: 'root', runsAsNonRoot: false,
      nonRootUser: undefined, isToolchain: false, compressedBytes: 43_437_809,
      measuredOn: 'python:3.14-slim', exact: false, alternatives: ['python:3.12-alpine'],
    });
  });

  it('resolves an alpine tag with an Alpine release suffix', () => {
    assert.deepStrictEqual(summary('node:20-alpine3.20'), {
      key: 'node', variant: 'alpine', family: 'alpine', defaultUser: 'root', runsAsNonRoot: false,
      nonRootUser: 'node', isToolchain: false, compressedBytes: 62_808_818,
      measuredOn: 'node:26-alpine', exact: false, alternatives: [],
    });
  });

  it('knows distroless :nonroot runs as uid 65532', () => {
    const info = lookupBaseImage(ref('gcr.io/distroless/static-debian12:nonroot'));
    assert.ok(info);
    assert.strictEqual(info.key, 'gcr.io/distroless/static');
    assert.strictEqual(info.variant, 'nonroot');
    assert.strictEqual(info.family, 'distroless');
    assert.deepStrictEqual(info.user, { defaultUser: 'nonroot', runsAsNonRoot: true, nonRootUser: 'nonroot', nonRootUid: 65532 });
    assert.strictEqual(info.size?.uncompressedBytes, 2_000_000);
    assert.strictEqual(info.size?.approximate, true);
    assert.strictEqual(lookupBaseImage(ref('gcr.io/distroless/static-debian13'))?.user.runsAsNonRoot, false);
    assert.strictEqual(lookupBaseImage(ref('gcr.io/distroless/java21-debian13:debug-nonroot'))?.user.defaultUser, 'nonroot');
  });

  it('resolves Windows Server Core and offers Nano Server of the same release', () => {
    const info = lookupBaseImage(ref('mcr.microsoft.com/windows/servercore:ltsc2022'));
    assert.ok(info);
    assert.strictEqual(info.key, 'mcr.microsoft.com/windows/servercore');
    assert.strictEqual(info.family, 'windows');
    assert.deepStrictEqual(info.user, { defaultUser: 'ContainerAdministrator', runsAsNonRoot: false, nonRootUser: 'ContainerUser' });
    assert.strictEqual(info.size, undefined);
    assert.deepStrictEqual(info.alternatives.map((a) => a.ref), ['mcr.microsoft.com/windows/nanoserver:ltsc2022']);
    assert.strictEqual(lookupBaseImage(ref('mcr.microsoft.com/windows/nanoserver:ltsc2025'))?.user.runsAsNonRoot, true);
  });

  it('describes tag-less refs as the latest tag, whose size is exact', () => {
    assert.deepStrictEqual(summary('python'), {
      key: 'python', variant: 'full', family: 'debian', defaultUser: 'root', runsAsNonRoot: false,
      nonRootUser: undefined, isToolchain: true, compressedBytes: 414_967_043,
      measuredOn: 'python:latest', exact: true, alternatives: ['python:3.14-slim', 'python:3.14-alpine'],
    });
    assert.deepStrictEqual(summary('python:latest')?.alternatives, ['python:3.14-slim', 'python:3.14-alpine']);
    assert.deepStrictEqual(summary('debian')?.alternatives, ['debian:trixie-slim']);
    assert.deepStrictEqual(summary('node')?.alternatives, ['node:26-slim', 'node:26-alpine']);
  });

  it('keeps the version and codename the user wrote in alternatives', () => {
    assert.deepStrictEqual(summary('python:3.12-bookworm')?.alternatives, ['python:3.12-slim-bookworm', 'python:3.12-alpine']);
    assert.deepStrictEqual(summary('python:bookworm')?.alternatives, ['python:slim-bookworm', 'python:alpine']);
    assert.deepStrictEqual(summary('node:22-bookworm')?.alternatives, ['node:22-bookworm-slim', 'node:22-alpine']);
    assert.deepStrictEqual(summary('debian:bookworm')?.alternatives, ['debian:bookworm-slim']);
    assert.deepStrictEqual(summary('debian:12')?.alternatives, ['debian:12-slim']);
    assert.deepStrictEqual(summary('eclipse-temurin:21-jdk-noble')?.alternatives, ['eclipse-temurin:21-jre-noble', 'eclipse-temurin:21-jre-alpine']);
    assert.deepStrictEqual(summary('openjdk:17-jdk-slim')?.alternatives, ['eclipse-temurin:17-jre']);
    assert.deepStrictEqual(summary('php:8.4-fpm')?.alternatives, ['php:8.4-fpm-alpine']);
    assert.deepStrictEqual(summary('golang:1.25')?.alternatives, ['golang:1.25-alpine', 'gcr.io/distroless/static-debian13:nonroot']);
    assert.deepStrictEqual(summary('mcr.microsoft.com/dotnet/sdk:8.0')?.alternatives, ['mcr.microsoft.com/dotnet/aspnet:8.0']);
  });

  it('resolves release-specific Debian and Ubuntu variants', () => {
    assert.deepStrictEqual(
      ['debian:bookworm-slim', 'debian:12-slim', 'debian:trixie-slim', 'debian:stable-slim', 'debian:bookworm', 'debian:trixie']
        .map((r) => [summary(r)?.variant, summary(r)?.compressedBytes, summary(r)?.exact]),
      [
        ['bookworm-slim', 28_232_590, true], ['bookworm-slim', 28_232_590, false], ['slim', 29_780_765, true],
        ['slim', 29_780_765, false], ['bookworm', 48_497_091, true], ['debian', 49_312_314, true],
      ],
    );
    assert.deepStrictEqual(summary('ubuntu:24.04'), {
      key: 'ubuntu', variant: 'noble', family: 'ubuntu', defaultUser: 'root', runsAsNonRoot: false,
      nonRootUser: 'ubuntu', isToolchain: false, compressedBytes: 29_764_116,
      measuredOn: 'ubuntu:24.04', exact: true,
      // debian:trixie-slim (29,780,765 bytes) is not smaller than ubuntu:24.04, so it is not offered.
      alternatives: [],
    });
    assert.deepStrictEqual(summary('ubuntu:26.04')?.alternatives, ['debian:trixie-slim']);
  });

  it('tells build toolchains from runtimes', () => {
    const toolchain = (r: string): boolean | undefined => lookupBaseImage(ref(r))?.isToolchain;
    assert.deepStrictEqual(
      ['golang:1.27', 'golang:1.27-alpine', 'rust:1.98-slim', 'maven', 'gradle:9-jdk21', 'node:26', 'python:3.14',
        'eclipse-temurin:25-jdk', 'openjdk:17', 'mcr.microsoft.com/dotnet/sdk:10.0', 'cgr.dev/chainguard/go'].map(toolchain),
      [true, true, true, true, true, true, true, true, true, true, true],
    );
    assert.deepStrictEqual(
      ['python:3.14-slim', 'node:26-alpine', 'eclipse-temurin:25-jre', 'eclipse-temurin:21-jre-alpine-3.24',
        'eclipse-temurin:21-jre-nanoserver-ltsc2022', 'openjdk:11-jre', 'mcr.microsoft.com/dotnet/aspnet:10.0',
        'cgr.dev/chainguard/python', 'nginx', 'alpine'].map(toolchain),
      [false, false, false, false, false, false, false, false, false, false],
    );
  });

  it('knows images that already run as non-root, and users to suggest', () => {
    const user = (r: string) => lookupBaseImage(ref(r))?.user;
    assert.deepStrictEqual(user('cgr.dev/chainguard/python:latest-dev'), { defaultUser: 'nonroot', runsAsNonRoot: true, nonRootUser: 'nonroot', nonRootUid: 65532 });
    assert.deepStrictEqual(user('cgr.dev/chainguard/wolfi-base'), { defaultUser: 'root', runsAsNonRoot: false });
    assert.deepStrictEqual(user('bitnami/postgresql'), { defaultUser: '1001', runsAsNonRoot: true, nonRootUser: '1001', nonRootUid: 1001 });
    assert.deepStrictEqual(user('nginxinc/nginx-unprivileged:alpine'), { defaultUser: 'nginx', runsAsNonRoot: true, nonRootUser: 'nginx', nonRootUid: 101 });
    assert.deepStrictEqual(user('node:26-slim'), { defaultUser: 'root', runsAsNonRoot: false, nonRootUser: 'node', nonRootUid: 1000 });
    assert.deepStrictEqual(user('postgres:18-alpine'), { defaultUser: 'root', runsAsNonRoot: false, nonRootUser: 'postgres', nonRootUid: 70 });
    assert.deepStrictEqual(user('mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled'), { defaultUser: 'app', runsAsNonRoot: true, nonRootUser: 'app', nonRootUid: 1654 });
    assert.deepStrictEqual(user('python:3.14'), { defaultUser: 'root', runsAsNonRoot: false });
  });

  it('marks deprecated and end-of-life images', () => {
    assert.match(lookupBaseImage(ref('openjdk:17'))?.deprecated ?? '', /deprecated/);
    assert.strictEqual(lookupBaseImage(ref('openjdk:17'))?.family, 'rhel');
    assert.strictEqual(lookupBaseImage(ref('openjdk:11'))?.family, 'debian');
    assert.match(lookupBaseImage(ref('centos:7'))?.deprecated ?? '', /end of life/);
    assert.strictEqual(lookupBaseImage(ref('python:3.14'))?.deprecated, undefined);
  });

  it('returns undefined for images it does not know', () => {
    assert.strictEqual(lookupBaseImage(ref('mycorp/app:1.0')), undefined);
    assert.strictEqual(lookupBaseImage(ref('pythonx')), undefined);
    assert.strictEqual(lookupBaseImage(ref('gcr.io/other/thing')), undefined);
    assert.strictEqual(lookupBaseImage(ref('ghcr.io/library/python:3.14')), undefined);
    assert.strictEqual(slimAlternative(ref('mycorp/app')), undefined);
    assert.strictEqual(recommendedPinTag(ref('mycorp/app')), undefined);
  });
});

describe('base image table: recommendedPinTag', () => {
  it('pins tag-less and latest refs to the table tag, keeping the variant the user meant', () => {
    const pins = ['python', 'python:latest', 'docker.io/library/node', 'golang', 'debian', 'ubuntu:latest', 'alpine',
      'eclipse-temurin', 'postgres', 'python:slim', 'node:alpine', 'golang:alpine', 'python:slim-bookworm', 'nginx:alpine',
      'gcr.io/distroless/static-debian13', 'mcr.microsoft.com/windows/servercore'].map((r) => recommendedPinTag(ref(r)));
    assert.deepStrictEqual(pins, ['3.14', '3.14', '26', '1.27', 'trixie', '26.04', '3.24', '25-jdk', '18', '3.14-slim',
      '26-alpine', '1.27-alpine', '3.14-slim-bookworm', '1.31-alpine', 'nonroot', 'ltsc2025']);
  });

  it('leaves pinned, digest-pinned, channel and digest-only images alone', () => {
    const pins = ['python:3.12', 'debian:bookworm', 'ubuntu:noble', 'node:lts-alpine', 'nginx:stable',
      'python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'cgr.dev/chainguard/python',
      'openjdk', 'scratch'].map((r) => recommendedPinTag(ref(r)));
    assert.deepStrictEqual(pins, [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('has a concrete recommended tag, or says how to pin, for every entry', () => {
    const floating = /(^|-)(latest|lts|current|stable|mainline|edge|rolling|devel|rawhide)(-|$)/;
    for (const entry of BASE_IMAGES) {
      if (entry.recommendedTag === undefined) {
        assert.ok((entry.pinNote ?? '').length > 0, `${entry.key} has neither a recommended tag nor a pin note`);
        continue;
      }
      assert.match(entry.recommendedTag, /^[a-z0-9][a-z0-9._-]*$/, entry.key);
      assert.doesNotMatch(entry.recommendedTag, floating, entry.key);
    }
  });
});

describe('base image table: slimAlternative', () => {
  it('offers a smaller image with its measured size', () => {
    const pairs = ['python:3.14', 'node:26', 'golang:1.27', 'debian:trixie', 'debian:bookworm', 'eclipse-temurin:25-jdk',
      'eclipse-temurin:25-jre', 'nginx:latest', 'redis:latest', 'postgres:latest', 'python:3.14-slim', 'ubuntu:latest']
      .map((r) => [r, lookupBaseImage(ref(r))?.size?.compressedBytes, slimAlternative(ref(r))?.ref, slimAlternative(ref(r))?.size?.compressedBytes]);
    assert.deepStrictEqual(pairs, [
      ['python:3.14', 414_967_043, 'python:3.14-slim', 43_437_809],
      ['node:26', 442_394_221, 'node:26-slim', 84_626_114],
      ['golang:1.27', 316_194_729, 'golang:1.27-alpine', 75_169_503],
      ['debian:trixie', 49_312_314, 'debian:trixie-slim', 29_780_765],
      ['debian:bookworm', 48_497_091, 'debian:bookworm-slim', 28_232_590],
      ['eclipse-temurin:25-jdk', 156_730_580, 'eclipse-temurin:25-jre', 123_138_422],
      ['eclipse-temurin:25-jre', 123_138_422, 'eclipse-temurin:25-jre-alpine', 75_490_424],
      ['nginx:latest', 63_110_572, 'nginx:1.31-alpine', 26_310_566],
      ['redis:latest', 55_474_442, 'redis:8-alpine', 39_102_983],
      ['postgres:latest', 162_473_560, 'postgres:18-alpine', 120_037_793],
      ['python:3.14-slim', 43_437_809, 'python:3.14-alpine', 17_774_999],
      ['ubuntu:latest', 41_568_664, 'debian:trixie-slim', 29_780_765],
    ]);
  });

  it('never drops a declared alternative of a measured tag for being larger (data check)', () => {
    // ubuntu:24.04 is the one measured tag whose declared alternative is not smaller.
    const expectedDropped = new Set(['ubuntu:24.04']);
    for (const entry of BASE_IMAGES) {
      for (const variant of entry.variants) {
        if (variant.size === undefined || (variant.alternatives ?? []).length === 0) continue;
        const measured = MEASURED_SIZES.find((s) => s.ref === variant.size);
        assert.ok(measured, `${entry.key}/${variant.id}: no measured size ${variant.size}`);
        const info = lookupBaseImage(ref(measured.ref));
        const kept = info?.alternatives.length ?? 0;
        const declared = variant.alternatives?.length ?? 0;
        if (expectedDropped.has(measured.ref)) assert.ok(kept < declared, measured.ref);
        else assert.strictEqual(kept, declared, `${measured.ref}: an alternative is not smaller`);
      }
    }
  });

  it('is undefined where there is nothing smaller', () => {
    assert.strictEqual(slimAlternative(ref('alpine:3.24')), undefined);
    assert.strictEqual(slimAlternative(ref('scratch')), undefined);
    assert.strictEqual(slimAlternative(ref('node:26-alpine')), undefined);
  });
});

describe('base image table: data integrity', () => {
  const isoDate = /^\d{4}-\d{2}-\d{2}$/;

  it('is dated', () => {
    assert.strictEqual(TABLE_DATE, '2026-11-29');
  });

  it('has provenance and a date on every entry and size', () => {
    for (const entry of BASE_IMAGES) {
      assert.ok(entry.provenance.source.length > 0, entry.key);
      assert.match(entry.provenance.seen, isoDate, entry.key);
      assert.ok(entry.provenance.seen <= TABLE_DATE, entry.key);
    }
    for (const size of MEASURED_SIZES) {
      assert.ok(size.source.length > 0, size.ref);
      assert.match(size.seen, isoDate, size.ref);
      if (size.imageDate !== undefined) assert.ok(size.imageDate <= TABLE_DATE, size.ref);
    }
  });

  it('holds sizes as positive integers (scratch is 0), approximate ones rounded to 2 significant digits', () => {
    for (const size of MEASURED_SIZES) {
      const values = [size.compressedBytes, size.uncompressedBytes].filter((v): v is number => v !== undefined);
      assert.ok(values.length > 0, `${size.ref} has no size`);
      for (const value of values) {
        assert.ok(Number.isInteger(value), size.ref);
        if (size.ref === 'scratch') assert.strictEqual(value, 0);
        else assert.ok(value > 0, size.ref);
        if (size.approximate === true) {
          const unit = 10 ** (String(value).length - 2);
          assert.strictEqual(value % unit, 0, `${size.ref}: ${value} has more than 2 significant digits`);
        }
      }
      if (size.compressedBytes !== undefined && size.uncompressedBytes !== undefined && size.ref !== 'scratch') {
        assert.ok(size.compressedBytes < size.uncompressedBytes, size.ref);
      }
    }
  });

  it('has unique keys, known size references and one default variant, last', () => {
    const keys = BASE_IMAGES.map((e) => e.key);
    assert.strictEqual(new Set(keys).size, keys.length);
    const refs = MEASURED_SIZES.map((s) => s.ref);
    assert.strictEqual(new Set(refs).size, refs.length);
    for (const entry of BASE_IMAGES) {
      const defaults = entry.variants.filter((v) => v.match === undefined);
      assert.strictEqual(defaults.length, 1, entry.key);
      assert.strictEqual(entry.variants[entry.variants.length - 1], defaults[0], entry.key);
      for (const variant of entry.variants) {
        if (variant.size !== undefined) assert.ok(refs.includes(variant.size), `${entry.key}/${variant.id}: ${variant.size}`);
      }
    }
  });

  it('covers the images the rules rely on', () => {
    const required = ['ubuntu', 'debian', 'alpine', 'busybox', 'node', 'python', 'golang', 'openjdk', 'eclipse-temurin',
      'amazoncorretto', 'maven', 'gradle', 'rust', 'ruby', 'php', 'nginx', 'httpd', 'redis', 'postgres', 'mysql', 'mariadb',
      'mongo', 'traefik', 'centos', 'fedora', 'rockylinux', 'almalinux', 'registry.access.redhat.com/ubi8',
      'registry.access.redhat.com/ubi8-minimal', 'registry.access.redhat.com/ubi9', 'registry.access.redhat.com/ubi9-minimal',
      'gcr.io/distroless/static-debian12', 'gcr.io/distroless/base-debian12', 'gcr.io/distroless/cc-debian12',
      'gcr.io/distroless/java21-debian12', 'gcr.io/distroless/python3-debian12', 'gcr.io/distroless/nodejs22-debian12',
      'cgr.dev/chainguard/static', 'mcr.microsoft.com/dotnet/sdk', 'mcr.microsoft.com/dotnet/aspnet',
      'mcr.microsoft.com/dotnet/runtime', 'mcr.microsoft.com/dotnet/runtime-deps', 'mcr.microsoft.com/windows/servercore',
      'mcr.microsoft.com/windows/nanoserver', 'mcr.microsoft.com/powershell', 'scratch'];
    const missing = required.filter((r) => lookupBaseImage(ref(r)) === undefined);
    assert.deepStrictEqual(missing, []);
  });
});
