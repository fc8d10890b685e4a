package model

import (
	"errors"
	"strings"
)

// Errors a caller must be able to recognise, whatever the store behind them.
var (
	// ErrNotFound: the record does not exist (or no longer does).
	ErrNotFound = errors.New("record not found")
	// ErrConflict: somebody saved the record after it was read here.
	ErrConflict = errors.New("record was changed by someone else")
	// ErrNotEmpty: the database already holds data, so demo data is refused.
	ErrNotEmpty = errors.New("database already holds data")
	// ErrDuplicatePhone: another client already has this phone number.
	ErrDuplicatePhone = &FieldError{Field: "phone", Key: "err.phone.duplicate"}
	// ErrServerBackup: a backup into the backups folder was asked of a
	// PostgreSQL database, whose backup is the server's own (pg_dump).
	ErrServerBackup = &FieldError{Key: "err.server_backup"}
)

// FieldError says what is wrong with one field. Key names the message in
// assets/translations; Args fill its placeholders.
type FieldError struct {
	Field string
	Key   string
	Args  map[string]any
}

// Error returns the key and field, for logs; people see the translated Key.
func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Key
	}
	return e.Field + ": " + e.Key
}

// Is lets errors.Is match field errors by key.
func (e *FieldError) Is(target error) bool {
	t, ok := target.(*FieldError)
	return ok && t.Key == e.Key
}

// ValidationErrors lists every field that is wrong in a form, in form order.
type ValidationErrors []*FieldError

// Error joins the field errors, for logs.
func (v ValidationErrors) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return "invalid: " + strings.Join(parts, "; ")
}

// For returns the error of one field, or nil.
func (v ValidationErrors) For(field string) *FieldError {
	for _, e := range v {
		if e.Field == field {
			return e
		}
	}
	return nil
}

// OrNil returns nil when there is nothing wrong, so callers can write
// `if err := c.Validate(today); err != nil`.
func (v ValidationErrors) OrNil() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

func (v *ValidationErrors) add(field, key string, args map[string]any) {
	*v = append(*v, &FieldError{Field: field, Key: key, Args: args})
}

// Add appends the errors that are not nil: the fields of a form read one
// by one, each with its error or nil.
func (v ValidationErrors) Add(errs ...*FieldError) ValidationErrors {
	for _, e := range errs {
		if e != nil {
			v = append(v, e)
		}
	}
	return v
}
