package model

// Block is a department of the salon with its own turnover and profit:
// cosmetology, fitness, spa.
type Block struct {
	ID   uint
	Name string
}

// Staff is a person who works at the salon.
type Staff struct {
	ID      uint
	UUID    string
	Name    string
	Role    string // the specialist role: "косметолог", "тренер", …
	BlockID *uint
	Phone   string
	HiredOn Date
	Active  bool
	Duties  string
}

// TableName keeps the table name in the singular, as people say "staff".
func (Staff) TableName() string { return "staff" }
