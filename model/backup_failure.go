package model

import "time"

// BackupMoment is when an automatic backup is made.
type BackupMoment string

// The moments of the automatic backups.
const (
	BackupAtStart BackupMoment = "start" // the day's backup as the window opens
	BackupAtExit  BackupMoment = "exit"  // the backup as the window closes
)

// BackupFailure is an automatic backup that could not be made, kept until
// a backup succeeds so that the owner reads it in the window: when, at
// which moment, and why — Key (with Args) names the reason in words of the
// language, Detail is the system's own text.
type BackupFailure struct {
	Time   time.Time      `json:"time"`
	Moment BackupMoment   `json:"moment"`
	Key    string         `json:"key"`
	Args   map[string]any `json:"args,omitempty"`
	Detail string         `json:"detail"`
}
