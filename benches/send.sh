#!/usr/bin/env bash
# Durable Send throughput: wrk posts complete referrals (each a new request, stored in
# SQLite before the 303) while the worker delivers them to a local SMTP server.
# Loopback only; bounded in time. Usage: benches/send.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-32}
PORT=3330
SMTP_PORT=3331
SECRET=bench-secret-bench-secret-bench-secret
work=$(mktemp -d)
cleanup() {
  [ -n "${rj_pid:-}" ] && kill "$rj_pid" 2>/dev/null || true
  [ -n "${smtp_pid:-}" ] && kill "$smtp_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
[ -x target/release/rj ] || { echo "build first: make build" >&2; exit 2; }

/usr/bin/python3 tests/smtp/server.py "$SMTP_PORT" "$work/mail" > /dev/null &
smtp_pid=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$SMTP_PORT) 2>/dev/null && break; sleep 0.1; done
python3 benches/send-tokens.py "$SECRET" 200000 > "$work/tokens"
env LEPTOS_SITE_ADDR=127.0.0.1:$PORT RJ_DATABASE_URL="sqlite://$work/rj.db" RJ_SECRET=$SECRET \
  RJ_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" RJ_MIN_FILL_SECONDS=0 RJ_SEND_LIMIT_PER_HOUR=0 \
  RUST_LOG=warn target/release/rj &
rj_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

RJ_TOKENS="$work/tokens" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s benches/send.lua \
  "http://127.0.0.1:$PORT" | tee "$work/wrk.txt"
sleep 2
echo "== outbox after the run"
env LEPTOS_SITE_ADDR=127.0.0.1:$PORT RJ_DATABASE_URL="sqlite://$work/rj.db" RJ_SECRET=$SECRET RUST_LOG=warn \
  target/release/rj outbox status
echo "emails received by the SMTP server so far: $(ls "$work/mail" 2>/dev/null | grep -c '\.eml$' || true)"
