package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/i18n"
)

// The feedback's list rows and query are the model's.
type (
	FeedbackRow   = model.FeedbackRow
	FeedbackQuery = model.FeedbackQuery
)

// FeedbackList lists the feedback q picks, the newest first.
func (s *Store) FeedbackList(ctx context.Context, q FeedbackQuery) ([]FeedbackRow, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	return feedbackRows(s.ctx(ctx), q)
}

func feedbackRows(db *gorm.DB, q FeedbackQuery) ([]FeedbackRow, error) {
	sel := db.Table("feedback AS f").Select(`f.*, trim(c.last_name || ' ' || c.first_name) AS client,
		coalesce(st.name, '') AS staff, coalesce(sv.name, '') AS service`).
		Joins("JOIN clients AS c ON c.id = f.client_id").
		Joins("LEFT JOIN staff AS st ON st.id = f.staff_id").
		Joins("LEFT JOIN services AS sv ON sv.id = f.service_id")
	if !q.Month.IsZero() {
		first := model.MonthOf(q.Month)
		sel = sel.Where("f.day >= ? AND f.day < ?", first, model.MonthOf(first.AddDays(31)))
	}
	if q.ClientID != 0 {
		sel = sel.Where("f.client_id = ?", q.ClientID)
	}
	if q.StaffID != 0 {
		sel = sel.Where("f.staff_id = ?", q.StaffID)
	}
	if q.OpenOnly {
		sel = sel.Where("f.kind = ? AND f.state IN ?", model.FeedbackComplaint,
			[]string{model.StateNew, model.StatePassed, model.StateAnswered})
	}
	out := []FeedbackRow{}
	err := sel.Order("f.day DESC, f.id DESC").Scan(&out).Error
	return out, err
}

// AddFeedback validates and stores a client's feedback as received.
func (s *Store) AddFeedback(ctx context.Context, f *model.Feedback) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	f.ID, f.State = 0, model.StateNew
	if err := f.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := clientExists(tx, f.ClientID); err != nil {
			return err
		}
		f.CreatedAt = s.moment()
		return tx.Create(f).Error
	})
}

// MoveFeedback takes feedback id a step on (model.Feedback.Move) with the
// step's words from step: who passed it on, the staff member's answer,
// what was done and any compensation, the client's word when contacted
// again, why it is withdrawn. Contacting the client again goes on the
// client's timeline; a withdrawal goes to the audit log.
func (s *Store) MoveFeedback(ctx context.Context, id uint, to string, step model.Feedback) (model.Feedback, error) {
	var f model.Feedback
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return f, err
	}
	err := s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&f, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.ErrNotFound
		} else if err != nil {
			return err
		}
		takeStep(&f, to, step)
		if err := f.Move(to, s.Today()); err != nil {
			return err
		}
		if err := tx.Model(&f).Select("*").Omit("id", "created_at").Updates(&f).Error; err != nil {
			return err
		}
		switch to {
		case model.StateClosed:
			return s.contactedAgain(tx, f)
		case model.StateWithdrawn:
			return s.audit(tx, model.AuditEntry{Area: model.AreaClients, Action: "withdraw", Table: "feedback",
				RecordID: f.ID, Fields: "state,withdrawn"})
		}
		return nil
	})
	return f, err
}

// takeStep copies into f the words of the step to.
func takeStep(f *model.Feedback, to string, step model.Feedback) {
	switch to {
	case model.StatePassed:
		f.PassedBy = step.PassedBy
	case model.StateAnswered:
		f.Answer = step.Answer
	case model.StateResolved:
		f.Resolution, f.Compensation = step.Resolution, step.Compensation
	case model.StateClosed:
		f.Satisfied, f.ContactNote = step.Satisfied, step.ContactNote
	case model.StateWithdrawn:
		f.Withdrawn = step.Withdrawn
	}
}

// contactedAgain notes on the client's timeline the call that closed the
// complaint, and whether the client was satisfied.
func (s *Store) contactedAgain(tx *gorm.DB, f model.Feedback) error {
	outcome := i18n.T("feedback.closed.unsatisfied") // in the words of the window that closed it
	if f.Satisfied {
		outcome = i18n.T("feedback.closed.satisfied")
	}
	c := model.Contact{ClientID: f.ClientID, On: f.ContactedOn, Kind: model.ContactCall, Channel: "phone",
		Outcome: outcome, Notes: f.ContactNote, CreatedAt: s.moment()}
	return tx.Create(&c).Error
}

// ClientStanding is what a client's feedback says of the relationship: the
// average of their ratings (0 when none) and their complaints still open,
// which the trust rule takes into account.
func (s *Store) ClientStanding(ctx context.Context, clientID uint) (avg float64, open int, err error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return 0, 0, err
	}
	return standingOf(s.ctx(ctx), clientID)
}

// standingOf is ClientStanding read within db.
func standingOf(db *gorm.DB, clientID uint) (avg float64, open int, err error) {
	var row struct {
		Avg  *float64
		Open int
	}
	err = db.Raw(`SELECT `+ratingsSQL("?")+` AS avg,
		(SELECT count(*) FROM feedback f WHERE f.client_id = ? AND `+openComplaintSQL("f.")+`) AS open`,
		clientID, clientID).Scan(&row).Error
	if row.Avg != nil {
		avg = *row.Avg
	}
	return avg, row.Open, err
}
