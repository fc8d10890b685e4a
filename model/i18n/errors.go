package i18n

import (
	"errors"
	"os"
	"slices"
	"strings"
	"syscall"

	"companion/model"
)

// ErrorText is ErrorSentence and, on a line of its own, the detail a
// person can pass on to whoever looks after the computer.
func ErrorText(err error) string {
	if detail := ErrorDetail(err); detail != "" {
		return ErrorSentence(err) + "\n" + T("err.detail", map[string]any{"Detail": detail})
	}
	return ErrorSentence(err)
}

// ErrorDetail is the error's own text when ErrorSentence does not say it
// all: for the disk's and the database's errors; "" for the program's own.
func ErrorDetail(err error) string {
	if _, own := sentence(err); own {
		return ""
	}
	return err.Error()
}

// systemErrors word the disk's and the database's errors a salon meets,
// by the words of their messages (the database driver's errors are text).
var systemErrors = []struct {
	key   string
	is    error
	words []string
}{
	{"err.disk_full", syscall.ENOSPC, []string{"disk is full", "no space left"}},
	{"err.read_only", syscall.EROFS, []string{"readonly database", "read-only file system", "attempt to write a readonly"}},
	{"err.permission", os.ErrPermission, []string{"permission denied", "access is denied"}},
	{"err.no_file", os.ErrNotExist, []string{"no such file or directory", "cannot find the file"}},
	{"err.busy", nil, []string{"database is locked", "sqlite_busy"}},
	{"err.damaged", nil, []string{"database disk image is malformed", "file is not a database"}},
	{"err.io", syscall.EIO, []string{"disk i/o error", "input/output error"}},
}

// ErrorSentence turns an error into a sentence a manager understands, in
// the language in use, without the English of the system's messages.
func ErrorSentence(err error) string {
	text, own := sentence(err)
	if own {
		return text
	}
	lower := strings.ToLower(err.Error())
	for _, se := range systemErrors {
		if se.is != nil && errors.Is(err, se.is) || slices.ContainsFunc(se.words, func(w string) bool { return strings.Contains(lower, w) }) {
			return T(se.key)
		}
	}
	return T("err.unexpected")
}

// sentence words the program's own errors in full (own), or says it does
// not know err.
func sentence(err error) (text string, own bool) {
	var fe *model.FieldError
	var ve model.ValidationErrors
	var corrupt *model.ErrCorrupt
	var locked *model.ErrLocked
	var newer *model.ErrNewerSchema
	var forbidden *model.ErrForbidden
	var server *model.ErrServerAddress
	var unreachable *model.ErrServerUnreachable
	switch {
	case err == nil:
		return "", true
	case errors.As(err, &server):
		return T("err.server_address", map[string]any{"Address": server.Address}), true
	case errors.As(err, &unreachable):
		return T("err.server_unreachable", map[string]any{"Address": unreachable.Address, "Detail": unreachable.Detail}), true
	case errors.As(err, &ve):
		lines := make([]string, len(ve))
		for i, e := range ve {
			lines[i] = T(e.Key, e.Args)
		}
		return strings.Join(lines, "\n"), true
	case errors.As(err, &fe):
		return T(fe.Key, fe.Args), true
	case errors.Is(err, model.ErrNotFound):
		return T("err.not_found"), true
	case errors.Is(err, model.ErrConflict):
		return T("err.conflict"), true
	case errors.Is(err, model.ErrNotEmpty):
		return T("err.not_empty"), true
	case errors.As(err, &corrupt):
		return T("err.corrupt", map[string]any{"Path": corrupt.Path}), true
	case errors.As(err, &locked):
		if locked.PID > 0 {
			return T("err.locked.pid", map[string]any{"Path": locked.Path, "PID": locked.PID}), true
		}
		return T("err.locked", map[string]any{"Path": locked.Path}), true
	case errors.As(err, &newer):
		return T("dist.err.newer_schema", map[string]any{"Where": newer.Where, "Have": newer.Have, "Know": newer.Know}), true
	case errors.As(err, &forbidden):
		return T("err.forbidden", map[string]any{"Role": T("role." + string(forbidden.Role))}), true
	}
	return "", false
}
