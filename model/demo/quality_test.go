package demo

import (
	"testing"

	"companion/model"
)

// TestQualityOfTheDemo holds the demo's quality work to what the store
// accepts and the owner expects to see: standards in their groups, a year
// of feedback in every state, two complaints overdue and no other, rounds
// finished and under way, proposals in every status.
func TestQualityOfTheDemo(t *testing.T) {
	d := Salon(1, today, DefaultClients)
	q := d.Quality
	if len(q.Standards) < 15 {
		t.Errorf("%d standards", len(q.Standards))
	}
	for _, st := range q.Standards {
		if err := st.Validate(); err != nil {
			t.Errorf("%s: %v", st.Text, err)
		}
	}
	states, overdue := map[string]int{}, 0
	satisfied := map[bool]int{}
	for _, f := range q.Feedback {
		mf := f.Feedback
		mf.ClientID = 1
		if err := mf.Validate(today); err != nil || f.Client < 0 || f.Staff < 0 {
			t.Errorf("%+v: %v", f, err)
		}
		if f.Kind == model.FeedbackComplaint {
			states[f.State]++
			if f.State == model.StateClosed {
				satisfied[f.Satisfied]++
			}
		}
		if f.Overdue(today) {
			overdue++
		}
	}
	if n := len(q.Feedback); n < 60 || n > 100 {
		t.Errorf("%d pieces of feedback", n)
	}
	for _, s := range model.FeedbackStates {
		if states[s] == 0 {
			t.Errorf("no complaint %s: %v", s, states)
		}
	}
	if overdue != 2 || satisfied[true] == 0 || satisfied[false] == 0 {
		t.Errorf("%d overdue, closed %v", overdue, satisfied)
	}
	pending := 0
	for _, r := range q.Rounds {
		for _, c := range r.Calls {
			if c.State == model.CallPending {
				pending++
			} else if c.On.After(today) || c.On.IsZero() {
				t.Errorf("%s: call on %s", r.Title, c.On)
			}
		}
	}
	if len(q.Rounds) != 4 || pending == 0 {
		t.Errorf("%d rounds, %d calls pending", len(q.Rounds), pending)
	}
	statuses := map[string]bool{}
	for _, p := range q.Proposals {
		if err := p.Validate(); err != nil || len(p.Feedback) == 0 {
			t.Errorf("%s: %v, %d feedback", p.Title, err, len(p.Feedback))
		}
		statuses[p.Status] = true
	}
	if len(statuses) != len(model.ProposalStatuses) {
		t.Errorf("proposals %v", statuses)
	}
}
