package hiring

import "companion/model"

// Counts are how many records of one kind an interviews import added,
// updated from the file, or found already the same (or newer here).
type Counts struct {
	Added, Updated, Unchanged int
}

// The sides of a conflict.
const (
	WonFile = "file" // the file's form was newer and replaced this database's
	WonHere = "here" // this database's form was newer and was kept
)

// Conflict is a form edited both in the file and in this database: the
// newer one is kept, and the person is told which.
type Conflict struct {
	Candidate   string
	Interviewer string
	On          model.Date
	Won         string // WonFile or WonHere
}

// InterviewsImport is what an import of interviews from a laptop did.
type InterviewsImport struct {
	Candidates, Forms, Questions, TaskSets Counts
	Conflicts                              []Conflict
}
