#!/usr/bin/env bash
# What `make test` and CI run, stage by stage. Every stage runs even when an
# earlier one failed, and the last line sums them up.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export PATH=/usr/local/go/bin:$PATH

passed=() failed=()
start=$SECONDS

# stage NAME CMD...: runs one stage and remembers how it went.
stage() {
	local name=$1 t=$SECONDS
	shift
	echo
	echo "==> $name"
	if "$@"; then
		passed+=("$name")
		echo "==> $name: ok ($((SECONDS - t)) s)"
	else
		failed+=("$name")
		echo "==> $name: FAILED ($((SECONDS - t)) s)"
	fi
}

gofmt_clean() {
	local out
	out=$(gofmt -l . 2>&1)
	if [[ -n "$out" ]]; then
		echo "gofmt: these files need gofmt -w:"
		echo "$out"
		return 1
	fi
}

# Packages that must build and test without cgo, hence without OpenGL.
nogl() {
	local pats=() d
	for d in model ui reports; do
		if [[ -n $(find "$d" -name '*.go' -print -quit 2>/dev/null) ]]; then
			pats+=("./$d/...")
		fi
	done
	if ((${#pats[@]} == 0)); then
		echo "nothing to test yet"
		return 0
	fi
	CGO_ENABLED=0 go test "${pats[@]}"
}

# staticcheck, pinned, installed from the module proxy when missing.
STATICCHECK_VERSION=v0.8.2
staticcheck_clean() {
	local bin
	bin="$(go env GOPATH)/bin/staticcheck"
	if ! "$bin" -version 2>/dev/null | grep -q "${STATICCHECK_VERSION#v}"; then
		go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION" || return 1
	fi
	"$bin" ./...
}

# The SIGKILL durability test and the concurrency test again, to show their
# figures (go test prints a passing package's output only with -v).
durability() {
	go test -race -count=1 -v -run '^Test(DurabilityUnderKill|ConcurrencyWritersNeverLock)$' ./model/store/ |
		grep -E '^(durability|concurrency):|^--- |^(ok|FAIL)'
}

# The store's tests (with the race detector) and the window's again, on a
# throwaway PostgreSQL cluster (scripts/pg.sh sets COMPANION_TEST_POSTGRES);
# the race tests above ran them on SQLite.
store_postgres() {
	scripts/pg.sh bash -c 'rc=0
		go test -race -count=1 -timeout 30m ./model/store/... || rc=1
		go test -count=1 -timeout 30m ./ui/... || rc=1
		exit $rc'
}

# What a salon installs (make dist: the Windows program and the Linux
# package), checked by scripts/distcheck; then the Windows program started
# under wine (scripts/winesmoke.sh), when make dist made it.
dist() {
	make --no-print-directory dist
}

echo "test: $(go version), LANG=$LANG, XDG_CONFIG_HOME=${XDG_CONFIG_HOME:-}, XDG_DATA_HOME=${XDG_DATA_HOME:-}"
stage gofmt gofmt_clean
stage vet go vet ./...
stage staticcheck staticcheck_clean
stage "file and function sizes" go run ./scripts/sizes
stage "race tests" go test -race -timeout 30m ./...
stage "store and window on PostgreSQL" store_postgres
stage "durability and concurrency" durability
stage "tests without cgo" nogl
stage "fuzz 20s each" scripts/fuzz.sh 20s
stage smoke scripts/smoke.sh
stage "smoke on PostgreSQL" scripts/pg.sh scripts/smoke.sh
stage "dist: Windows program and Linux package" dist
stage "Windows program under wine" scripts/winesmoke.sh

echo
echo "test: took $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"
for f in "${failed[@]}"; do
	echo "test: FAILED stage: $f"
done
# Which databases the store's tests ran on.
pg_backend="PostgreSQL"
if [[ " ${failed[*]} " == *" store and window on PostgreSQL "* ]]; then
	pg_backend="not PostgreSQL: its stage failed"
fi
echo "test: backends: SQLite (race tests), $pg_backend (store and window on PostgreSQL)"
echo "test: ${#passed[@]} passed, ${#failed[@]} failed"
((${#failed[@]} == 0))
