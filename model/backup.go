package model

import "time"

// BackupKind says why a backup was made, which decides whether rotation may
// remove it.
type BackupKind string

// The kinds of backups.
const (
	// BackupRegular: made at start and at exit; rotated (7 daily, 4 weekly,
	// 6 monthly).
	BackupRegular BackupKind = "regular"
	// BackupManual: made by hand, when the owner wanted one; kept.
	BackupManual BackupKind = "manual"
	// BackupUpgrade: made before a schema upgrade; kept.
	BackupUpgrade BackupKind = "upgrade"
	// BackupBeforeRestore: the data as it was before a restore; kept.
	BackupBeforeRestore BackupKind = "before-restore"
)

// BackupKinds are all the kinds, for the words that name them.
var BackupKinds = []BackupKind{BackupRegular, BackupManual, BackupUpgrade, BackupBeforeRestore}

// BackupInfo is one backup file of the salon's database, as the settings
// list shows it.
type BackupInfo struct {
	Path string
	Time time.Time // when it was made (local time)
	Size int64     // bytes
	Kind BackupKind
}

// ExchangeSummary counts what a full export wrote or an import read, table
// by table.
type ExchangeSummary struct {
	Tables map[string]int // rows by table
}

// Rows is the number of rows of every table together.
func (s ExchangeSummary) Rows() int {
	n := 0
	for _, c := range s.Tables {
		n += c
	}
	return n
}

// RestoreResult says what a restore did.
type RestoreResult struct {
	From    string // the backup restored
	Saved   string // a backup of the data it replaced; "" when there was none
	Damaged string // where a damaged database was moved; "" when it was not damaged
}
