package store

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// networkShare asks Windows whether the drive of path is a network drive
// (a share mapped to a letter, such as Z:).
func networkShare(path string) (bool, string) {
	vol := filepath.VolumeName(path)
	if vol == "" {
		return false, ""
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false, ""
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return true, "network drive " + vol
	}
	return false, ""
}
