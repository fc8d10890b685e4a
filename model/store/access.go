package store

import "companion/model"

// As returns the store seen by role: every method then checks what the
// role may do. A store opened without As acts as the owner (single-user
// mode).
func (s *Store) As(role model.Role) *Store {
	c := *s
	c.role = role
	return &c
}

// Role is who the store acts for.
func (s *Store) Role() model.Role {
	if s.role == "" {
		return model.RoleOwner
	}
	return s.role
}

// allow fails with *model.ErrForbidden when the store's role may not do act
// in area. Every public method that reads or writes the salon's data calls
// it first.
func (s *Store) allow(area model.Area, act model.Action) error {
	if model.Allowed(s.Role(), area, act) {
		return nil
	}
	return &model.ErrForbidden{Role: s.Role(), Area: area, Action: act}
}
