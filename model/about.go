package model

// SchemaUpgrade is what a newer build did to an older database when it
// opened it: the schema versions before and after, and the copy it kept of
// the database as it was ("" on a PostgreSQL server, whose backups are the
// server's own). The window and the command line tell the person once.
type SchemaUpgrade struct {
	From, To int
	Backup   string
}

// About is what Help → About and `companion --version` tell about this copy
// of the program and the database it works on.
type About struct {
	Version  string
	Database string // the file, or the server's address without its password
	OnServer bool
	Schema   int    // the database's schema version
	DataDir  string // the folder of the database file and its backups
}
