package model

// ClientRow is one line of the client list: only what the list shows.
type ClientRow struct {
	ID           uint
	LastName     string
	FirstName    string
	MiddleName   string
	Phone        string
	BirthDate    Date
	VisitCount   int
	FirstVisitOn Date
	LastVisitOn  Date
	CardNumbers  string
	Archived     bool
}

// FullName is "Фамилия Имя Отчество" without empty parts.
func (r ClientRow) FullName() string {
	c := Client{LastName: r.LastName, FirstName: r.FirstName, MiddleName: r.MiddleName}
	return c.FullName()
}

// Status is where the client stands on day today.
func (r ClientRow) Status(today Date) Status {
	return ClientStatus(today, r.VisitCount, r.FirstVisitOn, r.LastVisitOn)
}

// ClientQuery says which clients the list shows.
type ClientQuery struct {
	Text         string // name, phone, email or card number, as typed
	Status       Status // "" for any
	Trust        Trust  // "" for any
	BirthdayDays int    // >0: only birthdays within this many days from today
	Archived     bool   // the archive instead of the working list
	Limit        int    // at most this many rows; 0 for all
}

// SearchLimit is how many rows a search as you type returns: more is a sign
// to type another letter, not to scroll.
const SearchLimit = 200

// ListLimit is how many rows the list shows without a search: every client
// of a salon, and a bound on what a very large base loads at once.
const ListLimit = 5000
