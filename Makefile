# Accord — the two commands a new machine needs are `make run` and `make test`.
GO      ?= go
# Accord keeps Fyne's threading rules (widgets only on the UI goroutine, via fyne.Do), so it builds without
# Fyne's run-time thread checks, which slow widget.Table down (fyne issue 5689).
TAGS    := migrated_fynedo
BIN     := accord
export GOTOOLCHAIN ?= auto

.PHONY: run build test deps-build deps-test bench vet screenshots windows fuzz i18n

run: build
	./$(BIN)

build: deps-build
	$(GO) build -tags $(TAGS) -o $(BIN) .

deps-build:
	@./scripts/install-deps.sh build

deps-test:
	@./scripts/install-deps.sh test

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet -tags $(TAGS) ./...

# Everything CI checks: formatting and vet, the data layer under the race detector, every package's tests
# (UI ones with Fyne's thread checks on), and the smoke test of the real window under Xvfb.
test: deps-test vet
	$(GO) test -race ./data/... ./cli/... ./demo/...
	$(GO) build -tags $(TAGS) -o $(BIN) .
	ACCORD_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 ./...

# Start-up, open, search, MOU printing and memory figures on 10,000 demo partners, plus Go benchmarks.
bench: build deps-test
	$(GO) run ./internal/bench -bin ./$(BIN) -partners 10000
	ACCORD_BENCH_PARTNERS=10000 $(GO) test -run '^$$' -bench . -benchtime 20x ./data/ ./pdf/

# Longer fuzzing than the seed corpora `make test` runs: the JSON importer and opening damaged files.
fuzz:
	$(GO) test ./data -run '^$$' -fuzz '^FuzzImportJSON$$' -fuzztime 30s
	$(GO) test ./data -run '^$$' -fuzz '^FuzzOpenDamaged$$' -fuzztime 30s

# The README's pictures, taken from the real window under Xvfb on demo data.
screenshots: build deps-test
	$(GO) run ./internal/screenshots -bin ./$(BIN) -out docs/screenshots

# accord.exe for Windows 10, cross-compiled with mingw-w64 (no Docker): a GUI program, no console window.
windows:
	@./scripts/install-deps.sh windows
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags $(TAGS) -ldflags "-H=windowsgui" -o accord.exe .

# Rewrites assets/translations/en.json, the catalogue of every sentence the code shows; the tests then
# list what the other languages still need translated.
i18n:
	$(GO) test ./internal/i18nkeys -run '^TestCatalogue$$' -update
