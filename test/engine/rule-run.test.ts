import assert from 'node:assert/strict';
import { IncrementalLinter } from '../../shared-rules/engine/incremental';
import { Linter, LintResult } from '../../shared-rules/engine/lint';
import { Rule, RuleContext, RuleMeta, RuleScope } from '../../shared-rules/engine/types';
import { parseDockerfile } from '../../shared-rules/model/parse';
import { Instruction } from '../../shared-rules/model/types';
import { RunScripts } from '../../shared-rules/shell/run-scripts';

/** How the engines run a rule: what its context gives, and what happens when it throws. */

function meta(id: string, scope?: RuleScope): RuleMeta {
  return {
    id,
    scope,
    category: 'correctness',
    severity: 'warning',
    fixable: 'none',
    equivalents: {},
    docs: { summary: id, why: '', bad: '', good: '', fix: '' },
  };
}

/** Reports every RUN, then throws on the one that runs `boom`. */
function throwingRule(scope?: RuleScope): Rule {
  return {
    meta: meta('throws-midway', scope),
    check(ctx) {
      for (const instr of ctx.model.instructions) {
        if (instr.keyword !== 'RUN') continue;
        ctx.report({ range: instr.range, instruction: instr, message: `RUN on line ${instr.startLine}` });
        if (/\bboom\b/.test(ctx.model.text.slice(instr.start, instr.end))) throw new Error('rule bug on purpose');
      }
    },
  };
}

/** A helper that gets the scripts reader on its own, as rules hand it on. */
function countCommands(instructions: readonly Instruction[], scripts: (instr: Instruction) => RunScripts): number {
  let n = 0;
  for (const instr of instructions) for (const s of scripts(instr).all) n += s.commands.length;
  return n;
}

const afterRule: Rule = {
  meta: meta('runs-after'),
  check(ctx) {
    const first = ctx.model.instructions[0];
    if (first) ctx.report({ range: first.range, message: `${countCommands(ctx.model.instructions, ctx.scripts)} commands` });
  },
};

const TEXT = 'FROM alpine:3.20\nRUN echo one && echo two\nRUN boom\nRUN echo three\n';

function summary(r: LintResult): string[] {
  return r.findings.map((f) => `${f.ruleId}@${f.range.start.line}: ${f.message}`);
}

describe('engine: running a rule', () => {
  for (const scope of [undefined, 'stage', 'instruction'] as const) {
    it(`a rule that throws (${scope ?? 'file'} scope) keeps what it reported before, is named in ruleErrors, and the next rule still runs`, () => {
      const rules = [throwingRule(scope), afterRule];
      const model = parseDockerfile(TEXT);
      const whole = new Linter(rules).lint(model);
      assert.deepEqual(summary(whole), ['runs-after@0: 4 commands', 'throws-midway@1: RUN on line 1', 'throws-midway@2: RUN on line 2']);
      assert.deepEqual(
        whole.ruleErrors.map((e) => e.ruleId),
        ['throws-midway'],
      );
      assert.match(whole.ruleErrors[0].error, /rule bug on purpose/);

      // The incremental engine gives the same, on the first version and on an edit that leaves the throwing RUN in place.
      const inc = new IncrementalLinter(new Linter(rules));
      const first = inc.lint(model);
      assert.deepEqual(summary(first), summary(whole));
      assert.deepEqual(
        first.ruleErrors.map((e) => e.ruleId),
        ['throws-midway'],
      );
      const edited = TEXT.replace('echo three', 'echo four');
      const second = inc.lint(parseDockerfile(edited));
      assert.deepEqual(summary(second), summary(new Linter(rules).lint(parseDockerfile(edited))));
    });
  }

  it('reads the host only through the context, and the scripts reader works unbound', () => {
    let seen: RuleContext['host'] | undefined;
    const hostRule: Rule = {
      meta: meta('reads-host'),
      check(ctx) {
        seen = ctx.host;
        ctx.report({ range: ctx.model.instructions[0].range, message: `${countCommands(ctx.model.instructions, ctx.scripts)} commands` });
      },
    };
    const host = { hasDockerignore: false };
    const r = new Linter([hostRule]).lint(parseDockerfile(TEXT), {}, host);
    assert.equal(seen, host);
    assert.deepEqual(summary(r), ['reads-host@0: 4 commands']);
  });
});
