package model

// ProgramView is a program as it stands on a day: its schedule, price and
// progress, and the card that pays part of it.
type ProgramView struct {
	Program  Program
	Card     *CardView
	Schedule []Session
	Price    ProgramPrice
	Progress ProgramProgress
}

// ViewProgram works out what follows from a program on day today, from the
// client's sessions done and assessments.
func ViewProgram(p Program, card *CardView, done []SessionDone, as []Assessment, today Date) ProgramView {
	v := ProgramView{Program: p, Card: card, Schedule: PlaceSchedule(p)}
	var st *CardState
	if card != nil {
		st = &card.State
	}
	v.Price = PriceOf(p, v.Schedule, st)
	v.Progress = ProgressOf(p, v.Schedule, done, as, today)
	return v
}

// ProgramBasis is what the program builder shows beside the program: the
// client's needs and latest condition, and what a program is made of.
type ProgramBasis struct {
	Client        Client
	HealthConsent bool        // without it nothing of health is stored or checked
	Latest        *Assessment // the latest assessment; nil when none
	Health        []string    // the client's words on health: profile notes, the latest contraindications
	Services      []Service   // the catalogue's active lines
	Staff         []Staff     // the active staff
	Cards         []CardView  // the client's cards not ended
	Templates     []ProgramTemplate
}

// ProgramSheet is what the program's PDF prints.
type ProgramSheet struct {
	Salon  string
	Client Client
	View   ProgramView
	Staff  map[uint]string // staff names by ID
	Today  Date
}
