package store

import (
	"context"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"companion/model"
)

// settingSalonName is the key of the salon's name in salon_settings.
const settingSalonName = "salon_name"

// maxSalonName bounds the salon's name.
const maxSalonName = 120

// SalonName is the salon's name as it prints on what a client takes home;
// "" until it is set.
func (s *Store) SalonName(ctx context.Context) (string, error) {
	if err := s.allow(model.AreaSettings, model.Read); err != nil {
		return "", err
	}
	return salonName(s.ctx(ctx))
}

func salonName(db *gorm.DB) (string, error) { return setting(db, settingSalonName) }

// SetSalonName stores the salon's name, trimmed; an empty one clears it.
func (s *Store) SetSalonName(ctx context.Context, name string) error {
	if err := s.allow(model.AreaSettings, model.Write); err != nil {
		return err
	}
	name = strings.Join(strings.Fields(name), " ")
	if utf8.RuneCountInString(name) > maxSalonName {
		return model.ValidationErrors{{Field: "salon_name", Key: "err.text.too_long", Args: map[string]any{"Max": maxSalonName}}}
	}
	return putSetting(s.ctx(ctx), settingSalonName, name)
}

// ProgramSheet reads what a program's PDF prints: the salon's name, the
// client, the program as it stands today and the staff's names.
func (s *Store) ProgramSheet(ctx context.Context, programID uint) (model.ProgramSheet, error) {
	var sh model.ProgramSheet
	v, err := s.Program(ctx, programID)
	if err != nil {
		return sh, err
	}
	db := s.ctx(ctx)
	if sh.Salon, err = salonName(db); err != nil {
		return sh, err
	}
	if err := db.Take(&sh.Client, v.Program.ClientID).Error; err != nil {
		return sh, err
	}
	var staff []model.Staff
	if err := db.Select("id, name").Find(&staff).Error; err != nil {
		return sh, err
	}
	sh.Staff = make(map[uint]string, len(staff))
	for _, st := range staff {
		sh.Staff[st.ID] = st.Name
	}
	sh.View, sh.Today = v, s.Today()
	return sh, nil
}
