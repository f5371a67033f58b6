#!/usr/bin/env bash
# Lighthouse 12 (mobile: a mid-range phone on a slow 4G connection, simulated) against
# the release server, in Debian's Chromium. Prints each page's four scores and its
# loading metrics. Lighthouse is installed once into target/tools (from the npm
# registry, pinned); it is a benchmark, not a test, so `make test` does not need it.
# Usage: benches/lighthouse.sh [path …]     (after `make build`; default: key pages)
set -euo pipefail
cd "$(dirname "$0")/.."
LIGHTHOUSE_VERSION=12.8.2
PORT=3320
tools=target/tools/lighthouse
work=$(mktemp -d)
cleanup() {
  [ -n "${rj_pid:-}" ] && kill "$rj_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[ -x target/release/rj ] || { echo "build first: make build" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "needs Debian's chromium: apt-get install chromium" >&2; exit 2; }
if [ "$(node -p "try{require('./$tools/node_modules/lighthouse/package.json').version}catch{''}")" != "$LIGHTHOUSE_VERSION" ]; then
  npm install --prefix "$tools" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION" >&2
fi

LEPTOS_SITE_ADDR=127.0.0.1:$PORT RJ_DATABASE_URL="sqlite://$work/rj.db" RJ_MAIL_DIR="$work/mail" \
  RUST_LOG=warn target/release/rj &
rj_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(/ /cy /what-is-restorative-justice /find "/find?q=CF10+1AA" /refer /cy/cyfeirio)

printf '%-34s %5s %5s %5s %5s %7s %7s %6s %6s %8s\n' page perf a11y best seo "FCP ms" "LCP ms" "TBT" CLS bytes
for path in "${paths[@]}"; do
  # Chromium sometimes loses the trace of a load (Lighthouse says NO_NAVSTART): try
  # each page up to three times.
  for attempt in 1 2 3; do
    CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT$path" \
      --quiet --output=json --output-path="$work/report.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync" \
      >/dev/null 2>"$work/lighthouse.log" && break
    [ "$attempt" = 3 ] && { cat "$work/lighthouse.log" >&2; exit 1; }
  done
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => Math.round(r.categories[k].score * 100);
    const a = (k) => r.audits[k].numericValue;
    console.log([
      process.argv[2].padEnd(34),
      ...["performance", "accessibility", "best-practices", "seo"].map((k) => String(s(k)).padStart(5)),
      String(Math.round(a("first-contentful-paint"))).padStart(7),
      String(Math.round(a("largest-contentful-paint"))).padStart(7),
      String(Math.round(a("total-blocking-time"))).padStart(6),
      a("cumulative-layout-shift").toFixed(3).padStart(6),
      String(a("total-byte-weight")).padStart(8),
    ].join(" "));
  ' "$work/report.json" "$path"
done
