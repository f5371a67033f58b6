#!/usr/bin/env bash
# Durable Send throughput in three set-ups, one after the other in one run:
#   sqlite  one instance on SQLite (the default store)
#   pg1     one instance on PostgreSQL
#   pg2     two instances on one PostgreSQL behind nginx (deploy/nginx, plain HTTP)
# wrk posts complete referrals (each a new request, stored before the 303) while each
# instance's 4 workers deliver them to a local SMTP server. Reported per set-up: the
# requests stored per second ("durable", counted in the database afterwards), wrk's
# p99 latency, and how long after the burst the outbox took to empty.
# PostgreSQL is a new cluster in a temporary folder with its normal durability (fsync,
# synchronous commits); it runs as the `postgres` user when this runs as root.
# Loopback only; bounded in time.
#   Usage: benches/send.sh [seconds] [connections] [set-ups...]
#   e.g.   benches/send.sh 10 32            (all three)
#          RJ_BIN=target/debug/rj benches/send.sh 2 4 sqlite pg2
#          BENCH_WORKERS=16 benches/send.sh   (delivery workers per instance; 4 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-32}
shift $(( $# < 2 ? $# : 2 ))
MODES=${*:-sqlite pg1 pg2}
RJ_BIN=${RJ_BIN:-target/release/rj}
BASE_PORT=${BENCH_SEND_PORT:-3330}
SMTP_PORT=$((BASE_PORT + 1))
PG_PORT=$((BASE_PORT + 2))
NGINX_PORT=$((BASE_PORT + 3))
PORTS=($((BASE_PORT + 4)) $((BASE_PORT + 5)))
SECRET=bench-secret-bench-secret-bench-secret
# The key that seals the answers at rest (RJ_DATA_KEY): 32 bytes, base64.
DATA_KEY=YmVuY2gtZGF0YS1rZXktYmVuY2gtZGF0YS1rZXktMzI=
DRAIN_LIMIT=120

[ -x "$RJ_BIN" ] || { echo "build first: make build (or set RJ_BIN)" >&2; exit 2; }
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (make bench installs wrk)" >&2; exit 2; }
done

work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${pg_bin:-}" ] && [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

wait_for() { # URL-or-port, what
  for _ in $(seq 300); do
    if [[ $1 == http* ]]; then curl -sf "$1" >/dev/null && return 0
    else (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; fi
    sleep 0.1
  done
  echo "$2 did not start" >&2; exit 1
}

start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$pg_bin" ] || { echo "no PostgreSQL (apt-get install postgresql)" >&2; exit 2; }
  mkdir -p "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres: "$work/pg"
  as_pg "$pg_bin/initdb" -D "$work/pg/data" -U rj --auth=trust -E UTF8 --locale=C >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
    -o "-p $PG_PORT -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=128MB" \
    start >/dev/null
}

psql_pg() { "$pg_bin/psql" -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U rj "$@"; }

start_rj() { # port database-url log
  env LEPTOS_SITE_ADDR="127.0.0.1:$1" RJ_DATABASE_URL="$2" RJ_SECRET=$SECRET RJ_DATA_KEY=$DATA_KEY \
    RJ_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" RJ_MIN_FILL_SECONDS=0 RJ_SEND_LIMIT_PER_HOUR=0 \
    RJ_WORKERS=${BENCH_WORKERS:-4} RJ_CLIENT_IP_HEADER=X-Forwarded-For RJ_MAIL_DIR="$work/unused-mail" \
    RUST_LOG=warn "$RJ_BIN" > "$3" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$1/healthz" "the site on port $1"
}

start_nginx() { # the upstream block of deploy/nginx/rj.conf, moved to our ports
  local upstream
  upstream=$(awk -v a="${PORTS[0]}" -v b="${PORTS[1]}" '/^upstream rj \{/,/^\}/ {
      if ($0 ~ /server 127\.0\.0\.1:[0-9]+/) { n++; sub(/127\.0\.0\.1:[0-9]+/, "127.0.0.1:" (n == 1 ? a : b)) }
      print }' deploy/nginx/rj.conf)
  cat > "$work/nginx.conf" <<EOF
daemon off; worker_processes auto; pid $work/nginx.pid; error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body; proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fastcgi; uwsgi_temp_path $work/nginx-uwsgi; scgi_temp_path $work/nginx-scgi;
  $upstream
  server { listen 127.0.0.1:$NGINX_PORT; include $PWD/deploy/nginx/rj-proxy.conf; }
}
EOF
  /usr/sbin/nginx -p "$work" -c "$work/nginx.conf" &
  pids+=($!)
  wait_for "$NGINX_PORT" nginx
}

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}

outbox() { # database-url -> "stored waiting"
  env LEPTOS_SITE_ADDR=127.0.0.1:1 RJ_DATABASE_URL="$1" RJ_SECRET=$SECRET RJ_DATA_KEY=$DATA_KEY RUST_LOG=warn \
    "$RJ_BIN" outbox status | awk -F': ' '
      /^waiting/ {w=$2} /^sent|^failed|^purged/ {s+=$2}
      END {print s + w, w}'
}

python3 benches/send-tokens.py "$SECRET" 200000 > "$work/tokens"
results=()
for mode in $MODES; do
  echo "== $mode: ${SECONDS_EACH}s, $CONNECTIONS connections"
  mkdir -p "$work/mail-$mode"
  /usr/bin/python3 tests/smtp/server.py "$SMTP_PORT" "$work/mail-$mode" > /dev/null &
  pids+=($!)
  wait_for "$SMTP_PORT" "the SMTP server"
  case $mode in
    sqlite)
      url="sqlite://$work/rj-sqlite.db"
      start_rj "${PORTS[0]}" "$url" "$work/$mode-a.log"
      target="http://127.0.0.1:${PORTS[0]}" ;;
    pg1|pg2)
      [ -n "${pg_bin:-}" ] || start_postgres
      psql_pg -d postgres -c "CREATE DATABASE bench_$mode"
      url="postgres://rj@127.0.0.1:$PG_PORT/bench_$mode"
      env RJ_DATABASE_URL="$url" RJ_DATA_KEY=$DATA_KEY RUST_LOG=warn "$RJ_BIN" migrate >/dev/null
      start_rj "${PORTS[0]}" "$url" "$work/$mode-a.log"
      target="http://127.0.0.1:${PORTS[0]}"
      if [ "$mode" = pg2 ]; then
        start_rj "${PORTS[1]}" "$url" "$work/$mode-b.log"
        start_nginx
        target="http://127.0.0.1:$NGINX_PORT"
      fi ;;
    *) echo "unknown set-up $mode (sqlite, pg1, pg2)" >&2; exit 2 ;;
  esac
  RJ_TOKENS="$work/tokens" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency \
    -s benches/send.lua "$target" | tee "$work/wrk-$mode.txt"
  burst_end=$(date +%s.%N)
  read -r stored waiting < <(outbox "$url")
  while [ "$waiting" -gt 0 ]; do
    if awk -v s="$burst_end" -v n="$(date +%s.%N)" -v l=$DRAIN_LIMIT 'BEGIN {exit !(n - s > l)}'; then
      echo "outbox not empty ${DRAIN_LIMIT}s after the burst: $waiting waiting" >&2; break
    fi
    sleep 0.5
    read -r _ waiting < <(outbox "$url")
  done
  drained=$(awk -v s="$burst_end" -v n="$(date +%s.%N)" 'BEGIN {printf "%.1f", n - s}')
  [ "$waiting" -gt 0 ] && drained=">$DRAIN_LIMIT"
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk-$mode.txt")
  rps=$(awk -v n="$stored" -v s="$SECONDS_EACH" 'BEGIN {printf "%.0f", n / s}')
  emails=$(find "$work/mail-$mode" -name '*.eml' | wc -l)
  results+=("$(printf '%-8s %10s %10s %10s %10s %14s' "$mode" "$stored" "$rps" "$p99" "$emails" "$drained")")
  stop_all
done

echo
echo "== durable Send throughput (${SECONDS_EACH}s each, $CONNECTIONS connections, $(nproc) cores)"
printf '%-8s %10s %10s %10s %10s %14s\n' set-up stored "stored/s" p99 emails "emptied (s)"
printf '%s\n' "${results[@]}"
