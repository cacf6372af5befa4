import { ShellScript } from './model';

/**
 * `compute` memoized per script object. Several rules ask for the same
 * script's package-manager calls on every lint, and a script never changes
 * once built (a new version of the RUN gets a new script), so a WeakMap keeps
 * each answer exactly as long as its script.
 */
export function perScript<T>(compute: (script: ShellScript) => T): (script: ShellScript) => T {
  const memo = new WeakMap<ShellScript, T>();
  return (script) => {
    let value = memo.get(script);
    if (value === undefined) memo.set(script, (value = compute(script)));
    return value;
  };
}
