package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/demo"
)

// FillDemo writes a demo salon into an empty database, all of it or, on any
// error, nothing. A database that holds clients or staff is refused with
// model.ErrNotEmpty, so demo people never mix with real ones.
func (s *Store) FillDemo(ctx context.Context, d demo.Data) error {
	if err := s.allow(model.AreaSettings, model.Write); err != nil {
		return err
	}
	if empty, err := s.IsEmpty(ctx); err != nil {
		return err
	} else if !empty {
		return model.ErrNotEmpty
	}
	today := s.Today()
	for i := range d.Clients {
		c := d.Clients[i].Client
		if err := c.Validate(today); err != nil {
			return &RowError{Index: i, Err: err}
		}
	}
	return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64 // again, now that the transaction holds the write lock
		if err := tx.Raw("SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM staff)").Scan(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return model.ErrNotEmpty
		}
		blockIDs, err := s.insertBlocks(tx, d.Blocks)
		if err != nil {
			return err
		}
		for _, r := range demo.Roles(d.Staff) {
			if err := tx.Create(&r).Error; err != nil {
				return fmt.Errorf("position %s: %w", r.Name, err)
			}
		}
		for _, m := range d.Staff {
			st := m.Staff
			if m.Block >= 0 && m.Block < len(blockIDs) {
				st.BlockID = &blockIDs[m.Block]
			}
			if err := tx.Create(&st).Error; err != nil {
				return fmt.Errorf("staff %s: %w", st.Name, err)
			}
		}
		clientIDs, err := s.insertDemoClients(tx, d.Clients)
		if err != nil {
			return err
		}
		insert := insertHistory
		if s.d.postgres {
			insert = insertHistoryPostgres
		}
		if err := insert(tx, s, d, blockIDs, clientIDs); err != nil {
			return err
		}
		return s.insertDemoAreas(tx, d, blockIDs, clientIDs)
	})
}

// insertHistoryPostgres is insertHistory on PostgreSQL. The month counts
// are made once at the end (rebuildSummaries): counted a visit at a time,
// one transaction's updates of a month's row would pile up. The history's
// rows carry their ids, which the sequences then skip.
func insertHistoryPostgres(tx *gorm.DB, s *Store, d demo.Data, blockIDs, clientIDs []uint) error {
	if err := tx.Exec("ALTER TABLE visits DISABLE TRIGGER USER").Error; err != nil {
		return err
	}
	if err := insertHistory(tx, s, d, blockIDs, clientIDs); err != nil {
		return err
	}
	if err := tx.Exec("ALTER TABLE visits ENABLE TRIGGER USER").Error; err != nil {
		return err
	}
	return resyncIdentities(tx)
}

func (s *Store) insertBlocks(tx *gorm.DB, blocks []model.Block) ([]uint, error) {
	ids := make([]uint, len(blocks))
	for i, b := range blocks {
		b.ID = 0
		if err := tx.Create(&b).Error; err != nil {
			return nil, fmt.Errorf("block %s: %w", b.Name, err)
		}
		ids[i] = b.ID
	}
	return ids, nil
}

// insertDemoClients stores the clients as CreateClients does, then the
// referrer, which the profile form does not edit. The visit summary is left
// for the visits to give.
func (s *Store) insertDemoClients(tx *gorm.DB, clients []demo.Client) ([]uint, error) {
	ids := make([]uint, len(clients))
	for i, dc := range clients {
		c := dc.Client
		c.ID, c.ReferrerID = 0, nil
		c.FirstVisitOn, c.LastVisitOn, c.VisitCount = model.Date{}, model.Date{}, 0
		if err := s.insertClient(tx, &c); err != nil {
			return nil, &RowError{Index: i, Err: err}
		}
		ids[i] = c.ID
		if dc.Referrer >= 0 && dc.Referrer < i {
			if err := tx.Model(&model.Client{}).Where("id = ?", c.ID).UpdateColumn("referrer_id", ids[dc.Referrer]).Error; err != nil {
				return nil, &RowError{Index: i, Err: err}
			}
		}
	}
	return ids, nil
}
