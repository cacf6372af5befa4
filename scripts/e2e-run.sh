#!/usr/bin/env bash
# Runs the real-editor suite: prepares the host (scripts/e2e-setup.sh), compiles
# the tests into out/ and runs out/test/e2e/**/*.e2e.test.js with its own mocha
# config (the unit-test config skips out/test/e2e/**).
#   LAYERWISE_E2E_OUT=<dir>  use tests already compiled under <dir> (skips tsc)
#   extra arguments go to mocha, e.g. --grep smoke
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash "$ROOT/scripts/e2e-setup.sh"

OUT="${LAYERWISE_E2E_OUT:-}"
if [ -z "$OUT" ]; then
  OUT="$ROOT/out"
  echo "[e2e-run] compiling (tsc -p .)" >&2
  "$ROOT/node_modules/.bin/tsc" -p "$ROOT"
fi
[ -f "$OUT/test/e2e/hooks.js" ] || { echo "[e2e-run] ERROR: $OUT/test/e2e/hooks.js missing; compile first" >&2; exit 1; }

# Compiled tests outside the repo still resolve playwright-core from here.
export NODE_PATH="$ROOT/node_modules${NODE_PATH:+:$NODE_PATH}"
exec "$ROOT/node_modules/.bin/mocha" \
  --config "$ROOT/test/e2e/.mocharc.e2e.json" \
  --require "$OUT/test/e2e/hooks.js" \
  --spec "$OUT/test/e2e/**/*.e2e.test.js" \
  "$@"
