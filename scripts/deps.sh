#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the build, the tests and the screenshots
# need, only those that are missing, and checks that Go is there.
#   scripts/deps.sh [--dist]    --dist: also what `make dist` and its smoke test need
set -euo pipefail

packages=(
	gcc libc6-dev pkg-config                      # cgo (libc6-dev: even pure-Go tests need it when gcc is present)
	libgl-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev  # Fyne's GLFW driver
	xvfb xauth x11-utils                           # a virtual screen, xvfb-run, xwininfo
	imagemagick                                    # import (screenshots), convert (checks, icon)
	poppler-utils                                  # pdftotext for the report tests
	postgresql                                     # the store's tests on PostgreSQL (scripts/pg.sh); includes pg_trgm
)
if [[ ${1:-} == --dist ]]; then
	packages+=(
		gcc-mingw-w64-x86-64-win32                 # the Windows program's cgo (x86_64-w64-mingw32-gcc)
		xz-utils                                   # fyne package's .tar.xz
		wine wine64                                # the Windows program's smoke test (scripts/winesmoke.sh)
	)
fi

missing=()
for p in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done

if ((${#missing[@]})); then
	if ! command -v apt-get >/dev/null; then
		echo "deps: missing ${missing[*]}, and there is no apt-get: install them by hand" >&2
		exit 1
	fi
	sudo=()
	if [[ $(id -u) != 0 ]]; then
		sudo=(sudo)
	fi
	echo "deps: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	"${sudo[@]}" apt-get update -q
	"${sudo[@]}" apt-get install -y -q "${missing[@]}" </dev/null
else
	echo "deps: all ${#packages[@]} system packages present"
fi

# scripts/pg.sh uses the newest server in /usr/lib/postgresql/*/bin.
pgbin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)
if [[ -x $pgbin/postgres ]]; then
	echo "deps: PostgreSQL $("$pgbin/postgres" --version | awk '{ print $3 }') in $pgbin"
else
	echo "deps: no PostgreSQL server in /usr/lib/postgresql/*/bin although the postgresql package is installed" >&2
	exit 1
fi

if ! command -v go >/dev/null && [[ ! -x /usr/local/go/bin/go ]]; then
	want=$(sed -n 's/^go //p' "$(dirname "$0")/../go.mod" 2>/dev/null)
	echo "deps: Go is not installed: get Go ${want:-} or newer from https://go.dev/dl/ and unpack it to /usr/local/go" >&2
	exit 1
fi
echo "deps: $(PATH=/usr/local/go/bin:$PATH go version)"
