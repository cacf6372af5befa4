import { Fix, Rule } from '../../engine/types';
import { buildCommand, buildToolsLeftInstalled, looksLikeApplication } from '../../analysis/build-tools';
import { lookupBaseImage } from '../../data/base-images';
import { goMultiStageFix } from '../../fixes/go-multi-stage';
import { finalStage, stageChain } from '../../model/stages';

/** Base images that are an SDK, not a runtime (the full python/node/ruby images are large-base-image's business). */
const SDK_IMAGES = new Set(['golang', 'rust', 'maven', 'gradle', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'mcr.microsoft.com/dotnet/sdk']);

const rule: Rule = {
  meta: {
    id: 'build-tools-in-final-stage',
    category: 'size',
    severity: 'warning',
    fixable: 'unsafe',
    equivalents: { note: 'none has it (seeds: multi-stage)' },
    docs: {
      summary: 'Compilers and SDKs (gcc, make, build-essential, `*-dev` packages, Go, Maven, Gradle, JDK, Rust) in the stage that becomes the image.',
      why:
        'A compiler is only needed to build. Left in the image it costs size (`golang` is 316 MB compressed against ~2 MB for `distroless/static`, `build-essential` adds ~250 MB on Debian) and gives an attacker who gets in a toolchain to build with. A multi-stage build compiles in one stage and copies only the result into a small runtime image.',
      bad: 'FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      good: 'FROM golang:1.24 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM gcr.io/distroless/static-debian13\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      fix: 'For the common Go shape — one stage `FROM golang…` with `RUN go build -o <path>` and an exec-form CMD/ENTRYPOINT that runs that path — names the stage `build`, builds with `CGO_ENABLED=0`, and adds a `gcr.io/distroless/static-debian13` stage that copies the binary and keeps WORKDIR, ENV, LABEL, EXPOSE, USER, CMD and ENTRYPOINT. Unsafe: files the program reads at run time (templates, static assets) must be copied too, and a cgo program will not build. Other shapes (installed packages, Java, Rust…) get no fix. Packages removed again (apk `--virtual` + `apk del`, `apt-get purge`, the `apt-mark auto … --auto-remove` idiom) are not flagged, nor are toolchain images on purpose: the rule only looks at images that copy something from the build context and run more than a bare shell or interpreter.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const final = finalStage(model);
    if (!final || final.windows) return;
    const chain = stageChain(model, final);
    if (!looksLikeApplication(chain)) return;
    const root = chain[0];
    if (root.baseKind === 'image' && root.image && !root.image.unresolved) {
      const info = lookupBaseImage({ registry: root.image.registry, repository: root.image.repository, tag: root.image.tag });
      const built = chain.flatMap((s) => s.instructions).map((i) => ({ i, word: buildCommand(ctx.scripts(i)) })).find((x) => x.word);
      if (info?.isToolchain && SDK_IMAGES.has(info.key) && built) {
        const fix = info.key === 'golang' && chain.length === 1 ? goMultiStageFix(model, final, ctx.scripts) : undefined;
        const fixes: Fix[] = fix ? [fix] : [];
        ctx.report({
          range: root.image.range,
          instruction: root.from,
          message: `The image is built FROM ${root.image.resolved}, so the whole ${info.key} toolchain ships with it: build in a separate stage and copy only the result into a runtime image.`,
          fixes,
        });
      }
    }
    for (const t of buildToolsLeftInstalled(chain, ctx.scripts)) {
      const names = t.group.map((w) => w.value);
      ctx.report({
        range: t.word.range,
        instruction: t.instr,
        message: `${names.slice(0, 4).join(', ')}${names.length > 4 ? ' …' : ''} ${names.length === 1 ? 'is a build tool' : 'are build tools'} left in the final image: install ${names.length === 1 ? 'it' : 'them'} in a build stage, or remove ${names.length === 1 ? 'it' : 'them'} in the same RUN after use.`,
      });
    }
  },
};

export default rule;
