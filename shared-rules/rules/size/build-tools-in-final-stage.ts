import { FinalChainMemo } from '../../analysis/final-chain-memo';
import { Fix, Report, Rule, RuleContext } from '../../engine/types';
import { buildCommand, buildToolsLeftInstalled, looksLikeApplication } from '../../analysis/build-tools';
import { lookupBaseImage } from '../../data/base-images';
import { goMultiStageFix } from '../../fixes/go-multi-stage';
import { mavenMultiStageFix } from '../../fixes/maven-multi-stage';
import { nodeMultiStageFix } from '../../fixes/node-multi-stage';
import { pythonMultiStageFix } from '../../fixes/python-multi-stage';
import { invocation } from '../../shell/commands';
import { RunScripts } from '../../shell/run-scripts';
import { finalStage, stageChain } from '../../model/stages';

/** Base images that are an SDK, not a runtime (the full python/node/ruby images are large-base-image's business). */
const SDK_IMAGES = new Set(['golang', 'rust', 'maven', 'gradle', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'mcr.microsoft.com/dotnet/sdk']);

/** `npm ci`/`npm install` of the project: node-gyp compiles native addons with the image's gcc and make. */
function npmInstall(scripts: RunScripts): boolean {
  return scripts.all.some((s) => s.commands.some((c) => {
    const inv = invocation(c);
    const sub = inv.args.find((a) => !a.value.startsWith('-'))?.value;
    return inv.program === 'npm' && (sub === 'ci' || sub === 'install' || sub === 'i') && !inv.args.some((a) => a.value === '-g' || a.value === '--global');
  }));
}

/** The findings: build tools in the final stage or the stages it builds FROM. */
function findings(ctx: RuleContext, report: (r: Report) => void): void {
  const { model } = ctx;
  const final = finalStage(model);
  if (!final || final.windows) return;
  const chain = stageChain(model, final);
  if (!looksLikeApplication(chain)) return;
  const root = chain[0];
  let reportedFrom = false;
  let stageFix: Fix | undefined;
  if (root.baseKind === 'image' && root.image && !root.image.unresolved) {
    const info = lookupBaseImage({ registry: root.image.registry, repository: root.image.repository, tag: root.image.tag });
    const built = chain.flatMap((s) => s.instructions).map((i) => ({ i, word: buildCommand(ctx.scripts(i)) })).find((x) => x.word);
    const single = chain.length === 1;
    if (info?.isToolchain && SDK_IMAGES.has(info.key) && built) {
      const fix = !single ? undefined : info.key === 'golang' ? goMultiStageFix(model, final, ctx.scripts) : info.key === 'maven' ? mavenMultiStageFix(model, final, ctx.scripts) : undefined;
      report({
        range: root.image.range,
        instruction: root.from,
        message: `The image is built FROM ${root.image.resolved}, so the whole ${info.key} toolchain ships with it: build in a separate stage and copy only the result into a runtime image.`,
        fixes: fix ? [fix] : [],
      });
      reportedFrom = true;
    } else if (info?.key === 'node' && info.variant === 'full' && chain.some((s) => s.instructions.some((i) => npmInstall(ctx.scripts(i))))) {
      const fix = single ? nodeMultiStageFix(model, final, ctx.scripts) : undefined;
      report({
        range: root.image.range,
        instruction: root.from,
        message: `The image is built FROM ${root.image.resolved}, the full Node image with gcc, g++ and make for node-gyp: install the dependencies in a build stage and run on the slim image.`,
        fixes: fix ? [fix] : [],
      });
      reportedFrom = true;
    }
    // The first installed-tools finding carries the Python conversion (one fix per stage: the edits would overlap).
    if (single && info?.key === 'python' && info.variant === 'full') stageFix = pythonMultiStageFix(model, final, ctx.scripts);
  }
  for (const t of buildToolsLeftInstalled(chain, ctx.scripts)) {
    const fixes: Fix[] = stageFix && !reportedFrom ? [stageFix] : [];
    stageFix = undefined;
    const names = t.group.map((w) => w.value);
    report({
      range: t.word.range,
      instruction: t.instr,
      message: `${names.slice(0, 4).join(', ')}${names.length > 4 ? ' …' : ''} ${names.length === 1 ? 'is a build tool' : 'are build tools'} left in the final image: install ${names.length === 1 ? 'it' : 'them'} in a build stage, or remove ${names.length === 1 ? 'it' : 'them'} in the same RUN after use.`,
      fixes,
    });
  }
}

const memo = new FinalChainMemo(false);

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
      fix:
        'Converts the common single-stage shapes into a build stage and a runtime stage, as one edit of the stage (all unsafe; for Node, Python and Maven the `AS` name of the stage stays on the runtime stage, so `--target` still gets the runnable image). **Go**: one stage `FROM golang…` with `RUN go build -o <path>` and an exec-form CMD/ENTRYPOINT that runs that path — names the stage `build`, builds with `CGO_ENABLED=0`, and adds a `gcr.io/distroless/static-debian13` stage that copies the binary and keeps WORKDIR, ENV, LABEL, EXPOSE, USER, CMD and ENTRYPOINT (files the program reads at run time must be copied too; a cgo program will not build). **Node**: `FROM node:<version>[-<debian>]` (the full image) whose RUNs are npm commands in the WORKDIR (plus apt RUNs of build packages) and that starts with `node …`/`npm start` — the build stage keeps the install and build and drops devDependencies (`--omit=dev` on a lone install, else `npm prune --omit=dev`; `--production` before Node 15), the `node:<version>[-<debian>]-slim` stage copies the WORKDIR and keeps the metadata and what followed the build (native addons built on the same Debian release run on slim, but one linked to a library from a `-dev` package will not; nothing outside the WORKDIR is kept). **Python**: `FROM python:<version>[-<debian>]` with apt RUNs of only build packages and one `RUN pip install -r <file>` — the build stage runs `pip wheel --wheel-dir /wheels`, the `python:<version>-slim` stage is the original stage without the apt RUNs, installing with `pip install --no-cache-dir --no-index --find-links=/wheels` from a bind mount (the runtime shared libraries of the `-dev` packages, e.g. libpq5 for libpq-dev, are not on slim: install them there). **Maven**: `FROM maven:<v>-(eclipse-temurin|openjdk|jdk)-<major>` running `mvn package`/`install`/`verify` and starting with `java … -jar <jar>` where the jar is a known path or one shell-form `target/*.jar` glob in the project — the `eclipse-temurin:<major>-jre` stage gets only the jar (dependencies copied next to it, config files and anything else the jar reads are not). Alpine images, RUNs the runtime image could not run, HEALTHCHECKs (no curl on slim images) and other shapes get no fix. Packages removed again (apk `--virtual` + `apk del`, `apt-get purge`, the `apt-mark auto … --auto-remove` idiom) are not flagged, nor are toolchain images on purpose: the rule only looks at images that copy something from the build context and run more than a bare shell or interpreter.',
    },
  },
  check(ctx) {
    memo.run(ctx, (report) => findings(ctx, report));
  },
};

export default rule;
