package hiring

import "companion/model"

// InterviewReport is everything the interview report of a candidate
// prints: every form with its weighted total and recommendation, the
// working-day test's breakdown, the mean, where the interviewers disagree
// and how far they agree over all the candidates they both assessed.
type InterviewReport struct {
	Today         model.Date
	Candidate     Candidate
	Weights       map[string]int
	Pass          float64
	Questions     map[uint]string // the bank's questions the forms name, by ID
	Forms         []FormResult
	Mean          float64 // the mean of the forms' totals
	MeanOK        bool    // false when no form has a score
	MeanRecommend string
	Disagreements []Disagreement
	Agreements    []Agreement
}

// FormResult is a form with its weighted total, the recommendation it
// makes, and the working day the candidate planned on it.
type FormResult struct {
	Form      Form
	Total     float64
	Scored    bool // false when no criterion has a score
	Recommend string
	Day       *DayResult
}

// DayResult is a working-day plan scored: its task set, the plan, and the
// four points (ScoreDay).
type DayResult struct {
	TaskSet string
	Tasks   []DayTask
	Plan    DayPlan
	Score   DayScore
}

// Disagreement is two forms' criteria scored DisagreeBy or more apart.
type Disagreement struct {
	A, B     string // the interviewers
	Criteria []string
	ScoresA  []int
	ScoresB  []int
}

// Agreement is how far two interviewers agree over every candidate both
// assessed: ICC over N candidates; Enough is false under MinRated.
type Agreement struct {
	A, B   string
	ICC    float64
	N      int
	Enough bool
}
