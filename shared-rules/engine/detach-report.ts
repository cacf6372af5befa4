import { detach } from '../text/detach';
import { Fix } from './types';

/**
 * Fixes whose texts are copies (see text/detach): for results cached across
 * versions of a document, which would otherwise keep the version they were
 * computed on alive through a slice of it in a title or an edit.
 */
function detachFixes(fixes: readonly Fix[]): Fix[] {
  return fixes.map((f) => {
    const out: Fix = { ...f, title: detach(f.title), edits: f.edits.map((e) => ({ range: e.range, newText: detach(e.newText) })) };
    if (f.createFiles) out.createFiles = f.createFiles.map((c) => ({ path: detach(c.path), content: detach(c.content) }));
    return out;
  });
}

/** A finding, report or issue whose message and fixes are copies, for the same caches. */
export function detachReport<T extends { message: string; fixes?: readonly Fix[] }>(r: T): T {
  return { ...r, message: detach(r.message), fixes: r.fixes && (r.fixes.length === 0 ? r.fixes : detachFixes(r.fixes)) };
}
