/**
 * The part of YAML that linter configuration files use: block maps and lists
 * (`key: value`, `- item`, a list directly under its key), flow lists
 * (`[a, "b"]`), quoted and plain scalars, comments and `---`. Anchors, tags,
 * multi-line scalars and flow maps are not supported; what cannot be read is
 * reported with its line instead of throwing.
 */
export type YamlValue = string | null | YamlValue[] | { [key: string]: YamlValue };

export interface YamlError {
  /** 0-based line. */
  line: number;
  message: string;
}

interface Line {
  no: number;
  indent: number;
  text: string;
}

/** Drops a `#` comment that is outside quotes and starts the line or follows whitespace. */
function stripComment(s: string): string {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s:[,-]/.test(s[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i);
  }
  return s;
}

function splitFlow(inner: string): string[] {
  const out: string[] = [];
  let quote: string | undefined;
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') cur += c + (inner[++i] ?? '');
      if (c !== '\\') cur += c;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '' || out.length > 0) out.push(cur);
  return out.map((s) => s.trim());
}

export function parseScalar(raw: string): YamlValue {
  const s = raw.trim();
  if (s === '' || s === '~' || s === 'null') return null;
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) return s.slice(1, -1).replace(/''/g, "'");
  if (s.startsWith('[') && s.endsWith(']')) return splitFlow(s.slice(1, -1)).filter((x) => x !== '').map(parseScalar);
  if (s === '{}') return {};
  return s;
}

/** `key: value` / `key:` with a plain or quoted key; undefined when the text is not a map entry. */
function mapEntry(text: string): { key: string; rest: string } | undefined {
  const q = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?:\s+(.*)|$)/.exec(text);
  if (q) return { key: String(parseScalar(q[1])), rest: q[2] ?? '' };
  const m = /^([^\s#'"[\]{},][^:]*?)\s*:(?:\s+(.*)|$)/.exec(text);
  return m ? { key: m[1], rest: m[2] ?? '' } : undefined;
}

const isItem = (t: string) => t === '-' || t.startsWith('- ');

export function parseYamlSubset(text: string): { value: YamlValue; errors: YamlError[] } {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, no) => {
    const noTabs = raw.replace(/^\ufeff/, '');
    const body = stripComment(noTabs).replace(/\s+$/, '');
    if (body.trim() === '' || /^(---|\.\.\.)(\s|$)/.test(body)) return;
    const indent = /^ */.exec(body)?.[0].length ?? 0;
    lines.push({ no, indent, text: body.slice(indent) });
  });
  const errors: YamlError[] = [];
  let i = 0;

  function block(indent: number): YamlValue {
    const first = lines[i];
    return isItem(first.text) ? list(indent) : map(indent);
  }

  function nested(parentIndent: number, allowSameIndentList: boolean): YamlValue {
    const next = lines[i];
    if (next && (next.indent > parentIndent || (allowSameIndentList && next.indent === parentIndent && isItem(next.text)))) return block(next.indent);
    return null;
  }

  function map(indent: number): YamlValue {
    const out: { [key: string]: YamlValue } = {};
    while (i < lines.length && lines[i].indent === indent && !isItem(lines[i].text)) {
      const line = lines[i];
      const entry = mapEntry(line.text);
      i++;
      if (!entry) {
        errors.push({ line: line.no, message: `expected \`key: value\`, found \`${line.text}\`` });
        continue;
      }
      out[entry.key] = entry.rest.trim() !== '' ? parseScalar(entry.rest) : nested(indent, true);
    }
    skipDeeper(indent);
    return out;
  }

  function list(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    while (i < lines.length && lines[i].indent === indent && isItem(lines[i].text)) {
      const line = lines[i];
      const rest = line.text.slice(1).replace(/^ +/, '');
      if (rest === '') {
        i++;
        out.push(nested(indent, false));
        continue;
      }
      if (mapEntry(rest) && !rest.startsWith('[')) {
        // `- key: value` starts a map whose keys line up with `key`.
        lines[i] = { no: line.no, indent: indent + (line.text.length - rest.length), text: rest };
        out.push(map(lines[i].indent));
        continue;
      }
      i++;
      out.push(parseScalar(rest));
    }
    skipDeeper(indent);
    return out;
  }

  function skipDeeper(indent: number): void {
    while (i < lines.length && lines[i].indent > indent) {
      errors.push({ line: lines[i].no, message: `unexpected indentation at \`${lines[i].text}\`` });
      i++;
    }
  }

  if (lines.length === 0) return { value: null, errors };
  const value = block(lines[0].indent);
  while (i < lines.length) {
    errors.push({ line: lines[i].no, message: `unexpected \`${lines[i].text}\`` });
    i++;
  }
  return { value, errors };
}
