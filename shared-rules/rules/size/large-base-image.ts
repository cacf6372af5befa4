import { Rule } from '../../engine/types';
import { lookupBaseImage } from '../../data/base-images';
import { imageStages } from '../../model/stages';

/** Tags that already are the small variant. */
const SMALL_TAG = /(^|-)(slim|alpine[\d.]*|minimal|micro|jre|chiseled|distroless|busybox|nanoserver)(-|$)/;
const SMALL_FAMILY = new Set(['alpine', 'distroless', 'scratch', 'busybox', 'windows', 'wolfi']);
/** A switch is worth suggesting when it saves at least this much, and this share. */
const MIN_SAVING_BYTES = 25e6;
const MIN_SAVING_SHARE = 0.3;

function mb(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}

const rule: Rule = {
  meta: {
    id: 'large-base-image',
    scope: 'stage',
    category: 'size',
    severity: 'info',
    fixable: 'unsafe',
    equivalents: { note: 'none has it (seeds: right base image)' },
    docs: {
      summary: 'A full-size base image where a slim variant of the same version exists.',
      why:
        'The full variants of the language images are built on `buildpack-deps`: compilers, headers, version control and hundreds of libraries. `python:3.14` is 415 MB compressed, `python:3.14-slim` 43 MB; `debian:bookworm` is 48 MB, `bookworm-slim` 28 MB. Every pull, push and cold start pays the difference, and every extra package is another CVE to patch.',
      bad: 'FROM python:3.13\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
      good: 'FROM python:3.13-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
      fix: 'Switches the tag to the slim variant of the same version from the bundled image table (e.g. `python:3.12-bookworm` → `python:3.12-slim-bookworm`). Unsafe: the slim image lacks compilers and many libraries, so a RUN that builds native extensions may need packages installed explicitly. Only the stages that end up in the image are checked; untagged and `latest` references get the message but no fix (the version would change).',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const shipped = imageStages(model);
    for (const stage of model.stages) {
      const image = stage.image;
      if (!shipped.has(stage.index) || stage.windows || stage.baseKind !== 'image' || !image || image.unresolved) continue;
      const info = lookupBaseImage({ registry: image.registry, repository: image.repository, tag: image.tag, digest: image.digest });
      if (!info || SMALL_FAMILY.has(info.family) || SMALL_TAG.test(info.tag ?? '')) continue;
      // The slim variant of the same image and distro: alpine (musl) is another distro.
      const alt = info.alternatives.find((a) => a.repository === info.key && lookupBaseImage({ repository: a.repository, tag: a.tag })?.family === info.family);
      if (!alt) continue;
      const current = info.size?.compressedBytes;
      const smaller = alt.size?.compressedBytes;
      let sizes = '';
      if (current !== undefined && smaller !== undefined) {
        const saving = current - smaller;
        if (saving < MIN_SAVING_BYTES || saving < MIN_SAVING_SHARE * current) continue;
        const about = info.size?.exact && alt.size?.exact ? '' : '~';
        sizes = ` (${about}${mb(current)} compressed; ${alt.ref} is ${about}${mb(smaller)})`;
      } else if (!info.isToolchain) continue;
      const shown = `${info.key}:${info.tag ?? 'latest'}`;
      const tag = info.tag;
      const fixable = !image.hasVariables && image.digest === undefined && image.tagRange !== undefined && tag !== undefined && tag !== 'latest';
      ctx.report({
        range: image.range,
        instruction: stage.from,
        message: `${shown} is a full-size image${sizes}: use ${alt.ref} unless the image needs its compilers and libraries.`,
        fixes: fixable && image.tagRange ? [{ title: `Switch to ${alt.ref}`, safe: false, edits: [{ range: image.tagRange, newText: alt.tag }] }] : [],
      });
    }
  },
};

export default rule;
