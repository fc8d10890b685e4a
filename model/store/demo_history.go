package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"companion/model"
	"companion/model/demo"
)

// insertHistory writes the demo salon's year of history — catalogue with
// its pairs, card types, cards and freezes, visits with their lines,
// assessments, contacts — in batches of many rows per statement, then
// derives from the visits what is kept from them; then what the programs
// feature works with (demo_programs.go).
func insertHistory(tx *gorm.DB, s *Store, d demo.Data, blockIDs, clientIDs []uint) error {
	h := &history{s: s, d: d, blocks: blockIDs, clients: clientIDs}
	for _, step := range []func(*gorm.DB) error{h.catalogue, h.pairs, h.cards, h.visits, h.records, rebuildSummaries,
		h.programs} {
		if err := step(tx); err != nil {
			return err
		}
	}
	var clients []uint
	if err := tx.Raw("SELECT DISTINCT client_id FROM cards").Scan(&clients).Error; err != nil {
		return err
	}
	for _, id := range clients {
		if err := refreshCardNumbers(tx, id); err != nil {
			return err
		}
	}
	return nil
}

// history is the demo salon on its way in: the data, and the IDs its
// indexes stand for in the database.
type history struct {
	s                                       *Store
	d                                       demo.Data
	blocks, clients, services, types, staff []uint
	cardBase, visitBase                     int64
}

func (h *history) cardID(i int) uint  { return uint(h.cardBase) + uint(i) + 1 }
func (h *history) visitID(i int) uint { return uint(h.visitBase) + uint(i) + 1 }

// stamp is the time a demo row of a day was written: that day at noon.
func stamp(day model.Date) time.Time { return day.Time().Add(12 * time.Hour) }

// catalogue writes the services and card types and reads the staff and
// the IDs the new cards and visits start after.
func (h *history) catalogue(tx *gorm.DB) error {
	block := func(i int) *uint {
		if i >= 0 && i < len(h.blocks) {
			return &h.blocks[i]
		}
		return nil
	}
	h.services = make([]uint, len(h.d.Services))
	for i, sv := range h.d.Services {
		m := sv.Service
		m.ID, m.BlockID = 0, block(sv.Block)
		if err := tx.Create(&m).Error; err != nil {
			return fmt.Errorf("service %s: %w", m.Name, err)
		}
		if err := setServiceTags(tx, &m); err != nil {
			return fmt.Errorf("service %s: %w", m.Name, err)
		}
		h.services[i] = m.ID
	}
	h.types = make([]uint, len(h.d.CardTypes))
	for i, t := range h.d.CardTypes {
		t.ID = 0
		if err := tx.Create(&t).Error; err != nil {
			return fmt.Errorf("card type %s: %w", t.Name, err)
		}
		if !t.Active { // GORM leaves a false bool to the column's default
			tx.Model(&t).UpdateColumn("active", false)
		}
		h.types[i] = t.ID
	}
	if err := tx.Model(&model.Staff{}).Order("id").Pluck("id", &h.staff).Error; err != nil {
		return err
	}
	tx.Raw("SELECT coalesce(max(id), 0) FROM cards").Scan(&h.cardBase)
	tx.Raw("SELECT coalesce(max(id), 0) FROM visits").Scan(&h.visitBase)
	return nil
}

// pairs writes what each line of the catalogue goes well with.
func (h *history) pairs(tx *gorm.DB) error {
	for i, sv := range h.d.Services {
		if len(sv.Pairs) == 0 {
			continue
		}
		m := model.Service{ID: h.services[i]}
		for _, j := range sv.Pairs {
			m.GoesWith = append(m.GoesWith, h.services[j])
		}
		if err := setServicePairs(tx, &m); err != nil {
			return fmt.Errorf("service %s: %w", sv.Name, err)
		}
	}
	return nil
}

// cards writes the cards and their freezes.
func (h *history) cards(tx *gorm.DB) error {
	d := h.d
	err := bulkInsert(tx, "cards", []string{"id", "uuid", "client_id", "type_id", "number", "sold_on", "valid_from",
		"valid_to", "visits_included", "price", "discount", "paid", "notes", "created_at", "updated_at"}, len(d.Cards), func(i int) []any {
		c := d.Cards[i]
		return []any{h.cardID(i), c.UUID, h.clients[c.Client], h.types[c.Type], c.Number, c.SoldOn, c.ValidFrom, c.ValidTo,
			c.VisitsIncluded, c.Price, c.Discount, c.Paid, c.Notes, stamp(c.SoldOn), stamp(c.SoldOn)}
	})
	if err != nil {
		return fmt.Errorf("cards: %w", err)
	}
	err = bulkInsert(tx, "card_freezes", []string{"card_id", "from_day", "to_day"}, len(d.Freezes), func(i int) []any {
		f := d.Freezes[i]
		return []any{h.cardID(f.Card), f.From, f.To}
	})
	if err != nil {
		return fmt.Errorf("freezes: %w", err)
	}
	return nil
}

// visits writes the visits and their lines.
func (h *history) visits(tx *gorm.DB) error {
	d := h.d
	err := bulkInsert(tx, "visits", []string{"id", "uuid", "client_id", "day", "notes", "created_at", "updated_at"},
		len(d.Visits), func(i int) []any {
			v := d.Visits[i]
			return []any{h.visitID(i), uuid.NewString(), h.clients[v.Client], v.On, v.Notes, stamp(v.On), stamp(v.On)}
		})
	if err != nil {
		return fmt.Errorf("visits: %w", err)
	}
	type lineRef struct{ visit, line int }
	var refs []lineRef
	for vi, v := range d.Visits {
		for li := range v.Lines {
			refs = append(refs, lineRef{vi, li})
		}
	}
	err = bulkInsert(tx, "visit_lines", []string{"visit_id", "service_id", "name", "staff_id", "qty", "price", "discount",
		"paid_by", "card_id"}, len(refs), func(i int) []any {
		ref := refs[i]
		l := d.Visits[ref.visit].Lines[ref.line]
		var staff, card any
		paid := model.PaidMoney
		if l.Staff >= 0 && l.Staff < len(h.staff) {
			staff = h.staff[l.Staff]
		}
		if l.Card >= 0 {
			card, paid = h.cardID(l.Card), model.PaidCard
		}
		return []any{h.visitID(ref.visit), h.services[l.Service], d.Services[l.Service].Name, staff, l.Qty,
			l.Price, l.Discount, paid, card}
	})
	if err != nil {
		return fmt.Errorf("visit lines: %w", err)
	}
	return nil
}

// records writes the assessments and the contacts.
func (h *history) records(tx *gorm.DB) error {
	d := h.d
	err := bulkInsert(tx, "assessments", []string{"client_id", "day", "weight_kg", "height_cm", "waist_cm", "hips_cm",
		"chest_cm", "body_fat_pct", "systolic", "diastolic", "contraindications", "notes"}, len(d.Assessments), func(i int) []any {
		a := d.Assessments[i]
		return []any{h.clients[a.Client], a.On, a.WeightKg, a.HeightCm, a.WaistCm, a.HipsCm, a.ChestCm, a.BodyFatPct,
			a.Systolic, a.Diastolic, a.Contraindications, a.Notes}
	})
	if err != nil {
		return fmt.Errorf("assessments: %w", err)
	}
	err = bulkInsert(tx, "contacts", []string{"client_id", "day", "kind", "channel", "outcome", "notes", "next_on",
		"next_done", "topics", "created_at"}, len(d.Contacts), func(i int) []any {
		c := d.Contacts[i]
		return []any{h.clients[c.Client], c.On, string(c.Kind), c.Channel, c.Outcome, c.Notes, c.NextOn, c.NextDone,
			c.Topics, c.CreatedAt.UTC()}
	})
	if err != nil {
		return fmt.Errorf("contacts: %w", err)
	}
	return nil
}

// bulkInsert writes n rows into table, many per statement.
func bulkInsert(tx *gorm.DB, table string, cols []string, n int, row func(i int) []any) error {
	per := max(1, 30000/len(cols))
	per = min(per, 500)
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		args := make([]any, 0, (end-start)*len(cols))
		for i := start; i < end; i++ {
			args = append(args, row(i)...)
		}
		q := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(one+", ", end-start), ", ")
		if err := tx.Exec(q, args...).Error; err != nil {
			return err
		}
	}
	return nil
}
