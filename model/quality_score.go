package model

import "math"

// Thresholds of the quality scores.
const (
	NPSPromoterFrom = 9 // an answer of 9 or 10 is a promoter's
	NPSDetractorTo  = 6 // an answer of 0 to 6 is a detractor's
	MinAnswers      = 5 // a figure of fewer answers is too few to compare, and never ranked
)

// Figure is a score with the number of answers behind it. No answers give
// no score rather than zero.
type Figure struct {
	Value float64
	N     int
}

// Known reports whether there is any answer behind the figure.
func (f Figure) Known() bool { return f.N > 0 }

// Enough reports whether the figure has enough answers to compare.
func (f Figure) Enough() bool { return f.N >= MinAnswers }

// AverageOf is the mean of values, to one decimal.
func AverageOf(values []int) Figure {
	if len(values) == 0 {
		return Figure{}
	}
	sum := 0
	for _, v := range values {
		sum += v
	}
	return Figure{Value: math.Round(float64(sum)/float64(len(values))*10) / 10, N: len(values)}
}

// NPSOf is the net promoter score of answers 0–10: the percent of
// promoters less the percent of detractors, rounded to a whole number.
func NPSOf(answers []int) Figure {
	if len(answers) == 0 {
		return Figure{}
	}
	promoters, detractors := 0, 0
	for _, a := range answers {
		switch {
		case a >= NPSPromoterFrom:
			promoters++
		case a <= NPSDetractorTo:
			detractors++
		}
	}
	return Figure{Value: math.Round(float64(promoters-detractors) * 100 / float64(len(answers))), N: len(answers)}
}

// ShareOf is kept of asked in percent, rounded to a whole number; asked is
// the number of answers.
func ShareOf(kept, asked int) Figure {
	if asked == 0 {
		return Figure{}
	}
	return Figure{Value: math.Round(float64(kept) * 100 / float64(asked)), N: asked}
}

// Answer is one call of a check round as the scores count it: the NPS the
// client gave (nil: none), the standards kept of those asked about, and
// who served the client and what they received in the round's period.
type Answer struct {
	On       Date
	NPS      *int
	Kept     int
	Asked    int
	Staff    []uint
	Services []uint
}

// Score is one staff member's or one service's month.
type Score struct {
	Rating     Figure
	Complaints int
	Thanks     int
	Kept       Figure
	NPS        Figure
}

// Scores works the month's scores out, per staff member and per service,
// from the feedback received and the answers of the check rounds made in
// it. Withdrawn feedback does not count.
func Scores(month Date, feedback []Feedback, answers []Answer) (byStaff, byService map[uint]Score) {
	type acc struct {
		ratings, nps       []int
		complaints, thanks int
		kept, asked        int
	}
	staff, services := map[uint]*acc{}, map[uint]*acc{}
	get := func(m map[uint]*acc, id uint) *acc {
		if m[id] == nil {
			m[id] = &acc{}
		}
		return m[id]
	}
	in := func(d Date) bool { return MonthOf(d) == MonthOf(month) }
	for _, f := range feedback {
		if !in(f.On) || f.State == StateWithdrawn {
			continue
		}
		for _, a := range feedbackTargets(f, staff, services, get) {
			if f.Rating > 0 {
				a.ratings = append(a.ratings, f.Rating)
			}
			a.complaints += boolInt(f.Kind == FeedbackComplaint)
			a.thanks += boolInt(f.Kind == FeedbackThanks)
		}
	}
	for _, ans := range answers {
		if !in(ans.On) {
			continue
		}
		var targets []*acc
		for _, id := range ans.Staff {
			targets = append(targets, get(staff, id))
		}
		for _, id := range ans.Services {
			targets = append(targets, get(services, id))
		}
		for _, a := range targets {
			if ans.NPS != nil {
				a.nps = append(a.nps, *ans.NPS)
			}
			a.kept, a.asked = a.kept+ans.Kept, a.asked+ans.Asked
		}
	}
	finish := func(m map[uint]*acc) map[uint]Score {
		out := make(map[uint]Score, len(m))
		for id, a := range m {
			out[id] = Score{Rating: AverageOf(a.ratings), Complaints: a.complaints, Thanks: a.thanks,
				Kept: ShareOf(a.kept, a.asked), NPS: NPSOf(a.nps)}
		}
		return out
	}
	return finish(staff), finish(services)
}

func feedbackTargets[A any](f Feedback, staff, services map[uint]*A, get func(map[uint]*A, uint) *A) []*A {
	var out []*A
	if f.StaffID != nil {
		out = append(out, get(staff, *f.StaffID))
	}
	if f.ServiceID != nil {
		out = append(out, get(services, *f.ServiceID))
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
