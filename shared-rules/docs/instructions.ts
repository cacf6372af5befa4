/**
 * What each instruction does to the image and to the build cache: shown in
 * hovers on instruction keywords. Facts about BuildKit's behaviour, kept in
 * one place so the hover, the layer model and the docs agree.
 */
export interface InstructionInfo {
  summary: string;
  /** Whether the instruction adds a filesystem layer (the others only change image config). */
  createsLayer: boolean;
  /** What makes BuildKit re-run it instead of taking it from the cache. */
  cache: string;
}

const CONFIG_ONLY = 'Adds no filesystem layer: it only changes the image configuration, so it costs no bytes.';

export const INSTRUCTIONS: Record<string, InstructionInfo> = {
  FROM: { summary: 'Starts a build stage from a base image (or an earlier stage, or `scratch`).', createsLayer: false, cache: 'A new base image digest (e.g. after a pull of a moving tag) invalidates every instruction of the stage.' },
  RUN: { summary: 'Runs a command in a new layer and records the files it changed.', createsLayer: true, cache: 'Re-runs when the command text, its flags, the build args/ENV it can see or any earlier instruction change. Files it downloads are *not* part of the cache key: a cached `apt-get update` stays stale.' },
  COPY: { summary: 'Copies files from the build context (or another stage with `--from`) into a new layer.', createsLayer: true, cache: 'Re-runs when the content or metadata of any copied file changes (checksums of the sources), or when an earlier instruction changes. Everything below it is rebuilt too, so copy rarely-changing files first.' },
  ADD: { summary: 'Like COPY, and also fetches URLs, Git repositories and auto-extracts local tar archives.', createsLayer: true, cache: 'Local sources: by content, like COPY. Remote URLs: re-downloaded on every build unless `--checksum` is given.' },
  WORKDIR: { summary: 'Sets the working directory for later instructions (creating it if needed).', createsLayer: false, cache: 'Re-runs when its path or an earlier instruction changes. Creating a missing directory produces a tiny layer.' },
  ENV: { summary: 'Sets environment variables for later instructions and the running container.', createsLayer: false, cache: `${CONFIG_ONLY} Changing a value invalidates every later instruction.` },
  ARG: { summary: 'Declares a build argument (`--build-arg`) usable by later instructions of the stage.', createsLayer: false, cache: `${CONFIG_ONLY} A RUN after it is re-run when the argument's value changes (if it uses it).` },
  LABEL: { summary: 'Adds metadata to the image.', createsLayer: false, cache: CONFIG_ONLY },
  EXPOSE: { summary: 'Documents the ports the container listens on.', createsLayer: false, cache: CONFIG_ONLY },
  USER: { summary: 'Sets the user (and group) for later RUN/CMD/ENTRYPOINT.', createsLayer: false, cache: `${CONFIG_ONLY} Later RUNs re-run when it changes.` },
  VOLUME: { summary: 'Declares mount points; changes made to them by later RUNs are discarded.', createsLayer: false, cache: CONFIG_ONLY },
  CMD: { summary: 'The default command (or ENTRYPOINT arguments) of the container.', createsLayer: false, cache: CONFIG_ONLY },
  ENTRYPOINT: { summary: 'The program the container runs; CMD supplies default arguments.', createsLayer: false, cache: CONFIG_ONLY },
  HEALTHCHECK: { summary: 'How the runtime checks that the container is healthy.', createsLayer: false, cache: CONFIG_ONLY },
  SHELL: { summary: 'The shell used by shell-form RUN/CMD/ENTRYPOINT.', createsLayer: false, cache: `${CONFIG_ONLY} Later shell-form instructions re-run when it changes.` },
  STOPSIGNAL: { summary: 'The signal sent to stop the container.', createsLayer: false, cache: CONFIG_ONLY },
  ONBUILD: { summary: 'A trigger instruction that runs in every image built FROM this one.', createsLayer: false, cache: 'Runs in child builds, right after their FROM: a change here invalidates every child build.' },
  MAINTAINER: { summary: 'Deprecated author field: use `LABEL org.opencontainers.image.authors`.', createsLayer: false, cache: CONFIG_ONLY },
};

export function instructionHover(keyword: string): string | undefined {
  const info = INSTRUCTIONS[keyword.toUpperCase()];
  if (!info) return undefined;
  const layer = info.createsLayer ? '**Adds a filesystem layer.**' : '**No filesystem layer.**';
  return `**${keyword.toUpperCase()}** — ${info.summary}\n\n${layer}\n\n*Cache:* ${info.cache}`;
}
