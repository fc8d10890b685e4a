package store

import (
	"os"
	"path/filepath"
	"runtime"
)

// DataDir is the folder where the salon's data lives by default:
// $XDG_DATA_HOME/companion (~/.local/share/companion) on Linux,
// %AppData%\Companion on Windows, ~/Library/Application Support/Companion on
// macOS.
func DataDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin":
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, "Companion"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "companion"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "companion"), nil
}

// DefaultPath is the database file used when none is named.
func DefaultPath() (string, error) {
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "companion.db"), nil
}
