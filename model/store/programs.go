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
// and assessments, and works out where each stands today. It reads each
// kind of row once for all the programs.
func (s *Store) viewPrograms(db *gorm.DB, ps []model.Program) ([]model.ProgramView, error) {
	out := make([]model.ProgramView, 0, len(ps))
	if len(ps) == 0 {
		return out, nil
	}
	if err := loadItems(db, ps); err != nil {
		return nil, err
	}
	var clients, cardIDs []uint
	for _, p := range ps {
		clients = append(clients, p.ClientID)
		if p.CardID != nil {
			cardIDs = append(cardIDs, *p.CardID)
		}
	}
	done, err := sessionsDone(db, clients)
	if err != nil {
		return nil, err
	}
	as, err := s.assessmentsIfAllowed(db, clients)
	if err != nil {
		return nil, err
	}
	cards, err := s.cardsByID(db, cardIDs)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	for _, p := range ps {
		var card *model.CardView
		if p.CardID != nil {
			if c, ok := cards[*p.CardID]; ok {
				card = &c
			}
		}
		out = append(out, model.ViewProgram(p, card, done[p.ClientID], as[p.ClientID], today))
	}
	return out, nil
}

// cardsByID reads the cards of ids as they stand today.
func (s *Store) cardsByID(db *gorm.DB, ids []uint) (map[uint]model.CardView, error) {
	out := map[uint]model.CardView{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := loadCardRows(db.Where("id IN ?", ids))
	if err != nil {
		return nil, err
	}
	views, err := cardViews(db, rows, s.Today())
	for _, v := range views {
		out[v.Card.ID] = v
	}
	return out, err
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

// sessionsDone lists, by client, the services the clients received: each
// visit line of the catalogue with its day and quantity.
func sessionsDone(db *gorm.DB, clients []uint) (map[uint][]model.SessionDone, error) {
	var rows []struct {
		ClientID uint
		model.SessionDone
	}
	err := db.Table("visit_lines AS l").Select(`v.client_id, v.day AS "on", l.service_id, l.qty`).
		Joins("JOIN visits AS v ON v.id = l.visit_id").
		Where("v.client_id IN ? AND l.service_id IS NOT NULL", clients).Order("v.day, l.id").Scan(&rows).Error
	out := map[uint][]model.SessionDone{}
	for _, r := range rows {
		out[r.ClientID] = append(out[r.ClientID], r.SessionDone)
	}
	return out, err
}

// assessmentsIfAllowed reads, by client, the clients' assessments when the
// store's role may read health data, and none otherwise.
func (s *Store) assessmentsIfAllowed(db *gorm.DB, clients []uint) (map[uint][]model.Assessment, error) {
	out := map[uint][]model.Assessment{}
	if s.allow(model.AreaHealth, model.Read) != nil {
		return out, nil
	}
	var as []model.Assessment
	err := db.Where("client_id IN ?", clients).Order("day, id").Find(&as).Error
	for _, a := range as {
		out[a.ClientID] = append(out[a.ClientID], a)
	}
	return out, err
}
