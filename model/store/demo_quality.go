package store

import (
	"fmt"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/demo"
)

// demoIDs are the IDs the demo's indexes stand for once its history is in:
// the clients, staff, services and visits, each in the demo's order.
type demoIDs struct {
	clients, staff, services, visits []uint
}

// readDemoIDs reads the IDs the demo's staff, services and visits were
// given: each the only ones of its table, written in the demo's order.
func readDemoIDs(tx *gorm.DB, d demo.Data, clientIDs []uint) (*demoIDs, error) {
	ids := &demoIDs{clients: clientIDs}
	for _, p := range []struct {
		table string
		to    *[]uint
		want  int
	}{{"staff", &ids.staff, len(d.Staff)}, {"services", &ids.services, len(d.Services)}, {"visits", &ids.visits, len(d.Visits)}} {
		if err := tx.Table(p.table).Order("id").Pluck("id", p.to).Error; err != nil {
			return nil, err
		}
		if len(*p.to) != p.want {
			return nil, fmt.Errorf("demo: %d %s stored, %d made", len(*p.to), p.table, p.want)
		}
	}
	return ids, nil
}

// ref is the ID of index i of ids, or nil for -1.
func ref(ids []uint, i int) *uint {
	if i >= 0 && i < len(ids) {
		return &ids[i]
	}
	return nil
}

// insertDemoQuality writes the demo's quality work within FillDemo's
// transaction: the standards with their services, the feedback with each
// step taken (a complaint closed goes on the client's timeline as
// MoveFeedback puts it), the rounds with their calls and marks, the
// proposals with the feedback that prompted them.
func (s *Store) insertDemoQuality(tx *gorm.DB, d demo.Data, ids *demoIDs) error {
	q := d.Quality
	stds := make([]uint, len(q.Standards))
	for i, ds := range q.Standards {
		st := ds.Standard
		if err := st.Validate(); err != nil {
			return fmt.Errorf("standard %q: %w", st.Text, err)
		}
		if err := tx.Create(&st).Error; err != nil {
			return err
		}
		stds[i] = st.ID
		for _, sv := range ds.Services {
			if err := tx.Create(&standardService{StandardID: st.ID, ServiceID: ids.services[sv]}).Error; err != nil {
				return err
			}
		}
	}
	fbIDs, err := s.insertDemoFeedback(tx, q.Feedback, ids)
	if err != nil {
		return err
	}
	for _, r := range q.Rounds {
		if err := insertDemoRound(tx, r, ids, stds); err != nil {
			return err
		}
	}
	for _, dp := range q.Proposals {
		p := dp.Proposal
		p.OwnerID = ref(ids.staff, dp.Owner)
		if err := p.Validate(); err != nil {
			return fmt.Errorf("proposal %q: %w", p.Title, err)
		}
		if err := tx.Create(&p).Error; err != nil {
			return err
		}
		for _, f := range dp.Feedback {
			if err := tx.Create(&proposalFeedback{ProposalID: p.ID, FeedbackID: fbIDs[f]}).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Store) insertDemoFeedback(tx *gorm.DB, fs []demo.Feedback, ids *demoIDs) ([]uint, error) {
	out := make([]uint, len(fs))
	today := s.Today()
	for i, df := range fs {
		f := df.Feedback
		f.ClientID = ids.clients[df.Client]
		f.StaffID, f.ServiceID, f.VisitID = ref(ids.staff, df.Staff), ref(ids.services, df.Service), ref(ids.visits, df.Visit)
		f.CreatedAt = stamp(f.On)
		if err := f.Validate(today); err != nil {
			return nil, fmt.Errorf("feedback of %s: %w", f.On, err)
		}
		if err := tx.Create(&f).Error; err != nil {
			return nil, err
		}
		if f.State == model.StateClosed {
			if err := s.contactedAgain(tx, f); err != nil {
				return nil, err
			}
		}
		out[i] = f.ID
	}
	return out, nil
}

func insertDemoRound(tx *gorm.DB, dr demo.Round, ids *demoIDs, stds []uint) error {
	r := dr.CheckRound
	r.StaffID = ref(ids.staff, dr.Staff)
	if err := validateRound(&r); err != nil {
		return fmt.Errorf("round %q: %w", r.Title, err)
	}
	if err := tx.Create(&r).Error; err != nil {
		return err
	}
	for _, dc := range dr.Calls {
		c := dc.CheckCall
		c.RoundID, c.ClientID = r.ID, ref(ids.clients, dc.Client)
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
		for _, m := range dc.Marks {
			if err := tx.Create(&checkMark{CallID: c.ID, StandardID: stds[m.Standard], Kept: m.Kept}).Error; err != nil {
				return err
			}
		}
	}
	return nil
}
