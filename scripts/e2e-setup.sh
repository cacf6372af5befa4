#!/usr/bin/env bash
# Prepares the real-editor test host: Debian packages, then code-server pinned in
# test/e2e/host (its own lockfile). Idempotent; a no-op when the installed tree
# matches the lockfile. Works offline apart from the npm registry and Debian apt
# (see /work/shared/e2e-recipe.md for why each step exists).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST="$ROOT/test/e2e/host"
STAMP="$HOST/node_modules/.layerwise-e2e-stamp"
CODE_SERVER="$HOST/node_modules/.bin/code-server"
# npm's scratch space and the ripgrep download cache live here; @vscode/ripgrep
# looks for its cache under os.tmpdir(), so TMPDIR must point at this folder.
E2E_TMP="${LAYERWISE_E2E_TMP:-${TMPDIR:-/tmp}/layerwise-e2e}"
# @vscode/ripgrep's postinstall (lib/postinstall.js, VERSION) asks for this
# release of the microsoft/ripgrep-prebuilt assets; Debian's rg stands in for it.
RIPGREP_ASSET_VERSION="v13.0.0-10"
DEBIAN_PACKAGES=(chromium libkrb5-dev ripgrep)

log() { echo "[e2e-setup] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

has_candidate() {
  apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [0-9]'
}

ensure_debian_packages() {
  local wanted=("${DEBIAN_PACKAGES[@]}") missing=() p
  # Native modules (argon2, node-pty, kerberos, ...) are compiled by node-gyp.
  command -v g++ >/dev/null || wanted+=(g++)
  command -v make >/dev/null || wanted+=(make)
  command -v python3 >/dev/null || wanted+=(python3)
  for p in "${wanted[@]}"; do is_installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0

  log "installing Debian packages: ${missing[*]}"
  local need_update=0
  for p in "${missing[@]}"; do has_candidate "$p" || need_update=1; done
  if [ "$need_update" = 1 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
  fi
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# Everything that decides the content of node_modules: a change to any of them
# forces a fresh `npm ci`.
install_fingerprint() {
  {
    cat "$HOST/package.json" "$HOST/package-lock.json"
    node -p 'process.version + " " + process.arch + " " + process.versions.modules'
    echo "$RIPGREP_ASSET_VERSION"
  } | sha256sum | cut -d' ' -f1
}

ripgrep_target() {
  case "$(uname -m)" in
    x86_64) echo x86_64-unknown-linux-musl ;;
    aarch64 | arm64) echo aarch64-unknown-linux-musl ;;
    *) die "no ripgrep stand-in for architecture $(uname -m)" ;;
  esac
}

# The cache folder is named after @vscode/ripgrep's own package version, which
# code-server pins in the shrinkwrap of its bundled VS Code.
prepare_ripgrep_cache() {
  local shrinkwrap="$HOST/node_modules/code-server/lib/vscode/npm-shrinkwrap.json" version dir asset
  [ -f "$shrinkwrap" ] || die "missing $shrinkwrap"
  version="$(node -e '
    const lock = require(process.argv[1]);
    const entry = lock.packages && lock.packages["node_modules/@vscode/ripgrep"];
    if (!entry || !entry.version) process.exit(1);
    console.log(entry.version);' "$shrinkwrap")" || die "@vscode/ripgrep not pinned in $shrinkwrap"
  dir="$E2E_TMP/vscode-ripgrep-cache-$version"
  asset="$dir/ripgrep-$RIPGREP_ASSET_VERSION-$(ripgrep_target).tar.gz"
  mkdir -p "$dir"
  if [ ! -s "$asset" ]; then
    tar -czf "$asset.partial" -C "$(dirname "$(command -v rg)")" rg
    mv "$asset.partial" "$asset"
  fi
  log "ripgrep cache: $asset"
}

npm_quiet_env() {
  env TMPDIR="$E2E_TMP" \
    npm_config_unsafe_perm=true \
    npm_config_yes=true \
    npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false \
    npm_config_progress=false \
    "$@" </dev/null
}

# Proves the install is usable: argon2 and friends load, and the server answers.
check_code_server_starts() {
  local port pid ok=0 i
  port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  local scratch
  scratch="$(mktemp -d "$E2E_TMP/check.XXXXXX")"
  XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_CACHE_HOME="$scratch/cache" \
    setsid "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry \
    --disable-update-check --user-data-dir "$scratch/user" --extensions-dir "$scratch/ext" \
    "$scratch" >"$scratch/log" 2>&1 </dev/null &
  pid=$!
  for i in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then ok=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$ok" != 1 ]; then
    cat "$scratch/log" >&2
    die "code-server did not become healthy"
  fi
  rm -rf "$scratch"
  log "code-server answers on /healthz"
}

# node-gyp must use the running Node's headers instead of downloading them.
use_local_node_headers() {
  local configured prefix
  [ -n "${npm_config_nodedir:-}" ] && return 0
  configured="$(npm config get nodedir 2>/dev/null || true)"
  case "$configured" in "" | undefined | null) ;; *) return 0 ;; esac
  prefix="$(node -p 'require("path").dirname(require("path").dirname(process.execPath))')"
  if [ -f "$prefix/include/node/node_version.h" ]; then export npm_config_nodedir="$prefix"; fi
}

install_host() {
  local fingerprint
  fingerprint="$(install_fingerprint)"
  if [ -x "$CODE_SERVER" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$fingerprint" ]; then
    log "code-server already installed ($HOST/node_modules)"
    return 0
  fi

  log "installing code-server into $HOST (about a minute)"
  use_local_node_headers
  cd "$HOST"
  # The first pass only unpacks, so the ripgrep cache can be named from the
  # unpacked tree; the second runs the install scripts (argon2, code-server's
  # nested VS Code install with node-pty and @vscode/ripgrep). npm 11's
  # allowScripts policy for these lives in package.json.
  npm_quiet_env npm ci --ignore-scripts --no-audit --no-fund
  prepare_ripgrep_cache
  npm_quiet_env npm rebuild --foreground-scripts
  [ -x "$HOST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] ||
    die "code-server's ripgrep was not installed"
  check_code_server_starts
  echo "$fingerprint" >"$STAMP"
}

main() {
  [ -f "$HOST/package-lock.json" ] || die "missing $HOST/package-lock.json"
  mkdir -p "$E2E_TMP"
  # One setup at a time: parallel runs would fight over node_modules.
  exec 9>"$E2E_TMP/setup.lock"
  flock 9
  ensure_debian_packages
  install_host
}

main "$@"
