#!/usr/bin/env bash
# Smoke test of the real program: builds it, makes a demo database, opens the
# window under Xvfb, checks that the screen is not blank, that a second copy on
# the same database refuses and names the first, and that --version answers.
# The screenshot stays in build/smoke.png. Under scripts/pg.sh (with
# COMPANION_TEST_POSTGRES) it does the same on a database on that server,
# where a second copy is welcome (several PCs) instead of refused, and the
# screenshot is build/smoke-postgres.png.
set -euo pipefail
self=$(realpath "$0")
cd "$(dirname "$self")/.."
. scripts/lib.sh
export PATH=/usr/local/go/bin:$PATH

# Inside xvfb-run: the part that needs a screen. Writes PASS/FAIL lines to $RESULTS.
if [[ ${1:-} == --in-x ]]; then
	bin=$2 db=$3 shot=$4
	pass() { echo "PASS $*" >>"$RESULTS"; echo "smoke: ok   $*"; }
	fail() { echo "FAIL $*" >>"$RESULTS"; echo "smoke: FAIL $*" >&2; }
	log1=$(dirname "$RESULTS")/first.log
	"$bin" --db "$db" --lang ru >"$log1" 2>&1 &
	pid=$!
	trap 'stop_app $pid' EXIT
	if wait_window "$pid" 90; then
		pass "window opened"
	else
		fail "window opened: no window within 90 s (wait: $?); the app said:"
		sed 's/^/    /' "$log1" >&2
		exit 0
	fi
	sleep 3
	if grab "$shot"; then
		n=$(colours "$shot")
		if ((n > 20)); then
			pass "screenshot has $n colours"
		else
			fail "screenshot is blank: $n colours in $shot"
		fi
	else
		fail "screenshot: import failed"
	fi

	if [[ $db == postgres://* ]]; then
		exit 0 # several PCs share a server: a second copy is no error
	fi
	set +e
	out2=$(timeout 30 "$bin" --db "$db" --lang en 2>&1 </dev/null)
	rc2=$?
	set -e
	if ((rc2 == 0 || rc2 == 124)); then
		fail "second copy refused: it exited with $rc2 (124: still running after 30 s); it said: $out2"
	elif ! grep -qw "$pid" <<<"$out2"; then
		fail "second copy names the first: exit $rc2, but no process $pid in: $out2"
	else
		pass "second copy refused (exit $rc2): $out2"
	fi
	if kill -0 "$pid" 2>/dev/null && has_window; then
		pass "first copy still running"
	else
		fail "first copy still running: it is gone; it said:"
		sed 's/^/    /' "$log1" >&2
	fi
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export RESULTS=$tmp/results XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
: >"$RESULTS"
mkdir -p build "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
pass() { echo "PASS $*" >>"$RESULTS"; echo "smoke: ok   $*"; }
fail() { echo "FAIL $*" >>"$RESULTS"; echo "smoke: FAIL $*" >&2; }
summary() {
	local p f
	p=$(grep -c '^PASS' "$RESULTS" || true)
	f=$(grep -c '^FAIL' "$RESULTS" || true)
	echo "smoke: $p passed, $f failed"
	((f == 0))
}

bin=build/companion
version=$(scripts/version.sh)
if go build -ldflags "-X main.version=$version" -o "$bin" .; then
	pass "build"
else
	fail "build"
	summary
	exit 1
fi

if v=$("$bin" --version 2>&1) && v=${v%%$'\n'*} && grep -qE '[0-9]+\.[0-9]+' <<<"$v"; then
	pass "--version: $v"
else
	fail "--version printed: $v"
fi

db=$tmp/salon.db shot=build/smoke.png
if [[ -n ${COMPANION_TEST_POSTGRES:-} ]]; then
	name=companion_smoke_$$
	psql "$COMPANION_TEST_POSTGRES" -qc "CREATE DATABASE $name"
	trap 'psql "$COMPANION_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)"; rm -rf "$tmp"' EXIT
	db=${COMPANION_TEST_POSTGRES/\/postgres\?//$name?} shot=build/smoke-postgres.png
	echo "smoke: on PostgreSQL, database $name"
fi
if out=$("$bin" demo --db "$db" 2>&1 </dev/null); then
	pass "demo database"
else
	fail "demo database: $out"
	summary
	exit 1
fi

rm -f "$shot"
if ! xvfb-run -a -s "-screen 0 1366x768x24" "$self" --in-x "$bin" "$db" "$shot"; then
	fail "xvfb-run"
fi
summary
