package store

import (
	"context"
	"errors"
	"slices"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"companion/model"
)

// Visits returns a client's visits with their lines, the newest first.
func (s *Store) Visits(ctx context.Context, clientID uint) ([]model.Visit, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	return s.visitsOf(s.ctx(ctx), clientID)
}

func (s *Store) visitsOf(tx *gorm.DB, clientID uint) ([]model.Visit, error) {
	vs := []model.Visit{}
	err := tx.Where("client_id = ?", clientID).Order("day DESC, id DESC").
		Preload("Lines", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).Find(&vs).Error
	return vs, err
}

// AddVisit validates and stores a visit with its lines; v.ID, v.UUID and
// the lines' IDs are set on success. A line paid by card takes its visits
// from a card of the same client that is active on the visit's day with
// visits left; a card that starts at the first visit starts with it. The
// client's first and last visit and the count of visits follow.
func (s *Store) AddVisit(ctx context.Context, v *model.Visit) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := v.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.periodOpen(tx, v.On); err != nil {
			return err
		}
		if err := clientExists(tx, v.ClientID); err != nil {
			return err
		}
		if err := s.checkCards(tx, v); err != nil {
			return err
		}
		v.ID = 0
		if v.UUID == "" {
			v.UUID = uuid.NewString()
		}
		v.Version = 1
		if err := tx.Omit(clause.Associations).Create(v).Error; err != nil {
			return err
		}
		if err := insertLines(tx, v); err != nil {
			return err
		}
		return afterVisitWrite(tx, []uint{v.ClientID}, cardIDs(v.Lines))
	})
}

// UpdateVisit replaces a visit's day, client, notes and lines. The card
// visits it took are given back before the new lines take theirs.
func (s *Store) UpdateVisit(ctx context.Context, v *model.Visit) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	if err := v.Validate(s.Today()); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		old, err := visitByID(tx, v.ID)
		if err != nil {
			return err
		}
		for _, day := range []model.Date{old.On, v.On} {
			if err := s.periodOpen(tx, day); err != nil {
				return err
			}
		}
		if err := nextVersion(tx, "visits", v.ID, v.Version); err != nil {
			return err
		}
		v.Version++
		if err := clientExists(tx, v.ClientID); err != nil {
			return err
		}
		if err := tx.Where("visit_id = ?", v.ID).Delete(&model.VisitLine{}).Error; err != nil {
			return err
		}
		if err := refreshCards(tx, cardIDs(old.Lines)); err != nil {
			return err
		}
		if err := s.checkCards(tx, v); err != nil {
			return err
		}
		v.UUID, v.CreatedAt = old.UUID, old.CreatedAt
		v.UpdatedAt = s.moment()
		err = tx.Model(&model.Visit{}).Where("id = ?", v.ID).UpdateColumns(map[string]any{
			"client_id": v.ClientID, "day": v.On, "notes": v.Notes, "updated_at": v.UpdatedAt}).Error
		if err != nil {
			return err
		}
		if err := insertLines(tx, v); err != nil {
			return err
		}
		return afterVisitWrite(tx, []uint{old.ClientID, v.ClientID}, append(cardIDs(old.Lines), cardIDs(v.Lines)...))
	})
}

// DeleteVisit removes a visit entered by mistake, gives its card visits
// back and notes the deletion in the audit log.
func (s *Store) DeleteVisit(ctx context.Context, id uint) error {
	if err := s.allow(model.AreaClients, model.Delete); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		old, err := visitByID(tx, id)
		if err != nil {
			return err
		}
		if err := s.periodOpen(tx, old.On); err != nil {
			return err
		}
		if err := tx.Delete(&model.Visit{}, id).Error; err != nil {
			return err
		}
		if err := afterVisitWrite(tx, []uint{old.ClientID}, cardIDs(old.Lines)); err != nil {
			return err
		}
		return s.audit(tx, model.AuditEntry{Area: model.AreaClients, Action: "delete", Table: "visits",
			RecordID: id, Fields: "client_id,day,notes,lines"})
	})
}

func visitByID(tx *gorm.DB, id uint) (model.Visit, error) {
	var v model.Visit
	err := tx.Preload("Lines").Take(&v, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return v, model.ErrNotFound
	}
	return v, err
}

// nextVersion moves the record id of table on from version, or refuses
// with model.ErrConflict when someone saved it since it was read. The
// UPDATE holds the row until the transaction ends, so a second PC saving
// the same record waits, then finds the version moved on.
func nextVersion(tx *gorm.DB, table string, id uint, version int) error {
	res := tx.Exec("UPDATE "+quoteIdent(table)+" SET version = version + 1 WHERE id = ? AND version = ?", id, version)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return model.ErrConflict
	}
	return nil
}

// takeCards moves the cards' versions on before they are checked and
// changed: two PCs changing one card (a freeze, a visit paid by it) take
// turns, and the second sees what the first did.
func takeCards(tx *gorm.DB, ids []uint) error {
	if len(ids) == 0 {
		return nil
	}
	return tx.Exec("UPDATE cards SET version = version + 1 WHERE id IN ?", ids).Error
}

// clientExists refuses a record for a client who is not in the database.
func clientExists(tx *gorm.DB, id uint) error {
	var n int64
	if err := tx.Model(&model.Client{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return model.ValidationErrors{{Field: "client", Key: "err.client.not_found"}}
	}
	return nil
}

func insertLines(tx *gorm.DB, v *model.Visit) error {
	for i := range v.Lines {
		l := &v.Lines[i]
		l.ID, l.VisitID = 0, v.ID
	}
	if len(v.Lines) == 0 {
		return nil
	}
	return tx.Create(&v.Lines).Error
}

func cardIDs(lines []model.VisitLine) []uint {
	var ids []uint
	for _, l := range lines {
		if l.CardID != nil && !slices.Contains(ids, *l.CardID) {
			ids = append(ids, *l.CardID)
		}
	}
	return ids
}

// checkCards refuses the visit when a line takes from a card that is not
// the client's, not valid on the visit's day or without visits enough.
func (s *Store) checkCards(tx *gorm.DB, v *model.Visit) error {
	need := v.CardVisits()
	if err := takeCards(tx, cardIDs(v.Lines)); err != nil {
		return err
	}
	checked := map[uint]bool{}
	for i, l := range v.Lines {
		if l.CardID == nil || checked[*l.CardID] {
			continue
		}
		checked[*l.CardID] = true
		if fe, err := s.cardRefuses(tx, v, *l.CardID, need[*l.CardID]); err != nil {
			return err
		} else if fe != nil {
			fe.Field = model.LineField(i, "card")
			return model.ValidationErrors{fe}
		}
	}
	return nil
}

// cardRefuses says why the card cannot pay for qty visits of v; a failure
// to read it is an error of its own, and only a missing card is not found.
func (s *Store) cardRefuses(tx *gorm.DB, v *model.Visit, id uint, qty int) (*model.FieldError, error) {
	rows, err := loadCardRows(tx.Where("id = ?", id))
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return &model.FieldError{Key: "err.card.not_found"}, nil
	}
	r := rows[0]
	if r.ClientID != v.ClientID {
		return &model.FieldError{Key: "err.card.other_client"}, nil
	}
	if v.On.Before(r.SoldOn) {
		return &model.FieldError{Key: "err.card.not_started"}, nil
	}
	views, err := cardViews(tx, rows, v.On)
	if err != nil {
		return nil, err
	}
	cv := views[0]
	if cv.Type.ActivateOnFirstVisit {
		// this visit may be the first, or earlier than the first so far
		first := r.FirstUse
		if first.IsZero() || v.On.Before(first) {
			first = v.On
		}
		c := r.Card
		c.ValidFrom, c.ValidTo = model.Date{}, model.Date{}
		cv.State = model.CardStateOf(c, cv.Type, cv.Freezes, r.VisitsUsed, first, v.On)
	}
	return model.CardFor(cv.State, qty), nil
}

// afterVisitWrite brings what is kept from the visits up to date: each
// client's first and last visit, count and long gaps, and each card's use.
func afterVisitWrite(tx *gorm.DB, clients []uint, cards []uint) error {
	seen := map[uint]bool{}
	for _, id := range clients {
		if seen[id] {
			continue
		}
		seen[id] = true
		if err := refreshClientVisits(tx, id); err != nil {
			return err
		}
	}
	return refreshCards(tx, cards)
}

// refreshClientVisits recomputes a client's visit summary and long gaps
// from the visits.
func refreshClientVisits(tx *gorm.DB, id uint) error {
	for _, q := range []string{
		`UPDATE clients SET first_visit_on = (SELECT min(day) FROM visits WHERE client_id = @id),
			last_visit_on = (SELECT max(day) FROM visits WHERE client_id = @id),
			visit_count = (SELECT count(DISTINCT day) FROM visits WHERE client_id = @id) WHERE id = @id`,
		`DELETE FROM client_gaps WHERE client_id = @id`,
		`INSERT INTO client_gaps (client_id, after_day, before_day)
			SELECT @id, prev, day FROM (SELECT day, lag(day) OVER (ORDER BY day) AS prev FROM visits WHERE client_id = @id) AS v
			WHERE ` + dialectOf(tx).longGapSQL(),
	} {
		if err := tx.Exec(q, map[string]any{"id": id}).Error; err != nil {
			return err
		}
	}
	return nil
}

// refreshCards recomputes what is kept on the cards from the visit lines
// and the freezes: visits used, the first use (the start of a card that
// starts at the first visit), the days frozen and the last valid day.
func refreshCards(tx *gorm.DB, ids []uint) error {
	if len(ids) == 0 {
		return nil
	}
	return refreshCardsWhere(tx, "cards.id IN @ids", map[string]any{"ids": ids})
}

func refreshCardsWhere(tx *gorm.DB, where string, args ...any) error {
	d := dialectOf(tx)
	for _, q := range []string{
		`UPDATE cards SET
			visits_used = coalesce((SELECT sum(l.qty) FROM visit_lines l WHERE l.card_id = cards.id), 0),
			first_use = (SELECT min(v.day) FROM visit_lines l JOIN visits v ON v.id = l.visit_id WHERE l.card_id = cards.id),
			frozen_days = coalesce((SELECT CAST(sum(` + d.days("f.to_day", "f.from_day") + ` + 1) AS INTEGER)
				FROM card_freezes f WHERE f.card_id = cards.id), 0)
			WHERE ` + where,
		`UPDATE cards SET valid_from = first_use,
			valid_to = ` + d.addDays("first_use", "t.valid_days - 1") + `
			FROM card_types t WHERE t.id = cards.type_id AND t.activate_on_first_visit AND ` + where,
		`UPDATE cards SET valid_until = ` + d.addDays("valid_to", "frozen_days") + ` WHERE ` + where,
	} {
		if err := tx.Exec(q, args...).Error; err != nil {
			return err
		}
	}
	return nil
}

// RebuildSummaries recomputes from the visits everything kept from them —
// the clients' first and last visit, count, at-risk day and long gaps, the
// monthly figures and the cards' use — for data written around the store's
// visit methods: the demo salon, an import of a whole database.
func (s *Store) RebuildSummaries(ctx context.Context) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	return s.ctx(ctx).Transaction(rebuildSummaries)
}

func rebuildSummaries(tx *gorm.DB) error {
	steps := []string{
		`UPDATE clients SET first_visit_on = NULL, last_visit_on = NULL, visit_count = 0
			WHERE visit_count <> 0 AND id NOT IN (SELECT client_id FROM visits)`,
		`UPDATE clients SET first_visit_on = v.first, last_visit_on = v.last, visit_count = v.n
			FROM (SELECT client_id, min(day) AS first, max(day) AS last, count(DISTINCT day) AS n FROM visits GROUP BY client_id) v
			WHERE v.client_id = clients.id AND (clients.visit_count <> v.n OR clients.first_visit_on IS DISTINCT FROM v.first
				OR clients.last_visit_on IS DISTINCT FROM v.last)`,
	}
	steps = append(steps, dialectOf(tx).rebuildGapsSQL()...)
	steps = append(steps, `DELETE FROM month_stats`,
		`INSERT INTO month_stats (month, clients, visits)
			SELECT substr(day, 1, 7), count(DISTINCT client_id), count(*) FROM visits GROUP BY 1`)
	for _, q := range steps {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return refreshCardsWhere(tx, "1 = 1")
}
