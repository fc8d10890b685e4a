# Companion — build, run and test. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
export CGO_ENABLED := 1
# Fyne logs locale errors on C and C.UTF-8: use a real locale name instead.
ifneq ($(filter C C.% POSIX,$(or $(LANG),C)),)
export LANG := en_US.UTF-8
endif

VERSION ?= $(shell scripts/version.sh)
BIN     := build/companion
LDFLAGS := -X main.version=$(VERSION)
# Tabs to photograph with `make screenshots`.
TABS    ?= today clients settings
# A screen big enough for the window.
XVFB    := xvfb-run -a -s "-screen 0 1366x768x24"

# The tests and the screenshots keep their settings and data in a folder of
# their own, in English (C.UTF-8 makes Fyne log locale errors).
SCRATCH := $(CURDIR)/build/home
test screenshots: export LANG := en_US.UTF-8
test screenshots: export XDG_CONFIG_HOME := $(SCRATCH)/config
test screenshots: export XDG_DATA_HOME := $(SCRATCH)/data

.PHONY: help deps run build dist test bench lint fuzz soak screenshots clean

help:
	@echo "make run          install what is missing, build and open the app on your data"
	@echo "make test         what CI runs: gofmt, vet, staticcheck, race tests, store and window on PostgreSQL, no-cgo tests, short fuzzing, smoke tests, make dist"
	@echo "make build        build $(BIN) (version $(VERSION))"
	@echo "make dist         the Windows program and the Linux package in build/dist, checked"
	@echo "make bench        benchmarks with their references side by side, benchstat-friendly"
	@echo "make lint         vet, gofmt, staticcheck"
	@echo "make fuzz         each fuzz target for 5 minutes"
	@echo "make soak         the durability test with 200 kills of a writer, and the concurrency test"
	@echo "make screenshots  build/screenshots/TAB.png for TABS=\"$(TABS)\""
	@echo "make deps         install the missing system packages (apt-get)"
	@echo "make clean        remove build/"

deps:
	@scripts/deps.sh

build:
	go build -ldflags "$(LDFLAGS)" -o $(BIN) .

# The Windows program (cross-compiled with mingw-w64) and the Linux package,
# then the check of both (scripts/distcheck).
dist:
	@scripts/deps.sh --dist
	VERSION=$(VERSION) scripts/dist.sh
	go run ./scripts/distcheck build/dist

run: deps build
	./$(BIN)

test: deps
	@# a Go telemetry process of an earlier run may still write in it: try again
	@rm -rf $(SCRATCH) 2>/dev/null || { sleep 2; rm -rf $(SCRATCH); }
	@mkdir -p $(XDG_CONFIG_HOME) $(XDG_DATA_HOME)
	@scripts/test.sh

# The first-frame benchmark starts the real window: under Xvfb.
bench: deps
	$(XVFB) go test -run='^$$' -bench=. -benchmem -benchtime=20x -timeout 60m ./...

lint:
	go vet ./...
	@out=$$(gofmt -l .); if [[ -n "$$out" ]]; then echo "gofmt -l:"; echo "$$out"; exit 1; fi; echo "gofmt: clean"
	go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
	staticcheck ./... && echo "staticcheck: clean"

fuzz:
	@scripts/fuzz.sh 5m

# COMPANION_KILLS sets how many times the durability test kills its writer (make test: 20).
soak:
	COMPANION_KILLS=$${COMPANION_KILLS:-200} go test -count=1 -v -timeout 60m \
		-run '^Test(DurabilityUnderKill|ConcurrencyWritersNeverLock)$$' ./model/store/ | \
		grep -E '^(durability|concurrency):|^--- |^(ok|FAIL)'

screenshots: deps build
	@rm -rf build/screenshots $(SCRATCH) && mkdir -p build/screenshots $(XDG_CONFIG_HOME) $(XDG_DATA_HOME)
	@db=$(SCRATCH)/demo.db; \
	./$(BIN) demo --db $$db; \
	for tab in $(TABS); do \
		$(XVFB) scripts/shot.sh $$tab build/screenshots/$$tab.png $$db; \
	done
	@ls -l build/screenshots

clean:
	rm -rf build
