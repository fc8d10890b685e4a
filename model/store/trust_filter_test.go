package store

import (
	"context"
	"fmt"
	"math/rand"
	"testing"

	"companion/model"
)

// The client list's trust filter decides as the profile does: eight
// visits over three months make a client trusted unless a complaint is
// still open or the ratings are low; withdrawn feedback counts for
// nothing.
func TestTheTrustFilterCountsComplaintsAndRatings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	today := s.Today()
	r := rand.New(rand.NewSource(11))
	states := []string{model.StateNew, model.StatePassed, model.StateAnswered, model.StateResolved, model.StateClosed, model.StateWithdrawn}
	want := map[uint]model.Trust{}
	heldBack := 0 // trusted by the visits, held at building by the feedback
	for i := 0; i < 80; i++ {
		c := mustCreate(t, s, model.Client{FirstName: fmt.Sprintf("Клиент%d", i)})
		visits := 6 + r.Intn(6)
		first := today.AddDays(-60 - r.Intn(120))
		if err := s.DB().Exec("UPDATE clients SET visit_count=?, first_visit_on=?, last_visit_on=? WHERE id=?",
			visits, first, today.AddDays(-r.Intn(20)), c.ID).Error; err != nil {
			t.Fatal(err)
		}
		var sum, rated, open int
		for j := r.Intn(3); j > 0; j-- {
			f := model.Feedback{ClientID: c.ID, Kind: model.FeedbackKinds[r.Intn(2)], Rating: r.Intn(6),
				Words: "отзыв", On: today.AddDays(-r.Intn(30))}
			if err := s.AddFeedback(ctx, &f); err != nil {
				t.Fatal(err)
			}
			f.State = states[r.Intn(len(states))]
			if err := s.DB().Exec("UPDATE feedback SET state = ? WHERE id = ?", f.State, f.ID).Error; err != nil {
				t.Fatal(err)
			}
			if f.State == model.StateWithdrawn {
				continue
			}
			if f.Open() {
				open++
			}
			if f.Rating > 0 {
				sum, rated = sum+f.Rating, rated+1
			}
		}
		avg := 0.0
		if rated > 0 {
			avg = float64(sum) / float64(rated)
		}
		want[c.ID] = model.TrustStage(today, first, visits, avg, open)
		if want[c.ID] != model.TrustStage(today, first, visits, 0, 0) {
			heldBack++
		}
		if gotAvg, gotOpen, err := s.ClientStanding(ctx, c.ID); err != nil || gotAvg != avg || gotOpen != open {
			t.Errorf("%s: standing %v, %d open (%v); want %v, %d", c.FirstName, gotAvg, gotOpen, err, avg, open)
		}
	}
	if heldBack < 5 {
		t.Fatalf("only %d clients held back by their feedback: the test proves little", heldBack)
	}
	counts := map[model.Trust]int{}
	for _, tr := range want {
		counts[tr]++
	}
	for _, tr := range []model.Trust{model.TrustBuilding, model.TrustTrusted} {
		rows, err := s.ListClients(ctx, model.ClientQuery{Trust: tr})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			if want[row.ID] != tr {
				t.Errorf("%s listed as %s, the rule says %s", row.FirstName, tr, want[row.ID])
			}
		}
		if len(rows) != counts[tr] || counts[tr] < 5 {
			t.Errorf("trust %s: the filter finds %d, the rule %d", tr, len(rows), counts[tr])
		}
	}
}
