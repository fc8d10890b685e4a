#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster:
#   scripts/pg.sh CMD [ARGS...]
# Starts a cluster in a mktemp -d folder, listening only on 127.0.0.1 on a free
# port, runs CMD with COMPANION_TEST_POSTGRES set to a superuser URL on it, then
# stops the cluster and removes the folder whatever happens, and exits with
# CMD's status. initdb and postgres refuse root, so as root (CI) they run as nobody.
set -euo pipefail

if (($# == 0)); then
	echo "usage: scripts/pg.sh CMD [ARGS...]" >&2
	exit 2
fi

# The newest server under /usr/lib/postgresql (Debian's layout).
bindir=
for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V); do
	[[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] && bindir=$d
done
if [[ -z $bindir ]]; then
	echo "pg: PostgreSQL is not installed (no initdb, pg_ctl, postgres in /usr/lib/postgresql/*/bin): run make deps, or apt-get install postgresql" >&2
	exit 1
fi

as=()
if [[ $(id -u) == 0 ]]; then
	as=(runuser -u nobody --)
fi

dir=$(mktemp -d)
data=$dir/data
port='' child=''
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
	if [[ -n $child ]]; then
		kill -TERM "$child" 2>/dev/null || true
		wait "$child" 2>/dev/null || true
	fi
	if [[ -f $data/postmaster.pid ]]; then
		"${as[@]}" "$bindir/pg_ctl" stop -D "$data" -m immediate -w -t 10 >/dev/null 2>&1 ||
			kill -9 "$(head -n1 "$data/postmaster.pid")" 2>/dev/null || true
	fi
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# fail MESSAGE: says what went wrong, shows the server's log, and gives up.
fail() {
	echo "pg: $*" >&2
	if [[ -s $dir/log ]]; then
		echo "pg: the server log ($dir/log):" >&2
		sed 's/^/    /' "$dir/log" >&2
	fi
	exit 1
}

if ((${#as[@]})); then
	chown nobody "$dir"
	"${as[@]}" test -x "$bindir/postgres" -a -w "$dir" ||
		fail "user nobody cannot run $bindir/postgres or write $dir (TMPDIR=${TMPDIR:-/tmp})"
fi

# initdb and pg_ctl run from the folder itself: root's own folder may be closed to nobody.
(cd "$dir" && "${as[@]}" "$bindir/initdb" -D "$data" -U companion --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1) ||
	{ cat "$dir/initdb.log" >&2; fail "initdb failed"; }

# A free port: a random one that nothing listens on. Two runs can still race
# for the same one, so a server that cannot bind it tries another.
started=''
for _ in 1 2 3 4 5; do
	port=$((20000 + RANDOM % 40000))
	if command -v ss >/dev/null && ss -Hltn "sport = :$port" | grep -q .; then
		continue
	fi
	opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off"
	rm -f "$dir/log"
	if (cd "$dir" && "${as[@]}" "$bindir/pg_ctl" start -D "$data" -l "$dir/log" -o "$opts" -w -t 30 >"$dir/pg_ctl.log" 2>&1); then
		started=yes
		break
	fi
	if ! grep -qE 'could not (bind|create any TCP/IP)' "$dir/log"; then
		fail "the server did not start on 127.0.0.1:$port within 30 s: $(tr '\n' ' ' <"$dir/pg_ctl.log")"
	fi
	echo "pg: port $port is taken, trying another"
done
[[ -n $started ]] || fail "found no free port in 5 tries"

if ! "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30; then
	fail "the server does not accept connections on 127.0.0.1:$port after 30 s"
fi

url="postgres://companion@127.0.0.1:$port/postgres?sslmode=disable"
if ! out=$("$bindir/psql" "$url" -v ON_ERROR_STOP=1 -Atqc 'CREATE EXTENSION IF NOT EXISTS pg_trgm; SHOW server_version' 2>&1); then
	fail "CREATE EXTENSION pg_trgm failed: the contrib modules are missing (Debian: apt-get install postgresql, or postgresql-contrib elsewhere): $out"
fi
version=${out##*$'\n'}
echo "pg: PostgreSQL ${version%% *} on 127.0.0.1:$port (throwaway cluster in $dir)"

# CMD runs in the background so that a signal to this script stops it at once;
# trap - INT undoes bash's ignoring of SIGINT in background commands.
export COMPANION_TEST_POSTGRES=$url
(trap - INT QUIT; exec "$@") <&0 &
child=$!
status=0
wait "$child" || status=$?
child=
exit "$status"
