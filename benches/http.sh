#!/usr/bin/env bash
# Requests per second for `/` from the release server, next to nginx serving the same
# HTML as a static file on this machine. Loopback only; each run is bounded in time.
# Usage: benches/http.sh [seconds] [connections]     (after `make build`)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-50}
RJ_PORT=3310
NGINX_PORT=3311
work=$(mktemp -d)
cleanup() {
  [ -n "${rj_pid:-}" ] && kill "$rj_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install wrk nginx-light" >&2; exit 2; }
done
[ -x target/release/rj ] || { echo "build first: make build" >&2; exit 2; }

LEPTOS_SITE_ADDR=127.0.0.1:$RJ_PORT RUST_LOG=warn target/release/rj &
rj_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$RJ_PORT/healthz" >/dev/null && break; sleep 0.1; done

mkdir -p "$work/html"
curl -sf "http://127.0.0.1:$RJ_PORT/" -o "$work/html/index.html"
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/html;
  }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5

run() {
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$1" | tee "$work/$2.txt" >&2
  awk '/Requests\/sec/ {print $2}' "$work/$2.txt"
}
echo "== rj release server: http://127.0.0.1:$RJ_PORT/" >&2
rj=$(run "http://127.0.0.1:$RJ_PORT/" rj)
echo "== nginx, same HTML as a static file" >&2
ng=$(run "http://127.0.0.1:$NGINX_PORT/index.html" nginx)
ratio=$(awk -v a="$rj" -v b="$ng" 'BEGIN { printf "%.2f", a / b }')
echo "rj: $rj req/s   nginx: $ng req/s   rj/nginx: $ratio   ($CONNECTIONS connections, ${SECONDS_EACH}s each, $(nproc) cores shared with wrk)"
