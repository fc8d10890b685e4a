package store

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"companion/model"
)

// NetworkShare reports whether the database at path lives on a network
// share, and which kind (the file system, or "UNC path"). SQLite's locking
// is not safe there: two PCs writing one file over SMB or NFS can damage
// it. A salon with several PCs uses PostgreSQL instead (see the README).
func NetworkShare(path string) (bool, string) {
	if model.IsPostgres(path) {
		return false, ""
	}
	if isUNC(path) {
		return true, "UNC path"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if isUNC(abs) {
		return true, "UNC path"
	}
	return networkShare(existingDir(abs))
}

// isUNC reports whether a path names a Windows share: \\server\share\….
func isUNC(p string) bool {
	return strings.HasPrefix(p, `\\`) || (runtime.GOOS == "windows" && strings.HasPrefix(p, "//"))
}

// existingDir is path with its symbolic links resolved, or the nearest of
// its folders that exists (the database may not be made yet).
func existingDir(p string) string {
	for q := p; ; q = filepath.Dir(q) {
		if r, err := filepath.EvalSymlinks(q); err == nil {
			return filepath.Join(r, strings.TrimPrefix(p, q))
		}
		if filepath.Dir(q) == q {
			return p
		}
	}
}

// networkFS are the file systems, as /proc/mounts names them, on which
// SQLite's file locks cannot be trusted.
var networkFS = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb": true, "smb2": true, "smb3": true, "smbfs": true,
	"fuse.sshfs": true, "sshfs": true, "afs": true, "ncpfs": true, "9p": true, "davfs": true,
	"fuse.davfs2": true, "fuse.rclone": true, "glusterfs": true, "fuse.glusterfs": true, "ceph": true,
	"fuse.ceph": true, "lustre": true, "gpfs": true,
}

// mountFS finds the file system of path in the text of /proc/mounts: the
// entry with the longest mount point that contains path (the last one
// when a point is mounted over).
func mountFS(mounts, path string) string {
	best, fs := -1, ""
	for _, line := range strings.Split(mounts, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		point := unescapeMount(f[1])
		if !under(path, point) || len(point) < best {
			continue
		}
		best, fs = len(point), f[2]
	}
	return fs
}

func under(path, dir string) bool {
	if dir == "/" {
		return strings.HasPrefix(path, "/")
	}
	return path == dir || strings.HasPrefix(path, dir+"/")
}

// unescapeMount undoes the octal escapes of /proc/mounts (\040 for a space).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if v, ok := octal(s[i+1 : i+4]); ok {
				b.WriteByte(v)
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func octal(s string) (byte, bool) {
	if len(s) != 3 {
		return 0, false
	}
	v := 0
	for _, c := range s {
		if c < '0' || c > '7' {
			return 0, false
		}
		v = v*8 + int(c-'0')
	}
	return byte(v), v < 256
}

// linuxShare reads /proc/mounts.
func linuxShare(path string) (bool, string) {
	data, err := os.ReadFile("/proc/mounts")
	if err != nil {
		return false, ""
	}
	fs := mountFS(string(data), path)
	return networkFS[fs], fs
}
