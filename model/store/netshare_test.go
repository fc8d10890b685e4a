package store

import (
	"path/filepath"
	"runtime"
	"testing"
)

func TestMountFS(t *testing.T) {
	mounts := `sysfs /sys sysfs rw,nosuid 0 0
/dev/sda2 / ext4 rw,relatime 0 0
//nas/salon /mnt/salon cifs rw,vers=3.0 0 0
nas:/export /home/anna/nfs nfs4 rw 0 0
anna@host:/data /home/anna/remote\040data fuse.sshfs rw 0 0
/dev/sdb1 /mnt/salon/local ext4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
`
	for _, tt := range []struct{ path, fs string }{
		{"/home/anna/companion.db", "ext4"},
		{"/mnt/salon/companion.db", "cifs"},
		{"/mnt/salon", "cifs"},
		{"/mnt/salonka/companion.db", "ext4"},
		{"/mnt/salon/local/companion.db", "ext4"},
		{"/home/anna/nfs/x/companion.db", "nfs4"},
		{"/home/anna/remote data/companion.db", "fuse.sshfs"},
		{"/tmp/companion.db", "tmpfs"},
	} {
		if got := mountFS(mounts, tt.path); got != tt.fs {
			t.Errorf("%s: %q, want %q", tt.path, got, tt.fs)
		} else if want := tt.fs != "ext4" && tt.fs != "tmpfs"; networkFS[got] != want {
			t.Errorf("%s: network %v", tt.path, networkFS[got])
		}
	}
}

func TestNetworkShare(t *testing.T) {
	if ok, kind := NetworkShare(`\\nas\salon\companion.db`); !ok || kind != "UNC path" {
		t.Errorf("a UNC path: %v %q", ok, kind)
	}
	if runtime.GOOS == "linux" {
		if ok, kind := NetworkShare(filepath.Join(t.TempDir(), "not", "yet", "companion.db")); ok {
			t.Errorf("a local temporary folder is on %q", kind)
		}
	}
}
