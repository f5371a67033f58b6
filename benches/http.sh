#!/usr/bin/env bash
# The release server next to nginx serving the same bytes from disk, page by page:
# `/`, the longest English information page, an area page and `/cy`, each as identity and
# with `Accept-Encoding: br` (nginx: `brotli_static` when Debian's module is installed,
# else the .br file from a location that labels it; `gzip_static` for gzip), runs
# alternating between the two servers. Prints requests/s and p99 latency for each and
# their ratios, the start-up time (launch to the first /healthz answer) and memory (RSS).
# Loopback only; wrk, nginx and the server share this machine's cores.
#
# Usage: benches/http.sh [seconds] [connections] [rounds]      (after `make build`)
#   RJ_BIN=path/to/rj benches/http.sh   measures another build (e.g. an older one)
#   RJ_BENCH_VARYING=1                  for a build whose pages differ per request
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-64}
ROUNDS=${3:-2}
RJ_BIN=${RJ_BIN:-target/release/rj}
RJ_PORT=3310
NGINX_PORT=3311
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
work=$(mktemp -d)
chmod 755 "$work" # nginx workers run as another user when this runs as root
cleanup() {
  [ -n "${rj_pid:-}" ] && kill "$rj_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install wrk nginx-light curl" >&2; exit 2; }
done
[ -x "$RJ_BIN" ] || { echo "build first: make build" >&2; exit 2; }

rss() { awk '/^VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$1/status"; }

echo "load before: $(uptime | sed 's/.*load average/load average/')"
start=$(date +%s%N)
LEPTOS_SITE_ADDR=127.0.0.1:$RJ_PORT RUST_LOG=warn RJ_DATABASE_URL="sqlite://$work/rj.db" \
  RJ_MAIL_DIR="$work/mail" "$RJ_BIN" &
rj_pid=$!
until curl -sf "http://127.0.0.1:$RJ_PORT/healthz" >/dev/null; do
  kill -0 "$rj_pid" 2>/dev/null || { echo "the server did not start" >&2; exit 1; }
  sleep 0.01
done
startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rss_started=$(rss "$rj_pid")
sleep 10
rss_rest=$(rss "$rj_pid")

# The pages: the longest English information page is found from the sitemap.
base="http://127.0.0.1:$RJ_PORT"
longest=$(curl -sf "$base/sitemap.xml" | grep -o "<loc>[^<]*</loc>" | sed 's/<[^>]*>//g' \
  | sed "s#^[a-z]*://[^/]*##" | grep -v -e '^/cy' -e '^/areas' -e '^/refer' -e '^/find' -e '^/$' \
  | while read -r path; do echo "$(curl -sf "$base$path" | wc -c) $path"; done | sort -n | tail -1 | cut -d' ' -f2)
pages=("/" "$longest" "/areas/south-wales" "/cy")

mkdir -p "$work/html/br"
for i in "${!pages[@]}"; do
  url="$base${pages[$i]}"
  curl -sf "$url" -o "$work/html/p$i.html"
  curl -sf -H 'Accept-Encoding: br' "$url" -o "$work/html/p$i.html.br"
  curl -sf -H 'Accept-Encoding: gzip' "$url" -o "$work/html/p$i.html.gz"
  cp "$work/html/p$i.html.br" "$work/html/br/p$i.html"
done

if [ -f "$BROTLI_MODULE" ]; then
  load_brotli="load_module $BROTLI_MODULE;"
  brotli_static="brotli_static on;"
  br_prefix=""
else
  load_brotli=""
  brotli_static=""
  br_prefix="/br" # Debian's nginx-light alone has no brotli_static: a labelled location.
fi
cat > "$work/nginx.conf" <<CONF
$load_brotli
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=64;
  keepalive_requests 1000000;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/html;
    gzip_static on;
    $brotli_static
    location /br/ { add_header Content-Encoding br; add_header Vary Accept-Encoding; }
  }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5

# Both servers must send the same bytes. A build from before the page cache (issue 12)
# puts a fresh nonce in every page: RJ_BENCH_VARYING=1 lets nginx serve one copy.
for i in "${!pages[@]}"; do
  [ "${RJ_BENCH_VARYING:-0}" = 1 ] && break
  for enc in identity br; do
    path="/p$i.html"
    [ "$enc" = br ] && path="$br_prefix/p$i.html"
    a=$(curl -sf -H "Accept-Encoding: $enc" "$base${pages[$i]}" | sha256sum)
    b=$(curl -sf -H "Accept-Encoding: $enc" "http://127.0.0.1:$NGINX_PORT$path" | sha256sum)
    [ "$a" = "$b" ] || { echo "different bytes for ${pages[$i]} ($enc)" >&2; exit 1; }
  done
done

# wrk's p99 in milliseconds and requests/s: "rps p99".
measure() {
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "Accept-Encoding: $2" "$1" > "$work/wrk.txt"
  awk '/Requests\/sec/ {rps = $2}
       /^ +99%/ {v = $2; unit = v; gsub(/[0-9.]/, "", unit); gsub(/[a-z]/, "", v);
                 p99 = (unit == "us") ? v / 1000 : (unit == "s") ? v * 1000 : v}
       END {printf "%s %.3f\n", rps, p99}' "$work/wrk.txt"
}

declare -A sum
for round in $(seq "$ROUNDS"); do
  echo "round $round: $(uptime | sed 's/.*load average/load average/')" >&2
  for i in "${!pages[@]}"; do
    for enc in identity br; do
      path="/p$i.html"
      [ "$enc" = br ] && path="$br_prefix/p$i.html"
      order=(rj nginx)
      [ $((round % 2)) -eq 0 ] && order=(nginx rj)
      for server in "${order[@]}"; do
        if [ "$server" = rj ]; then url="$base${pages[$i]}"; else url="http://127.0.0.1:$NGINX_PORT$path"; fi
        read -r rps p99 < <(measure "$url" "$enc")
        key="$i $enc $server"
        sum[$key.rps]=$(awk -v a="${sum[$key.rps]:-0}" -v b="$rps" 'BEGIN {print a + b}')
        sum[$key.p99]=$(awk -v a="${sum[$key.p99]:-0}" -v b="$p99" 'BEGIN {print a + b}')
        echo "  $server ${pages[$i]} $enc: $rps req/s, p99 $p99 ms" >&2
      done
    done
  done
done

echo
echo "$CONNECTIONS connections, ${SECONDS_EACH}s each, mean of $ROUNDS alternating rounds, $(nproc) cores shared with wrk"
printf "%-42s %-8s %9s %11s %11s %9s %9s %9s %7s\n" page encoding bytes "rj req/s" "nginx req/s" ratio "rj p99" "ng p99" "p99 x"
for i in "${!pages[@]}"; do
  for enc in identity br; do
    file="$work/html/p$i.html"
    [ "$enc" = br ] && file="$work/html/p$i.html.br"
    awk -v page="${pages[$i]}" -v enc="$enc" -v bytes="$(wc -c < "$file")" -v n="$ROUNDS" \
      -v a="${sum[$i $enc rj.rps]}" -v b="${sum[$i $enc nginx.rps]}" \
      -v pa="${sum[$i $enc rj.p99]}" -v pb="${sum[$i $enc nginx.p99]}" \
      'BEGIN { printf "%-42s %-8s %9d %11.0f %11.0f %9.2f %7.2fms %7.2fms %7.2f\n",
               page, enc, bytes, a / n, b / n, a / b, pa / n, pb / n, pa / pb }'
  done
done
echo
echo "start-up (launch to first /healthz answer): $startup_ms ms"
echo "RSS: $rss_started just started, $rss_rest at rest (10 s later), $(rss "$rj_pid") after the benchmark"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
