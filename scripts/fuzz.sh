#!/usr/bin/env bash
# Runs every fuzz target of the module for a while each.
#   scripts/fuzz.sh [DURATION]      (default 20s; e.g. 5m)
# Finds the targets with `go test -list '^Fuzz' ./...`; says so when there are none.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/usr/local/go/bin:$PATH
time=${1:-20s}
# Go minimizes every new input that finds new code for up to a minute by
# default; on a target whose inputs are whole workbooks that took the whole
# run (19 inputs tried in 20 s, 26,000 with this bound). A failing input is
# still kept, minimized less.
minimize=200x

list=$(mktemp)
trap 'rm -f "$list"' EXIT
if ! go test -list '^Fuzz' ./... >"$list" 2>&1; then
	cat "$list" >&2
	echo "fuzz: could not list the fuzz targets" >&2
	exit 1
fi
# Names come before their package's "ok  <pkg>  <time>" line.
targets=$(awk '/^Fuzz/ { names[++n] = $1; next }
	/^ok[ \t]/ { for (i = 1; i <= n; i++) print $2, names[i]; n = 0 }' "$list")

if [[ -z "$targets" ]]; then
	echo "fuzz: no fuzz targets yet, nothing to run"
	exit 0
fi

# fuzz_once PKG NAME: 0 passed, 1 found a failing input, 2 stopped with Go's
# own "context deadline exceeded" at the end of -fuzztime and kept no input
# (go.dev/issue/75804, fixed in Go 1.27: a race in the fuzzing coordinator).
fuzz_once() {
	local pkg=$1 name=$2 dir out before after
	dir=$(go list -f '{{.Dir}}' "$pkg")/testdata/fuzz/$name
	before=$(ls "$dir" 2>/dev/null | wc -l)
	out=$(mktemp)
	if go test -run='^$' -fuzz="^${name}\$" -fuzztime="$time" -fuzzminimizetime="$minimize" "$pkg" </dev/null 2>&1 | tee "$out"; [[ ${PIPESTATUS[0]} == 0 ]]; then
		rm -f "$out"
		return 0
	fi
	after=$(ls "$dir" 2>/dev/null | wc -l)
	if ((after == before)) && grep -q '^    context deadline exceeded$' "$out"; then
		rm -f "$out"
		return 2
	fi
	rm -f "$out"
	return 1
}

failed=0 ran=0 rerun=0
while read -r pkg name; do
	echo "fuzz: $pkg $name for $time"
	ran=$((ran + 1))
	status=0
	fuzz_once "$pkg" "$name" || status=$?
	if ((status == 2)); then
		echo "fuzz: $pkg $name stopped on Go's fuzzing deadline race with no failing input; running it again"
		rerun=$((rerun + 1))
		status=0
		fuzz_once "$pkg" "$name" || status=$?
	fi
	if ((status != 0)); then
		echo "fuzz: FAIL $pkg $name (a failing input, if found, is kept under testdata/fuzz/$name)" >&2
		failed=$((failed + 1))
	fi
done <<<"$targets"
echo "fuzz: $((ran - failed)) passed, $failed failed, $rerun run again after Go's deadline race"
((failed == 0))
