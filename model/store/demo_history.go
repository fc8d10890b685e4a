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

// insertHistory writes the demo salon's year of history — catalogue, card
// types, cards and freezes, visits with their lines, assessments, contacts
// — in batches of many rows per statement, then derives from the visits
// what is kept from them.
func insertHistory(tx *gorm.DB, d demo.Data, blockIDs, clientIDs []uint) error {
	block := func(i int) *uint {
		if i >= 0 && i < len(blockIDs) {
			return &blockIDs[i]
		}
		return nil
	}
	serviceIDs := make([]uint, len(d.Services))
	for i, sv := range d.Services {
		m := sv.Service
		m.ID, m.BlockID = 0, block(sv.Block)
		if err := tx.Create(&m).Error; err != nil {
			return fmt.Errorf("service %s: %w", m.Name, err)
		}
		serviceIDs[i] = m.ID
	}
	typeIDs := make([]uint, len(d.CardTypes))
	for i, t := range d.CardTypes {
		t.ID = 0
		if err := tx.Create(&t).Error; err != nil {
			return fmt.Errorf("card type %s: %w", t.Name, err)
		}
		if !t.Active { // GORM leaves a false bool to the column's default
			tx.Model(&t).UpdateColumn("active", false)
		}
		typeIDs[i] = t.ID
	}
	var staffIDs []uint
	if err := tx.Model(&model.Staff{}).Order("id").Pluck("id", &staffIDs).Error; err != nil {
		return err
	}
	var cardBase, visitBase int64
	tx.Raw("SELECT coalesce(max(id), 0) FROM cards").Scan(&cardBase)
	tx.Raw("SELECT coalesce(max(id), 0) FROM visits").Scan(&visitBase)
	cardID := func(i int) uint { return uint(cardBase) + uint(i) + 1 }
	stamp := func(day model.Date) time.Time { return day.Time().Add(12 * time.Hour) }

	err := bulkInsert(tx, "cards", []string{"id", "uuid", "client_id", "type_id", "number", "sold_on", "valid_from",
		"valid_to", "visits_included", "price", "notes", "created_at", "updated_at"}, len(d.Cards), func(i int) []any {
		c := d.Cards[i]
		return []any{cardID(i), c.UUID, clientIDs[c.Client], typeIDs[c.Type], c.Number, c.SoldOn, c.ValidFrom, c.ValidTo,
			c.VisitsIncluded, c.Price, c.Notes, stamp(c.SoldOn), stamp(c.SoldOn)}
	})
	if err != nil {
		return fmt.Errorf("cards: %w", err)
	}
	err = bulkInsert(tx, "card_freezes", []string{"card_id", "from_day", "to_day"}, len(d.Freezes), func(i int) []any {
		f := d.Freezes[i]
		return []any{cardID(f.Card), f.From, f.To}
	})
	if err != nil {
		return fmt.Errorf("freezes: %w", err)
	}
	err = bulkInsert(tx, "visits", []string{"id", "uuid", "client_id", "day", "notes", "created_at", "updated_at"},
		len(d.Visits), func(i int) []any {
			v := d.Visits[i]
			return []any{uint(visitBase) + uint(i) + 1, uuid.NewString(), clientIDs[v.Client], v.On, v.Notes, stamp(v.On), stamp(v.On)}
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
		if l.Staff >= 0 && l.Staff < len(staffIDs) {
			staff = staffIDs[l.Staff]
		}
		if l.Card >= 0 {
			card, paid = cardID(l.Card), model.PaidCard
		}
		return []any{uint(visitBase) + uint(ref.visit) + 1, serviceIDs[l.Service], d.Services[l.Service].Name, staff, l.Qty,
			l.Price, l.Discount, paid, card}
	})
	if err != nil {
		return fmt.Errorf("visit lines: %w", err)
	}
	err = bulkInsert(tx, "assessments", []string{"client_id", "day", "weight_kg", "height_cm", "waist_cm", "hips_cm",
		"chest_cm", "body_fat_pct", "systolic", "diastolic", "contraindications", "notes"}, len(d.Assessments), func(i int) []any {
		a := d.Assessments[i]
		return []any{clientIDs[a.Client], a.On, a.WeightKg, a.HeightCm, a.WaistCm, a.HipsCm, a.ChestCm, a.BodyFatPct,
			a.Systolic, a.Diastolic, a.Contraindications, a.Notes}
	})
	if err != nil {
		return fmt.Errorf("assessments: %w", err)
	}
	err = bulkInsert(tx, "contacts", []string{"client_id", "day", "kind", "channel", "outcome", "notes", "next_on",
		"next_done", "topics", "created_at"}, len(d.Contacts), func(i int) []any {
		c := d.Contacts[i]
		return []any{clientIDs[c.Client], c.On, string(c.Kind), c.Channel, c.Outcome, c.Notes, c.NextOn, c.NextDone,
			c.Topics, c.CreatedAt.UTC()}
	})
	if err != nil {
		return fmt.Errorf("contacts: %w", err)
	}
	if err := rebuildSummaries(tx); err != nil {
		return err
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
