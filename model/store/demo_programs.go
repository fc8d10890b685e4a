package store

import (
	"fmt"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/demo"
)

// programs writes what the programs feature of a demo salon works with:
// the salon's name, the templates, the clients' programs and the
// specialists' recommendations. The programs go through the store's own
// rules (saveProgram), so a contraindicated item the demo kept without the
// manager's reason is refused as it would be from the window.
func (h *history) programs(tx *gorm.DB) error {
	d := h.d
	if d.SalonName != "" { // a name the owner gave on the first start stays
		err := tx.Exec("INSERT INTO salon_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", settingSalonName, d.SalonName).Error
		if err != nil {
			return fmt.Errorf("salon name: %w", err)
		}
	}
	for _, t := range d.Templates {
		if err := h.template(tx, t); err != nil {
			return fmt.Errorf("template %s: %w", t.Name, err)
		}
	}
	ids := make([]uint, len(d.Programs))
	for i, dp := range d.Programs {
		p := h.program(dp)
		if err := h.s.saveProgram(tx, &p); err != nil {
			return fmt.Errorf("program %s of client %d: %w", p.Title, p.ClientID, err)
		}
		err := tx.Model(&model.Program{}).Where("id = ?", p.ID).
			UpdateColumns(map[string]any{"created_at": dp.CreatedAt.UTC(), "updated_at": dp.UpdatedAt.UTC()}).Error
		if err != nil {
			return err
		}
		ids[i] = p.ID
	}
	today := h.s.Today()
	for i, dr := range d.Recommendations {
		r := dr.Recommendation
		r.ID, r.ClientID, r.StaffID, r.ServiceID = 0, h.clients[dr.Client], h.staff[dr.Staff], h.services[dr.Service]
		if dr.Program >= 0 {
			id := ids[dr.Program]
			r.ProgramID = &id
		}
		if err := r.Validate(today); err != nil {
			return fmt.Errorf("recommendation %d: %w", i, err)
		}
		if err := tx.Create(&r).Error; err != nil {
			return fmt.Errorf("recommendation %d: %w", i, err)
		}
	}
	return nil
}

// template writes a template with its items.
func (h *history) template(tx *gorm.DB, t demo.Template) error {
	mt := t.ProgramTemplate
	mt.ID = 0
	mt.Items = make([]model.TemplateItem, len(t.Items))
	for i, it := range t.Items {
		mt.Items[i] = it.TemplateItem
		mt.Items[i].ServiceID = h.services[it.Service]
	}
	if err := mt.Validate(); err != nil {
		return err
	}
	if err := tx.Create(&mt).Error; err != nil {
		return err
	}
	for i := range mt.Items {
		mt.Items[i].TemplateID = mt.ID
	}
	return tx.Create(&mt.Items).Error
}

// program is a demo program with the IDs its client, card, services and
// staff were stored with.
func (h *history) program(dp demo.Program) model.Program {
	p := dp.Program
	p.ID, p.ClientID = 0, h.clients[dp.Client]
	if dp.Card >= 0 {
		id := h.cardID(dp.Card)
		p.CardID = &id
	}
	p.Items = make([]model.ProgramItem, len(dp.Items))
	for i, it := range dp.Items {
		mi := it.ProgramItem
		mi.ServiceID = h.services[it.Service]
		if it.Staff >= 0 && it.Staff < len(h.staff) {
			id := h.staff[it.Staff]
			mi.StaffID = &id
		}
		p.Items[i] = mi
	}
	return p
}
