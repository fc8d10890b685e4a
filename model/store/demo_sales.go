package store

import (
	"fmt"

	"gorm.io/gorm"

	"companion/model/demo"
)

// insertDemoSales writes the demo's selling within FillDemo's
// transaction: the offers (an accepted one with the visit line that sold
// it), the new services told, the promotions with their services and
// whom they were told to, and the recommendations asked of ambassadors.
// The clients' consents came in with the clients.
func (s *Store) insertDemoSales(tx *gorm.DB, d demo.Data, ids *demoIDs) error {
	today := s.Today()
	for _, do := range d.Sales.Offers {
		o := do.Offer
		o.ClientID, o.StaffID, o.ServiceID = ids.clients[do.Client], ref(ids.staff, do.Staff), ids.services[do.Service]
		o.CreatedAt = stamp(o.On)
		if do.Visit >= 0 {
			var line uint
			err := tx.Raw("SELECT id FROM visit_lines WHERE visit_id = ? ORDER BY id LIMIT 1 OFFSET ?",
				ids.visits[do.Visit], do.Line).Scan(&line).Error
			if err != nil || line == 0 {
				return fmt.Errorf("offer of %s: no visit line: %v", o.On, err)
			}
			o.VisitLineID = &line
		}
		if err := o.Validate(today); err != nil {
			return fmt.Errorf("offer of %s: %w", o.On, err)
		}
		if err := tx.Create(&o).Error; err != nil {
			return err
		}
	}
	for _, dp := range d.Sales.Presentations {
		p := dp.Presentation
		p.ClientID, p.ServiceID = ids.clients[dp.Client], ids.services[dp.Service]
		if err := tx.Create(&p).Error; err != nil {
			return err
		}
	}
	for _, dp := range d.Sales.Promotions {
		if err := insertDemoPromotion(tx, dp, ids); err != nil {
			return err
		}
	}
	for _, da := range d.Sales.Asks {
		a := da.AmbassadorAsk
		a.ClientID = ids.clients[da.Client]
		if err := tx.Create(&a).Error; err != nil {
			return err
		}
	}
	return nil
}

func insertDemoPromotion(tx *gorm.DB, dp demo.Promotion, ids *demoIDs) error {
	p := dp.Promotion
	for _, sv := range dp.Services {
		p.ServiceIDs = append(p.ServiceIDs, ids.services[sv])
	}
	if err := p.Validate(); err != nil {
		return fmt.Errorf("promotion %q: %w", p.Title, err)
	}
	if err := tx.Create(&p).Error; err != nil {
		return err
	}
	for _, id := range p.ServiceIDs {
		if err := tx.Create(&promotionService{PromotionID: p.ID, ServiceID: id}).Error; err != nil {
			return err
		}
	}
	for _, dc := range dp.Told {
		c := dc.PromoContact
		c.PromotionID, c.ClientID = p.ID, ids.clients[dc.Client]
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
	}
	return nil
}
