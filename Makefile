# Accord — the two commands a new machine needs are `make run` and `make test`.
GO      ?= go
# Accord keeps Fyne's threading rules (widgets only on the UI goroutine, via fyne.Do), so it builds without
# Fyne's run-time thread checks, which slow widget.Table down (fyne issue 5689). It builds without Fyne's
# animations: each frame of one repaints the whole window, which software graphics (an old laptop) do on the
# processor — a field's fading cursor alone repainted it a dozen times a second while the field had the
# keyboard, five times the processor time of a click on a partner at 10,000 partners.
TAGS    := migrated_fynedo,no_animations
BIN     := accord
export GOTOOLCHAIN ?= auto

# Fyne's packaging tool, pinned, built into .tools/ the first time a package is made.
FYNE         := $(CURDIR)/.tools/fyne
FYNE_VERSION := v1.7.4

.PHONY: run build test test-linux deps-build deps-test bench vet screenshots windows package fuzz i18n

# staticcheck, pinned; `go run` fetches it through the module proxy the first time.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

run: build
	./$(BIN)

build: deps-build
	$(GO) build -tags $(TAGS) -o $(BIN) .

deps-build:
	@./scripts/install-deps.sh build

deps-test:
	@./scripts/install-deps.sh test windows

# Everything CI checks, in two chains side by side. The Linux chain checks formatting, vet, staticcheck and
# the trimmed OpenGL bindings, then runs the tests under the race detector and with Fyne's thread checks on
# (no migrated_fynedo tag), so one compilation of Fyne serves them all: the UI tests with background work on
# goroutines of its own (ACCORD_UI_ASYNC, the stricter of the two ways they run; `go test ./ui` runs it in
# place), the smoke test and a keyboard-only close of the real window under Xvfb. Beside them, the
# documents (pdf) and the commands (cli) run their tests without the race detector: single-threaded
# rendering and whole processes it only slows, while the store and sync they call are raced in their own
# packages. The Windows chain builds accord.exe, which the last step checks is a GUI program with its
# resources.
test: deps-test
	@$(MAKE) --no-print-directory -j2 --output-sync=line test-linux windows
	ACCORD_EXE=$(CURDIR)/accord.exe $(GO) test -race -count=1 -run '^TestWindowsProgram' .

test-linux: vet
	GOFLAGS=-race $(GO) run $(STATICCHECK) ./...
	$(GO) build -race -o $(BIN)-checked .
	@log=$$(mktemp); export ACCORD_BIN=$(CURDIR)/$(BIN)-checked; \
	echo "go test -count=1 ./pdf/ ./cli/ (beside the next)"; \
	$(GO) test -count=1 ./pdf/ ./cli/ >$$log 2>&1 & documents=$$!; \
	echo "ACCORD_UI_ASYNC=1 go test -race -count=1 -skip '^TestWindowsProgram' (every package but pdf and cli)"; \
	ACCORD_UI_ASYNC=1 $(GO) test -race -count=1 -skip '^TestWindowsProgram' $$($(GO) list ./... | grep -v -e '/pdf$$' -e '/cli$$'); \
	raced=$$?; wait $$documents; plain=$$?; cat $$log; rm -f $$log $(BIN)-checked; test $$raced = 0 && test $$plain = 0

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet -race ./...
	$(GO) run ./internal/gltrim -check

# The pages documents take at 300 and 1,000 demo partners; then every figure of issue 20's table at 10,000
# demo partners in one run — the window's measured from outside under Xvfb beside an empty Fyne window's,
# one-shot commands whole, sync, the CSV and JSON imports — plus Go benchmarks.
bench: build deps-test
	$(GO) run ./internal/bench -pages 300,1000
	$(GO) run ./internal/bench -bin ./$(BIN) -partners 10000 -csv-rows 100000
	ACCORD_BENCH_PARTNERS=10000 $(GO) test -run '^$$' -bench . -benchtime 20x ./data/ ./pdf/ ./syncfolder/

# Longer fuzzing than the seed corpora `make test` runs: the JSON importer and opening damaged files.
fuzz:
	$(GO) test ./data -run '^$$' -fuzz '^FuzzImportJSON$$' -fuzztime 30s
	$(GO) test ./data -run '^$$' -fuzz '^FuzzOpenDamaged$$' -fuzztime 30s

# The README's pictures, taken from the real window under Xvfb on demo data.
screenshots: build deps-test
	$(GO) run ./internal/screenshots -bin ./$(BIN) -out docs/screenshots

# accord.exe for Windows 10, cross-compiled with mingw-w64 (no Docker) by Fyne's packaging tool, which adds
# the icon, version information and manifest: a GUI program, no console window. The tool works on a copy of
# the source in .build/ (scripts/package.sh), so building leaves the working tree as it was.
windows: $(FYNE)
	@./scripts/install-deps.sh windows
	CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 ./scripts/package.sh $(FYNE) windows --tags $(TAGS)

# dist/accord-linux-amd64.tar.xz: the program with its desktop entry and icon; inside it, `make user-install`
# (or `sudo make install`) puts Accord in the applications menu.
package: deps-build $(FYNE)
	./scripts/package.sh $(FYNE) linux --tags $(TAGS)

$(FYNE):
	GOBIN=$(CURDIR)/.tools $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_VERSION)

# Rewrites assets/translations/en.json, the catalogue of every sentence the code shows; the tests then
# list what the other languages still need translated.
i18n:
	$(GO) test ./internal/i18nkeys -run '^TestCatalogue$$' -update
