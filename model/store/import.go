package store

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/clientio"
)

// ImportResult says what an import wrote. It is clientio's type, so that
// the ui can name it without knowing the store.
type ImportResult = clientio.Result

// CheckImport marks the rows whose phone already belongs to a client in the
// database, naming that client, so the report shows them before anything is
// written. Calling it again adds nothing new.
func (s *Store) CheckImport(ctx context.Context, imp *clientio.Import) error {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return err
	}
	var phones []string
	seen := map[string]bool{}
	for _, r := range imp.Rows {
		if p := r.Client.Phone; p != "" && !seen[p] {
			seen[p] = true
			phones = append(phones, p)
		}
	}
	have, err := s.ExistingPhones(ctx, phones)
	if err != nil {
		return err
	}
	for i := range imp.Rows {
		r := &imp.Rows[i]
		if name, ok := have[r.Client.Phone]; ok && !r.Has(clientio.KeyExists) {
			r.Errors = append(r.Errors, &model.FieldError{Field: "phone", Key: clientio.KeyExists,
				Args: map[string]any{"Name": name}})
		}
	}
	return nil
}

// ImportClients writes the clients of an import in one transaction. Rows
// whose phone is already in the database become errors first. With any
// error and !onlyGood nothing is written and the error (clientio.ErrRefused)
// gives the count; with onlyGood the good rows are written and the others
// counted as skipped.
func (s *Store) ImportClients(ctx context.Context, imp *clientio.Import, onlyGood bool) (ImportResult, error) {
	return s.ImportClientsProgress(ctx, imp, onlyGood, nil)
}

// ImportClientsProgress is ImportClients telling progress (when not nil)
// how many of the rows to write are written, as they go. Cancelling ctx
// stops it with context.Canceled and nothing written: the rows go in one
// transaction.
func (s *Store) ImportClientsProgress(ctx context.Context, imp *clientio.Import, onlyGood bool, progress func(done, total int)) (ImportResult, error) {
	if err := s.allow(model.AreaClients, model.Write); err != nil {
		return ImportResult{}, err
	}
	if err := s.CheckImport(ctx, imp); err != nil {
		return ImportResult{}, err
	}
	bad := len(imp.Bad())
	if bad > 0 && !onlyGood {
		return ImportResult{}, &model.FieldError{Key: clientio.KeyRefused,
			Args: map[string]any{"Bad": bad, "Total": len(imp.Rows)}}
	}
	good := imp.Good()
	if err := s.createClients(ctx, good, progress); err != nil {
		var re *RowError
		if errors.As(err, &re) {
			return ImportResult{}, fmt.Errorf("line %d: %w", goodLine(imp, re.Index), re.Err)
		}
		return ImportResult{}, err
	}
	return ImportResult{Added: len(good), Skipped: bad}, nil
}

// createClients validates the clients, then stores them in one
// transaction, a batch at a time (insertClients) with the audit of
// their health data, telling progress as it goes and stopping when ctx
// ends.
func (s *Store) createClients(ctx context.Context, cs []*model.Client, progress func(done, total int)) error {
	today := s.Today()
	errs := make([]error, len(cs))
	model.InParallel(len(cs), func(i int) { errs[i] = cs[i].Validate(today) })
	for i, err := range errs {
		if err != nil {
			return &RowError{Index: i, Err: err}
		}
	}
	write := func(careful bool) error {
		return s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
			if err := s.insertClients(ctx, tx, cs, careful, progress); err != nil {
				return err
			}
			var entries []model.AuditEntry
			for _, c := range cs {
				if e, ok := healthEntry("create", c.ID, model.Client{}, *c); ok {
					entries = append(entries, e)
				}
			}
			return s.auditAll(tx, entries)
		})
	}
	err := write(false)
	if errors.Is(err, errIndexAgain) { // two rows share a key: the careful way names the row
		err = write(true)
	}
	return err
}

// goodLine is the file line of the i-th good row.
func goodLine(imp *clientio.Import, i int) int {
	for _, r := range imp.Rows {
		if len(r.Errors) == 0 {
			if i == 0 {
				return r.Line
			}
			i--
		}
	}
	return 0
}

// ExportClients returns the whole profiles of the clients the list shows
// for q, in the list's order (by name), for a file the salon takes away.
func (s *Store) ExportClients(ctx context.Context, q model.ClientQuery) ([]model.Client, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return nil, err
	}
	rows, err := s.ListClients(ctx, q)
	if err != nil {
		return nil, err
	}
	pos := make(map[uint]int, len(rows))
	ids := make([]uint, len(rows))
	for i, r := range rows {
		pos[r.ID], ids[i] = i, r.ID
	}
	out := make([]model.Client, len(rows))
	for start := 0; start < len(ids); start += 500 {
		var chunk []model.Client
		if err := s.ctx(ctx).Where("id IN ?", ids[start:min(start+500, len(ids))]).Find(&chunk).Error; err != nil {
			return nil, err
		}
		for _, c := range chunk {
			out[pos[c.ID]] = c
		}
	}
	kept := out[:0]
	for _, c := range out {
		if c.ID != 0 { // deleted between the two queries
			kept = append(kept, c)
		}
	}
	return kept, nil
}
