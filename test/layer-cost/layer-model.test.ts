import assert from 'node:assert/strict';
import { computeLayerCosts } from '../../shared-rules/layer-cost/model';
import { estimateAptInstall } from '../../shared-rules/layer-cost/apt/estimate';
import { ContextSize } from '../../shared-rules/layer-cost/types';
import { renderInstructionCost, renderStageCost, stageLabel } from '../../shared-rules/layer-cost/render';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { loadDebianTable } from '../../shared-rules/platform/node/debian-table';

const table = loadDebianTable();
const lists = table.meta.aptLists?.bytes ?? 0;

function costs(text: string, context?: Record<string, ContextSize>) {
  const model = parseDockerfile(text);
  return { model, costs: computeLayerCosts(model, { aptTable: table, contextSize: context ? (s) => context[s.join(' ')] : undefined }) };
}

describe('layer-cost model', () => {
  it('estimates an apt RUN from the package closure, plus the lists it leaves behind', () => {
    const { costs: c } = costs('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n');
    const run = c.stages[0].instructions[0];
    const expected = estimateAptInstall(table, { packages: ['curl'], recommends: true });
    assert.ok(lists > 10_000_000, 'measured apt lists size is recorded in the data');
    assert.equal(run.basis, 'apt');
    assert.equal(run.bytes, expected.bytes + lists);
    assert.ok(run.detail?.kind === 'apt');
    if (run.detail?.kind !== 'apt') return;
    assert.equal(run.detail.listsBytes, lists);
    assert.equal(run.detail.debCacheBytes, 0, 'official Debian images auto-clean downloaded .debs');
    const lean = estimateAptInstall(table, { packages: ['curl'], recommends: false });
    assert.equal(run.detail.withoutRecommendsBytes, lean.bytes + lists);
    assert.ok(lean.bytes < expected.bytes);
    assert.match(renderInstructionCost(run, c.stageShipped(0)), /Adds ≈ \d+(\.\d+)? MB\*\* in a new filesystem layer \(apt: curl \+ \d+ dependencies/);
  });

  it('counts no lists when the RUN removes them, and no recommends with the flag', () => {
    const { costs: c } = costs('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n');
    const run = c.stages[0].instructions[0];
    assert.equal(run.bytes, estimateAptInstall(table, { packages: ['curl'], recommends: false }).bytes);
    assert.ok(run.detail?.kind === 'apt' && run.detail.withoutRecommendsBytes === undefined);
  });

  it('counts the .deb cache on a base that does not auto-clean, unless apt-get clean runs', () => {
    const dirty = costs('FROM example.com/my/debian-base:1\nRUN apt-get install -y --no-install-recommends curl\n').costs.stages[0].instructions[0];
    const clean = costs('FROM example.com/my/debian-base:1\nRUN apt-get install -y --no-install-recommends curl && apt-get clean\n').costs.stages[0].instructions[0];
    const est = estimateAptInstall(table, { packages: ['curl'], recommends: false });
    assert.equal(dirty.bytes, est.bytes + est.debBytes);
    assert.equal(clean.bytes, est.bytes);
  });

  it('gives no number for pip, npm, apk or downloads, and lists what is involved', () => {
    const { costs: c } = costs('FROM python:3.13-slim\nRUN pip install flask requests\nRUN curl -fsSLo /x https://example.com/x.tgz\n');
    const [pip, curl] = c.stages[0].instructions;
    assert.equal(pip.bytes, null);
    assert.ok(pip.detail?.kind === 'unknown');
    assert.deepEqual(pip.detail?.kind === 'unknown' && pip.detail.items, ['flask', 'requests']);
    assert.deepEqual(curl.detail?.kind === 'unknown' && curl.detail.items, ['https://example.com/x.tgz']);
    assert.equal(c.stages[0].complete, false);
  });

  it('sizes COPY from the measured context, and COPY heredocs exactly', () => {
    const ctx: Record<string, ContextSize> = { '.': { bytes: 1_200_000_000, files: 5000, truncated: false, top: [{ path: 'node_modules', bytes: 1_190_000_000 }], dockerignore: false } };
    const { costs: c } = costs('FROM scratch\nCOPY . /app\nCOPY <<EOF /etc/x\nhello\nEOF\nCOPY --from=build /a /b\n', ctx);
    const [copy, heredoc, fromStage] = c.stages[0].instructions;
    assert.equal(copy.bytes, 1_200_000_000);
    assert.equal(copy.basis, 'context');
    assert.match(renderInstructionCost(copy, c.stageShipped(0)), /Copies ≈ 1\.2 GB\*\* into a new filesystem layer from the build context .*no \.dockerignore/);
    assert.equal(heredoc.bytes, 6);
    assert.equal(fromStage.bytes, null);
    assert.equal(c.stages[0].baseBytes, 0);
  });

  it('adds up stages: earlier stages cost build time, not image size', () => {
    const { costs: c } = costs('FROM debian:bookworm-slim AS build\nRUN apt-get install -y --no-install-recommends gcc\nFROM scratch\nCOPY <<EOF /a\nx\nEOF\n');
    assert.equal(c.stages[0].shipped, false);
    assert.equal(c.stages[1].final, true);
    assert.equal(c.imageBytes, 2);
    assert.equal(c.imageComplete, true);
    assert.match(stageLabel(c.stages[0], c), /build only/);
    assert.match(renderStageCost(c.stages[1], c), /Image total ≈ 2 B/);
  });

  it('a stage built FROM another includes its total', () => {
    const { costs: c } = costs('FROM scratch AS base\nCOPY <<EOF /a\nxyz\nEOF\nFROM base\nCOPY <<EOF /b\nx\nEOF\n');
    assert.equal(c.stages[1].baseBytes, 4);
    assert.equal(c.imageBytes, 6);
    assert.equal(c.stages[0].shipped, true);
  });

  it('a stage total computes that stage and the stages it builds FROM, nothing else, and equals the whole computation', () => {
    const text = 'FROM scratch AS a\nCOPY a /a\nFROM a AS b\nCOPY b /b\nFROM scratch AS c\nCOPY c /c\nFROM b\nCOPY d /d\nFROM later AS early\nCOPY e /e\nFROM scratch AS later\n';
    const size = (bytes: number): ContextSize => ({ bytes, files: 1, truncated: false, top: [], dockerignore: true });
    const sizes: Record<string, number> = { a: 1, b: 10, c: 100, d: 1000, e: 10000 };
    const measured: string[] = [];
    const model = parseDockerfile(text);
    const lazy = computeLayerCosts(model, { contextSize: (s) => (measured.push(s.join(' ')), size(sizes[s.join(' ')])) });
    const b = lazy.stage(1);
    assert.deepEqual(measured, ['a', 'b'], 'only the chain of stage b');
    assert.equal(b?.totalBytes, 11);
    assert.equal(b?.baseBytes, 1);
    assert.equal(lazy.imageBytes, 0, 'the last stage is scratch with no layer');
    assert.deepEqual(measured, ['a', 'b'], 'the image total reads the last stage only');
    assert.equal(lazy.stage(3)?.totalBytes, 1011);
    assert.deepEqual(measured, ['a', 'b', 'd'], 'known totals are not computed again');
    // A FROM naming a stage defined after it has no total to build on.
    assert.equal(lazy.stage(4)?.baseBytes, null);
    assert.equal(lazy.stage(4)?.complete, false);
    assert.equal(lazy.stage(99), undefined);
    const whole = computeLayerCosts(parseDockerfile(text), { contextSize: (s) => size(sizes[s.join(' ')]) });
    assert.deepEqual(
      model.stages.map((s) => lazy.stage(s.index)),
      whole.stages,
    );
    assert.deepEqual(lazy.stages, whole.stages);
  });

  it('is silent on Windows stages and never estimates config-only instructions', () => {
    const { costs: c } = costs('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install -y curl\nENV A=1\n');
    const [run, env] = c.stages[0].instructions;
    assert.equal(run.bytes, null);
    assert.equal(env.createsLayer, false);
    assert.equal(env.bytes, 0);
  });
});
