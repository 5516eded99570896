# Two commands for a fresh Debian machine:  make demo  (set up, ingest the examples, search)  and  make test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= ties.db

.PHONY: setup demo test bench clean

$(BIN)/ties: pyproject.toml
	@command -v $(PY) >/dev/null || (apt-get update && apt-get install -y python3 python3-venv)
	@$(PY) -c "import venv, ensurepip" 2>/dev/null || (apt-get update && apt-get install -y python3-venv)
	@command -v chromium >/dev/null && fc-list | grep -qi wqy || (apt-get update && apt-get install -y chromium fonts-wqy-zenhei) \
		|| echo "chromium and a CJK font could not be installed: the browser tests will say they are skipped"
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	@touch $(BIN)/ties

setup: $(BIN)/ties

demo: setup
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/ties ingest --db $(DB) examples/
	$(BIN)/ties stats --db $(DB)
	$(BIN)/ties search --db $(DB) 越南 南海 --limit 3
	$(BIN)/ties events --db $(DB) --limit 10
	$(BIN)/ties entity --db $(DB) "To Lam"

test: setup
	$(BIN)/python -m pytest -q -n auto tests; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests ran"; exit 1; fi; exit $$rc

bench: setup
	$(BIN)/pip install -q -e ".[bench]"
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm build *.egg-info src/*.egg-info
