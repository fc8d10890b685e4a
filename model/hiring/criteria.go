// Package hiring scores the interviews of support managers: the seed's
// six criteria on anchored 1–5 scales with their weights, the working-day
// test's four points, and how far several interviewers agree.
package hiring

import (
	"math"

	"companion/model"
)

// The seed's six criteria, in the order the form asks them.
const (
	Knowledge       = "knowledge"       // knowledge and skills: questions
	Communicability = "communicability" // a role-play dialogue with a «client»
	Positivity      = "positivity"      // provocative questions
	Organisation    = "organisation"    // the working-day test
	Stress          = "stress"          // a modelled situation
	Responsibility  = "responsibility"  // the case interview
)

// Criteria lists them in the form's order.
var Criteria = []string{Knowledge, Communicability, Positivity, Organisation, Stress, Responsibility}

// DefaultWeights are the criteria's weights in percent until the owner sets
// others; they sum to 100.
var DefaultWeights = map[string]int{Knowledge: 20, Communicability: 20, Positivity: 15, Organisation: 15, Stress: 15, Responsibility: 15}

// DefaultPass is the weighted total (on the 1–5 scale) a candidate needs
// to be recommended for hire.
const DefaultPass = 3.5

// TrainMargin: a total this far below the pass threshold recommends hiring
// and training.
const TrainMargin = 0.5

// DisagreeBy: two interviewers' scores of a criterion this far apart are
// flagged.
const DisagreeBy = 2

// The recommendations.
const (
	Hire      = "hire"
	HireTrain = "hire_train"
	Reject    = "reject"
)

// CheckWeights refuses weights that are not every criterion's, each 0–100,
// summing to 100.
func CheckWeights(w map[string]int) error {
	sum := 0
	for _, c := range Criteria {
		v, ok := w[c]
		if !ok || v < 0 || v > 100 {
			return model.ValidationErrors{{Field: "weights", Key: "err.hiring.weights", Args: map[string]any{"Sum": sum}}}
		}
		sum += v
	}
	if sum != 100 || len(w) != len(Criteria) {
		return model.ValidationErrors{{Field: "weights", Key: "err.hiring.weights", Args: map[string]any{"Sum": sum}}}
	}
	return nil
}

// Weighted is the weighted total of the scores (1–5 each; 0 unscored), to
// two decimals, over the criteria scored; ok is false when none is.
func Weighted(scores map[string]int, weights map[string]int) (total float64, ok bool) {
	sum, wsum := 0, 0
	for _, c := range Criteria {
		if s := scores[c]; s >= 1 && s <= 5 {
			sum += s * weights[c]
			wsum += weights[c]
		}
	}
	if wsum == 0 {
		return 0, false
	}
	return math.Round(float64(sum)/float64(wsum)*100) / 100, true
}

// Recommend turns a weighted total into a recommendation against the pass
// threshold.
func Recommend(total, pass float64) string {
	switch {
	case total >= pass:
		return Hire
	case total >= pass-TrainMargin:
		return HireTrain
	}
	return Reject
}

// Disagreements lists the criteria two interviewers scored DisagreeBy or
// more apart.
func Disagreements(a, b map[string]int) []string {
	var out []string
	for _, c := range Criteria {
		if a[c] > 0 && b[c] > 0 && abs(a[c]-b[c]) >= DisagreeBy {
			out = append(out, c)
		}
	}
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
