package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

// The indexes of clients whose keys new clients do not arrive in the
// order of — phone, name, birthday — cost a large batch more than its
// rows: every statement changes pages all along each of them, and copies
// each page it changes aside first, in case it fails. A batch that brings
// at least as many clients as there are, and at least bulkRows, drops them
// inside its transaction and makes them again after its rows, as the
// triggers set aside are (sqlite_rows.go): SQLite then sorts each once.
// Making the unique index by phone again fails when two rows share a phone
// (someone added the phone meanwhile): the batch is then written again the
// careful way, with the indexes in place, which names the row.

// scatteredIndexes are those indexes.
var scatteredIndexes = []string{"clients_phone", "clients_name", "clients_birth", "clients_name_search"}

// bulkRows is the fewest clients a batch sets the indexes aside for.
const bulkRows = 1000

// errIndexAgain is the failure to make an index set aside again.
var errIndexAgain = errors.New("an index set aside cannot be made again")

// setAsideIndexes drops scatteredIndexes inside tx when n new clients
// are worth it, and returns the statements that make them again.
func setAsideIndexes(ctx context.Context, tx *gorm.DB, n int) ([]string, error) {
	if n < bulkRows {
		return nil, nil
	}
	var have int64
	if err := tx.WithContext(ctx).Raw("SELECT count(*) FROM clients").Scan(&have).Error; err != nil || have > int64(n) {
		return nil, err
	}
	var idx []struct{ Name, SQL string }
	err := tx.WithContext(ctx).Raw("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clients' AND name IN ?",
		scatteredIndexes).Scan(&idx).Error
	if err != nil {
		return nil, err
	}
	var putBack []string
	for _, i := range idx {
		if err := tx.WithContext(ctx).Exec("DROP INDEX " + i.Name).Error; err != nil {
			return nil, err
		}
		putBack = append(putBack, i.SQL)
	}
	return putBack, nil
}
