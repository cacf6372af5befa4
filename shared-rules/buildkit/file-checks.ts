import { DockerfileModel } from '../model/types';
import { SyntaxIssue } from './flags';

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const KNOWN_DIRECTIVES = new Set(['escape', 'syntax', 'check']);

/** Parser directives: the escape value, and a directive given twice (BuildKit: "only one … parser directive"). */
export function checkDirectives(model: DockerfileModel): SyntaxIssue[] {
  const issues: SyntaxIssue[] = [];
  for (const d of model.directives) {
    if (d.name !== 'escape' || d.value === '\\' || d.value === '`') continue;
    const to = d.value.includes('`') ? '`' : '\\';
    issues.push({
      range: d.valueRange,
      message: `Invalid escape character \`${d.value}\`: it must be \`\\\` or \`\`\`\`.`,
      fixes: [{ title: `Use \`${to}\``, safe: true, edits: [{ range: d.valueRange, newText: to }] }],
    });
  }
  const { lines } = model;
  const seen = new Set<string>();
  for (let l = 0; l < lines.lineCount; l++) {
    const text = l === 0 ? lines.lineText(l).replace(/^\ufeff/, '') : lines.lineText(l);
    const m = DIRECTIVE.exec(text);
    const name = m?.[1].toLowerCase();
    if (!m || !name || !KNOWN_DIRECTIVES.has(name)) break;
    if (seen.has(name)) {
      const end = l + 1 < lines.lineCount ? lines.lineStart(l + 1) : lines.lineEnd(l);
      issues.push({
        range: lines.rangeOf(lines.lineStart(l), lines.lineEnd(l)),
        message: `Only one \`${name}\` parser directive can be used: remove this one.`,
        fixes: [{ title: 'Remove the repeated directive', safe: false, edits: [{ range: lines.rangeOf(lines.lineStart(l), end), newText: '' }] }],
      });
    }
    seen.add(name);
  }
  return issues;
}

/** A Dockerfile must have instructions, and a FROM among them. */
export function checkStructure(model: DockerfileModel): SyntaxIssue[] {
  // Stages first: a view of one stage (incremental linting) holds only some of the instructions.
  if (model.stages.length > 0) return [];
  const first = model.instructions[0];
  if (!first) {
    // An empty buffer is a file being written, not an error; comments alone are.
    if (model.comments.length === 0 && model.directives.length === 0) return [];
    const at = model.comments[0]?.range ?? model.directives[0].range;
    return [{ range: at, message: 'This Dockerfile has no instructions: add a FROM.' }];
  }
  return [{ range: first.keywordRange, message: 'No FROM in this Dockerfile: every build starts with `FROM <image>`.' }];
}

