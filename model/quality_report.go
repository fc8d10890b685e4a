package model

import (
	"cmp"
	"slices"
)

// QualityMonth is what the month's quality report prints, read once so
// that the report only lays it out: the month's figures of every staff
// member, the salon's NPS, what the complaints were about, the complaints
// still open and the proposals in hand.
type QualityMonth struct {
	Month      Date // the month's first day
	Today      Date // the day it was read: open complaints are overdue as of it
	Staff      []StaffScore
	NPS        NPSSplit // the whole salon's: every answer of the month once
	Complaints int      // the month's complaints, none withdrawn
	ByService  []Count  // the month's complaints by service, the most first
	ByStaff    []Count  // and by staff member
	Open       []ComplaintLine
	Proposals  []ProposalLine
}

// QualityTopics is how many services and staff members the report lists
// by their complaints: the ones most complained about.
const QualityTopics = 10

// StaffScore is one staff member's month. A figure of fewer than
// MinAnswers answers is too few to compare, and none is no score.
type StaffScore struct {
	Staff Staff
	Score Score
}

// NPSSplit is the net promoter score with the answers behind it told
// apart, so that a reader sees what the number is made of.
type NPSSplit struct {
	Promoters  int
	Passives   int
	Detractors int
	Score      Figure // NPSOf the same answers
}

// SplitNPS counts answers 0–10 as promoters', passives' and detractors' by
// the thresholds NPSOf scores them with.
func SplitNPS(answers []int) NPSSplit {
	s := NPSSplit{Score: NPSOf(answers)}
	for _, a := range answers {
		switch {
		case a >= NPSPromoterFrom:
			s.Promoters++
		case a <= NPSDetractorTo:
			s.Detractors++
		default:
			s.Passives++
		}
	}
	return s
}

// Count is how many times something was named: complaints about a service
// or a staff member.
type Count struct {
	Name string
	N    int
}

// TopCounts lists the names counted more than zero times, the most first
// (by name when even), at most limit of them (all when limit is 0).
func TopCounts(counts map[string]int, limit int) []Count {
	out := []Count{}
	for name, n := range counts {
		if n > 0 {
			out = append(out, Count{Name: name, N: n})
		}
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Name, b.Name))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// ComplaintLine is a complaint still open, as a list prints it: whose, about
// whom and what, in the client's words, and whether it is overdue.
type ComplaintLine struct {
	ID      uint
	Client  string
	Staff   string
	Service string
	On      Date
	Words   string
	State   string
	Overdue bool
}

// ProposalLine is an improvement proposal with its owner's name.
type ProposalLine struct {
	Proposal
	Owner string
}

// FeedbackSheet is what a manager hands a staff member in a one-to-one:
// the month's figures, and the thanks and complaints clients gave them in
// the month in their own words, with what was done.
type FeedbackSheet struct {
	Month      Date
	Today      Date // the day it was read
	Staff      Staff
	Score      Score
	Thanks     []FeedbackNote
	Complaints []FeedbackNote
}

// FeedbackNote is a piece of feedback with the names it is printed with.
type FeedbackNote struct {
	Feedback
	Client  string
	Service string
}
