// How the server process should be started: read by the clients that start
// it (the VS Code client, and the benchmark, which starts it as that client
// does). Kept free of imports so the client bundle stays small.

/**
 * Environment defaults for the server process. glibc's malloc gives each
 * thread that allocates its own arena, and V8's compiler and GC threads keep
 * what they freed there: two arenas keep ~2 MB less resident on a 100-line
 * session (64 vs 66 MB peak, five sessions each, same keystroke latency).
 * Ignored by other C libraries.
 */
const ENV_DEFAULTS: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** The defaults that `current` (the environment the server would inherit) does not already set: a user's own value wins. */
export function serverProcessEnv(current: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(ENV_DEFAULTS)) if (current[k] === undefined) out[k] = v;
  return out;
}
