package store

import (
	"context"
	"encoding/json"
	"fmt"

	"companion/model"
)

// RowError says which of a batch of clients was refused, and why.
type RowError struct {
	Index int // position in the batch, from 0
	Err   error
}

func (e *RowError) Error() string { return fmt.Sprintf("row %d: %v", e.Index+1, e.Err) }

// Unwrap gives the reason.
func (e *RowError) Unwrap() error { return e.Err }

// CreateClients validates and stores many clients in one transaction: all
// of them or, on the first refusal, none (a *RowError says which).
func (s *Store) CreateClients(ctx context.Context, cs []*model.Client) error {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return err
	}
	return s.createClients(ctx, cs, nil)
}

// ExistingPhones returns which of the given E.164 numbers already belong to
// a client, with that client's name.
func (s *Store) ExistingPhones(ctx context.Context, phones []string) (map[string]string, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	list, err := json.Marshal(phones)
	if err != nil {
		return nil, err
	}
	var found []model.Client
	err = s.ctx(ctx).Raw("SELECT c.phone, c.last_name, c.first_name, c.middle_name FROM "+s.d.textsOf("p")+" "+
		s.d.crossJoin()+" clients AS c ON c.phone = p.value WHERE c.phone <> ''", string(list)).Scan(&found).Error
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(found))
	for _, c := range found {
		out[c.Phone] = c.FullName()
	}
	return out, nil
}
