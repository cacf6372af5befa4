import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/**
 * A function that runs a full garbage collection of this process, or
 * undefined where the runtime refuses one. V8 installs `gc` in contexts
 * created after `--expose-gc` is set, so the server needs no command-line
 * flag and works the same whichever editor starts it (jest's leak detection
 * relies on the same path).
 */
export function exposeFullCollection(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void (gc as () => unknown)() : undefined;
  } catch {
    return undefined;
  }
}
