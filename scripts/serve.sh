#!/usr/bin/env bash
# Build the release bundle and serve it locally with live rebuilds (trunk serve --release).
# Usage: scripts/serve.sh [extra trunk serve args]   (PORT=xxxx to change the port, default 8080)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/setup.sh

PORT="${PORT:-8080}"
URL="http://127.0.0.1:${PORT}/"
printf '\n\033[1;32m==> Serving kra-kpi (release build) at  %s\033[0m\n' "$URL"
printf '    the demo host page (two embedded widgets):  %shr-portal/index.html\n' "$URL"
printf '    first release build takes several minutes on 2 cores; Ctrl-C to stop\n\n'
exec trunk serve --release --address 127.0.0.1 --port "$PORT" "$@"
