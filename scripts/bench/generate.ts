// Seeded generator of realistic multi-stage Dockerfiles for the benchmark and
// the incremental-analysis tests: the instructions, continuations, heredocs,
// mounts, ARG/ENV use and small mistakes that real files have, repeated in
// stages until the requested line count.

/** Mulberry32: small, fast, seedable; reproducible across Node versions. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASES = ['debian:bookworm-slim', 'ubuntu:22.04', 'python:3.12-slim', 'node:20-bookworm', 'golang:1.22', 'alpine:3.20', 'eclipse-temurin:21-jre', 'nginx:1.27', 'ubuntu', 'debian:${DEBIAN_VERSION}'];
const APT = ['curl', 'ca-certificates', 'git', 'build-essential', 'libssl-dev', 'pkg-config', 'unzip', 'gnupg', 'jq', 'make', 'python3', 'python3-pip', 'tzdata', 'locales', 'libpq-dev', 'zlib1g-dev'];
const APK = ['curl', 'git', 'bash', 'ca-certificates', 'openssl', 'tini', 'su-exec', 'tzdata'];
const PIP = ['requests', 'flask', 'gunicorn', 'numpy', 'pydantic', 'uvicorn', 'boto3'];
const WORDS = ['app', 'api', 'worker', 'web', 'cli', 'core', 'svc', 'tools', 'assets', 'docs'];

export function generateDockerfile(targetLines: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const some = <T>(xs: readonly T[], min: number, max: number): T[] => {
    const n = min + Math.floor(r() * (max - min + 1));
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]);
    return out;
  };
  const lines: string[] = ['# syntax=docker/dockerfile:1', '', 'ARG DEBIAN_VERSION=bookworm', 'ARG APP_VERSION=1.0.0', ''];
  let stage = 0;
  const names: string[] = [];
  while (lines.length < targetLines) {
    const name = `${pick(WORDS)}-${stage}`;
    const base = names.length > 0 && r() < 0.15 ? pick(names) : pick(BASES);
    const alpine = base.startsWith('alpine');
    lines.push(`# ---- stage ${stage}: ${name} ----`);
    lines.push(`FROM ${base} AS ${name}`);
    if (r() < 0.6) lines.push(`ARG APP_VERSION`);
    lines.push(`ENV LANG=C.UTF-8 \\`, `    APP_HOME=/opt/${name} \\`, `    PATH=/opt/${name}/bin:$PATH`);
    lines.push(`WORKDIR /opt/${name}`);
    const blocks = 3 + Math.floor(r() * 8);
    for (let b = 0; b < blocks; b++) {
      const kind = r();
      if (kind < 0.3) {
        if (alpine) {
          lines.push(`RUN apk add --no-cache \\`);
          const pk = some(APK, 2, 6);
          pk.forEach((p, i) => lines.push(`        ${p}${i < pk.length - 1 ? ' \\' : ''}`));
        } else {
          const clean = r() < 0.8;
          const recommends = r() < 0.8 ? ' --no-install-recommends' : '';
          lines.push(`RUN apt-get update && \\`, `    apt-get install -y${recommends} \\`);
          const pk = some(APT, 2, 8);
          pk.forEach((p, i) => lines.push(`        ${p}${i < pk.length - 1 || clean ? ' \\' : ''}`));
          if (clean) lines.push(`    && rm -rf /var/lib/apt/lists/*`);
        }
      } else if (kind < 0.42) {
        lines.push(`RUN --mount=type=cache,target=/root/.cache/pip \\`, `    pip install ${some(PIP, 1, 4).join(' ')}`);
      } else if (kind < 0.52) {
        lines.push(`COPY --chown=app:app ${pick(WORDS)}/ ./${pick(WORDS)}/`);
        lines.push(`COPY requirements.txt package.json ./`);
      } else if (kind < 0.6) {
        lines.push(`RUN <<EOF`, `set -eux`, `mkdir -p /opt/${name}/data`, `echo "${name} $APP_VERSION" > /opt/${name}/VERSION`, `chmod 0644 /opt/${name}/VERSION`, `EOF`);
      } else if (kind < 0.68) {
        lines.push(`# build the ${pick(WORDS)} component`);
        lines.push(`RUN make -C /opt/${name} ${pick(WORDS)} \\`, `    && make -C /opt/${name} install \\`, `    && rm -rf /tmp/*`);
      } else if (kind < 0.74 && names.length > 0) {
        lines.push(`COPY --from=${pick(names)} /opt/ /opt/`);
      } else if (kind < 0.8) {
        lines.push(`RUN echo "building ${name}" && ls -la /opt`);
        lines.push(`RUN cd /opt/${name} && ./configure --prefix=/usr/local`);
      } else if (kind < 0.86) {
        lines.push(`LABEL org.opencontainers.image.title="${name}" \\`, `      org.opencontainers.image.version="$APP_VERSION"`);
      } else if (kind < 0.9) {
        lines.push(`RUN curl -fsSL https://example.com/${name}.tar.gz -o /tmp/${name}.tgz \\`, `    && tar -xzf /tmp/${name}.tgz -C /opt \\`, `    && rm /tmp/${name}.tgz`);
      } else if (kind < 0.94) {
        lines.push(`ADD ${pick(WORDS)}.tar.gz /opt/${name}/`);
      } else {
        lines.push(`ENV ${pick(WORDS).toUpperCase()}_PORT=${8000 + Math.floor(r() * 1000)}`);
      }
    }
    if (r() < 0.5) {
      lines.push(`RUN groupadd -r app && useradd -r -g app app`);
      lines.push(`USER app`);
    }
    lines.push(`EXPOSE ${8000 + stage % 1000}`);
    if (r() < 0.3) lines.push(`HEALTHCHECK --interval=30s CMD curl -f http://localhost:${8000 + stage % 1000}/health || exit 1`);
    lines.push(r() < 0.8 ? `CMD ["/opt/${name}/bin/${name}", "--port", "${8000 + stage % 1000}"]` : `CMD /opt/${name}/bin/${name} --serve`);
    lines.push('');
    names.push(name);
    stage++;
  }
  // End on a stage boundary, then pad with comments to the exact line count.
  let cut = Math.min(lines.length, targetLines);
  while (cut > 0 && lines[cut - 1] !== '') cut--;
  const out = lines.slice(0, cut > 0 ? cut : targetLines);
  while (out.length < targetLines) out.push('# end');
  return out.join('\n') + '\n';
}
