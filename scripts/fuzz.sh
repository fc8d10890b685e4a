#!/usr/bin/env bash
# Runs every fuzz target of the module for a while each.
#   scripts/fuzz.sh [DURATION]      (default 20s; e.g. 5m)
# Finds the targets with `go test -list '^Fuzz' ./...`; says so when there are none.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/usr/local/go/bin:$PATH
time=${1:-20s}

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

failed=0 ran=0
while read -r pkg name; do
	echo "fuzz: $pkg $name for $time"
	ran=$((ran + 1))
	if ! go test -run='^$' -fuzz="^${name}\$" -fuzztime="$time" "$pkg" </dev/null; then
		echo "fuzz: FAIL $pkg $name (a failing input is kept under testdata/fuzz/$name)" >&2
		failed=$((failed + 1))
	fi
done <<<"$targets"
echo "fuzz: $((ran - failed)) passed, $failed failed"
((failed == 0))
