import { DockerfileModel } from '../model/types';
import { MappedText } from '../model/source-map';
import { SyntaxIssue } from './flags';

/** End (exclusive) of a leading JSON array, skipping strings; -1 when it never closes. */
function arrayEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i + 1;
  }
  return -1;
}

/** A shell command that merely starts with `[` (`[ -f x ] && …`) is not meant as JSON. */
function looksLikeJson(text: string): boolean {
  return /^\[\s*["']/.test(text) && (/["']\s*,\s*["']/.test(text) || /^\[\s*'[^']*'\s*\]$/.test(text));
}

const EFFECT: Record<string, string> = {
  RUN: 'BuildKit runs the whole text with `/bin/sh -c`',
  CMD: 'the container runs the whole text with `/bin/sh -c`',
  ENTRYPOINT: 'the container runs the whole text with `/bin/sh -c`',
  HEALTHCHECK: 'the check runs the whole text with `/bin/sh -c`',
  SHELL: 'the build fails',
  VOLUME: 'the words become volume paths',
  ADD: 'the words become source and destination paths',
  COPY: 'the words become source and destination paths',
};

/**
 * What BuildKit's parseMaybeJSON does with arguments that start with `[`:
 * a valid array of non-strings fails the build; text after a valid array is
 * silently dropped (Go's JSON decoder stops at the array); a malformed array
 * is taken as shell form, which is never what the author meant.
 */
export function checkJsonForm(model: DockerfileModel, keyword: string, line: MappedText, at: number): SyntaxIssue | undefined {
  const full = line.text.slice(at);
  const text = full.trimEnd();
  if (!text.startsWith('[')) return undefined;
  const { lines } = model;
  const rangeOf = (a: number, b: number) => lines.rangeOf(line.toDocument(at + a), line.toDocument(at + b, true));
  const end = arrayEnd(text);
  if (end > 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(0, end));
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed)) {
      if (!parsed.every((x) => typeof x === 'string')) return { range: rangeOf(0, end), message: 'JSON arrays in a Dockerfile must contain only strings: quote every element.' };
      const rest = text.slice(end);
      if (rest.trim() !== '') {
        const restStart = end + (rest.length - rest.trimStart().length);
        return { range: rangeOf(restStart, text.length), message: 'BuildKit ignores everything after the JSON array: move this text into the array or use shell form.' };
      }
      return undefined;
    }
  }
  if (!looksLikeJson(text)) return undefined;
  const single = /^\[\s*'[^'"\\]*'(\s*,\s*'[^'"\\]*')*\s*\]$/.test(text);
  const why = single ? 'JSON needs double quotes' : 'it is not valid JSON';
  return {
    range: rangeOf(0, text.length),
    message: `This looks like a JSON array but ${why}, so ${EFFECT[keyword] ?? 'it is read as shell form'}: ${single ? 'use double quotes' : 'fix the array'}.`,
    fixes: single ? [{ title: 'Use double quotes (exec form)', safe: false, edits: [{ range: rangeOf(0, text.length), newText: text.replace(/'/g, '"') }] }] : undefined,
  };
}
