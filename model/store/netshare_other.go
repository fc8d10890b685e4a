//go:build !windows

package store

// networkShare looks the file system of path up: /proc/mounts on Linux;
// elsewhere (macOS, BSD) only UNC paths are recognised for now.
func networkShare(path string) (bool, string) {
	return linuxShare(path)
}
