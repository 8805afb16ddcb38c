# Two commands do all the set-up on a fresh machine:
#   make run   - create .venv if needed, install requirements.txt, start the app
#   make test  - install test requirements (and Debian's chromium when root), run every test level
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
ARGS   ?=

.PHONY: run test chromium nginx bench fuzz serve-replicas clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port $(PORT) $(ARGS)

# Browser tests need /usr/bin/chromium (Debian's package: no browser download works here).
chromium:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  echo "note: /usr/bin/chromium missing and not root: browser tests will be skipped"

# The deploy tests run two replicas behind Debian's nginx (no other proxy is assumed).
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; } || \
	  echo "note: nginx missing and not root: the replica-loss test will be skipped"

# pytest exits 5 when it collects nothing; that must read as a failure, not a pass.
test: $(VENV)/.dev chromium nginx
	$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: no tests were collected"; exit 1; fi; exit $$rc

bench: $(VENV)/.dev chromium
	$(PY) benchmarks/slider_latency.py

# 10,000 generated links through every page's pure path and the CLI, 1,000 rendered (tests/fuzz/).
fuzz: $(VENV)/.dev
	$(PY) tests/fuzz/run.py

# Two replicas behind Debian's nginx (sticky sessions, websocket upgrades): deploy/replicas.py.
serve-replicas: $(VENV)/.runtime nginx
	$(PY) deploy/replicas.py --replicas 2 --port 8600

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
