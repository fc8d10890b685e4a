package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"companion/model"
)

// Programs lists a client's programs with their schedules, prices and
// progress today: open ones first, the newest start first.
func (s *Store) Programs(ctx context.Context, clientID uint) ([]model.ProgramView, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	db := s.ctx(ctx)
	var ps []model.Program
	err := db.Where("client_id = ?", clientID).
		Order("CASE WHEN status IN ('draft', 'active') THEN 0 ELSE 1 END, start_on DESC, id DESC").Find(&ps).Error
	if err != nil {
		return nil, err
	}
	return s.viewPrograms(db, ps)
}

// Program reads one program as Programs shows it.
func (s *Store) Program(ctx context.Context, id uint) (model.ProgramView, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return model.ProgramView{}, err
	}
	db := s.ctx(ctx)
	var p model.Program
	if err := db.Take(&p, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return model.ProgramView{}, model.ErrNotFound
	} else if err != nil {
		return model.ProgramView{}, err
	}
	vs, err := s.viewPrograms(db, []model.Program{p})
	if err != nil {
		return model.ProgramView{}, err
	}
	return vs[0], nil
}

// viewPrograms adds to programs their items, cards, the clients' sessions
// and assessments, and works out where each stands today.
func (s *Store) viewPrograms(db *gorm.DB, ps []model.Program) ([]model.ProgramView, error) {
	out := make([]model.ProgramView, 0, len(ps))
	if err := loadItems(db, ps); err != nil {
		return nil, err
	}
	today := s.Today()
	type clientData struct {
		done  []model.SessionDone
		as    []model.Assessment
		cards map[uint]model.CardView
	}
	data := map[uint]*clientData{}
	for _, p := range ps {
		cd := data[p.ClientID]
		if cd == nil {
			var err error
			cd = &clientData{cards: map[uint]model.CardView{}}
			if cd.done, err = sessionsDone(db, p.ClientID); err != nil {
				return nil, err
			}
			if cd.as, err = s.assessmentsIfAllowed(db, p.ClientID); err != nil {
				return nil, err
			}
			cards, err := s.cardsOf(db, p.ClientID)
			if err != nil {
				return nil, err
			}
			for _, c := range cards {
				cd.cards[c.Card.ID] = c
			}
			data[p.ClientID] = cd
		}
		var card *model.CardView
		if p.CardID != nil {
			if c, ok := cd.cards[*p.CardID]; ok {
				card = &c
			}
		}
		out = append(out, model.ViewProgram(p, card, cd.done, cd.as, today))
	}
	return out, nil
}

// loadItems fills each program's items, in their order.
func loadItems(db *gorm.DB, ps []model.Program) error {
	if len(ps) == 0 {
		return nil
	}
	ids := make([]uint, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	var items []model.ProgramItem
	if err := db.Where("program_id IN ?", ids).Order("program_id, position, id").Find(&items).Error; err != nil {
		return err
	}
	by := map[uint][]model.ProgramItem{}
	for _, it := range items {
		by[it.ProgramID] = append(by[it.ProgramID], it)
	}
	for i := range ps {
		ps[i].Items = by[ps[i].ID]
	}
	return nil
}

// sessionsDone lists the services a client received: each visit line of
// the catalogue with its day and quantity.
func sessionsDone(db *gorm.DB, clientID uint) ([]model.SessionDone, error) {
	var out []model.SessionDone
	err := db.Table("visit_lines AS l").Select(`v.day AS "on", l.service_id, l.qty`).
		Joins("JOIN visits AS v ON v.id = l.visit_id").
		Where("v.client_id = ? AND l.service_id IS NOT NULL", clientID).Order("v.day, l.id").Scan(&out).Error
	return out, err
}

// assessmentsIfAllowed reads a client's assessments when the store's role
// may read health data, and none otherwise.
func (s *Store) assessmentsIfAllowed(db *gorm.DB, clientID uint) ([]model.Assessment, error) {
	if s.allow(model.AreaHealth, model.Read) != nil {
		return nil, nil
	}
	var as []model.Assessment
	err := db.Where("client_id = ?", clientID).Order("day, id").Find(&as).Error
	return as, err
}
