import { MappedText } from '../model/source-map';

export interface Word {
  /** As written, quotes and escapes kept (BuildKit strips them later). */
  raw: string;
  /** Offsets in the assembled text. */
  start: number;
  end: number;
  /** The word ended inside a quote: the shell lexer will fail on it. */
  unterminatedQuote: '"' | "'" | undefined;
}

/**
 * BuildKit's parseWords (parser/line_parsers.go): whitespace-separated words
 * where quotes group and the escape character protects the next character.
 * Used for ENV, LABEL and ARG, whose words dockerfile-ast splits differently.
 */
export function parseWords(text: MappedText, from: number, escape: string): Word[] {
  const s = text.text;
  const words: Word[] = [];
  let i = from;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i >= s.length) break;
    const start = i;
    let quote: '"' | "'" | undefined;
    while (i < s.length) {
      const c = s[i];
      if (!quote) {
        if (/\s/.test(c)) break;
        // parseWords drops an escape that ends the line (a continuation at end of file).
        if (c === escape && s.slice(i + 1).trim() === '') break;
        if (c === '"' || c === "'") quote = c;
        else if (c === escape) i++;
      } else if (c === quote) quote = undefined;
      else if (c === escape && quote === '"') i++;
      i++;
    }
    i = Math.min(i, s.length);
    if (i === start) break;
    words.push({ raw: s.slice(start, i), start, end: i, unterminatedQuote: quote });
  }
  return words;
}
