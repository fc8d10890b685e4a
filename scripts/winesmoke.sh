#!/usr/bin/env bash
# Smoke test of the Windows program (make dist builds it) under wine, headless
# under Xvfb: --version answers from a console, the program fills a demo salon
# from its command line, and its window opens on it and draws. The screenshot
# stays in build/dist/wine.png. Wine's prefix is made anew in a temporary
# folder each time.
set -euo pipefail
self=$(realpath "$0")
cd "$(dirname "$self")/.."
. scripts/lib.sh

results=${RESULTS:-}
pass() { echo "PASS $*" >>"$results"; echo "winesmoke: ok   $*"; }
fail() { echo "FAIL $*" >>"$results"; echo "winesmoke: FAIL $*" >&2; }

# Inside xvfb-run: opens the window and photographs it.
if [[ ${1:-} == --in-x ]]; then
	exe=$2 db=$3 shot=$4
	# wine titles its windows in UTF-8, which xwininfo reads only in a
	# locale this machine has (en_US.UTF-8 may not be generated).
	export LANG=C.UTF-8
	log=$(dirname "$results")/window.log
	wine "$exe" --db "$db" --lang ru >"$log" 2>&1 &
	pid=$!
	trap 'kill $pid 2>/dev/null; wineserver -k 2>/dev/null || true' EXIT
	t=$SECONDS
	if wait_window "$pid" 120; then
		pass "window opened after $((SECONDS - t)) s"
	else
		fail "window opened: none within 120 s (wait: $?); wine said:"
		sed 's/^/    /' "$log" >&2
		exit 0
	fi
	sleep 8 # the window reads the salon and draws it
	grab "$shot"
	n=$(colours "$shot")
	if ((n > 20)); then
		pass "screenshot has $n colours"
	else
		fail "screenshot is blank: $n colours in $shot"
	fi
	exit 0
fi

exes=(build/dist/Companion-*-windows-amd64.exe)
if [[ ! -f ${exes[0]} ]]; then
	echo "winesmoke: no Windows program in build/dist: run make dist first" >&2
	exit 1
fi
exe=$(realpath "${exes[0]}")
tmp=$(mktemp -d)
export RESULTS=$tmp/results WINEPREFIX=$tmp/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
trap 'wineserver -k 2>/dev/null || true; rm -rf "$tmp"' EXIT
results=$RESULTS
: >"$results"
summary() {
	local p f
	p=$(grep -c '^PASS' "$results" || true)
	f=$(grep -c '^FAIL' "$results" || true)
	echo "winesmoke: $p passed, $f failed"
	((f == 0))
}

t=$SECONDS
if xvfb-run -a wineboot -i >"$tmp/wineboot.log" 2>&1; then
	pass "wine prefix made in $((SECONDS - t)) s ($(wine --version))"
else
	fail "wineboot: $(tail -n3 "$tmp/wineboot.log")"
	summary
	exit 1
fi
# Debian 12's wine 8.0 lacks the DLL Go's runtime takes its random numbers from.
sys32=$WINEPREFIX/drive_c/windows/system32
if [[ ! -e $sys32/bcryptprimitives.dll ]]; then
	x86_64-w64-mingw32-gcc -shared -O2 -o "$sys32/bcryptprimitives.dll" \
		scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
	echo "winesmoke: wine has no bcryptprimitives.dll: a stand-in from scripts/wine is in its system32"
fi

version=${exe##*/Companion-}
version=${version%-windows-amd64.exe}
t=$SECONDS
if v=$(timeout 120 wine "$exe" --version 2>&1) && [[ ${v%%$'\n'*} == "Companion $version" ]]; then
	pass "--version in $((SECONDS - t)) s: ${v//$'\n'/; }"
else
	fail "--version printed: $v"
fi

mkdir -p "$tmp/data"
db=$(winepath -w "$tmp/data/salon.db" 2>/dev/null)
t=$SECONDS
if out=$(timeout 300 wine "$exe" demo --db "$db" 2>&1 </dev/null); then
	pass "demo salon made by the Windows program in $((SECONDS - t)) s: $(grep -o 'clients: [0-9]*' <<<"$out" || true)"
else
	fail "demo salon: $out"
	summary
	exit 1
fi

# The commands above ran without a screen: wine's desktop process they
# started would keep the window off Xvfb's.
wineserver -k 2>/dev/null || true
wineserver -w 2>/dev/null || true
shot=build/dist/wine.png
rm -f "$shot"
xvfb-run -a -s "-screen 0 1366x768x24" "$self" --in-x "$exe" "$db" "$shot" || fail "xvfb-run"
summary
