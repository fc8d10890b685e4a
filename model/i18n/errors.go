package i18n

import (
	"errors"
	"strings"

	"companion/model"
)

// ErrorText turns an error into a sentence a manager understands.
func ErrorText(err error) string {
	var fe *model.FieldError
	var ve model.ValidationErrors
	var corrupt *model.ErrCorrupt
	var locked *model.ErrLocked
	var newer *model.ErrNewerSchema
	var forbidden *model.ErrForbidden
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ve):
		lines := make([]string, len(ve))
		for i, e := range ve {
			lines[i] = T(e.Key, e.Args)
		}
		return strings.Join(lines, "\n")
	case errors.As(err, &fe):
		return T(fe.Key, fe.Args)
	case errors.Is(err, model.ErrNotFound):
		return T("err.not_found")
	case errors.Is(err, model.ErrConflict):
		return T("err.conflict")
	case errors.Is(err, model.ErrNotEmpty):
		return T("err.not_empty")
	case errors.As(err, &corrupt):
		return T("err.corrupt", map[string]any{"Path": corrupt.Path})
	case errors.As(err, &locked):
		if locked.PID > 0 {
			return T("err.locked.pid", map[string]any{"Path": locked.Path, "PID": locked.PID})
		}
		return T("err.locked", map[string]any{"Path": locked.Path})
	case errors.As(err, &newer):
		return T("err.newer_schema")
	case errors.As(err, &forbidden):
		return T("err.forbidden", map[string]any{"Role": T("role." + string(forbidden.Role))})
	}
	return T("err.unexpected", map[string]any{"Detail": err.Error()})
}
