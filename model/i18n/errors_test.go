package i18n

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"

	"companion/model"
)

// The disk's and the database's errors read as Russian sentences, their
// English kept apart as the detail to copy; the program's own errors need
// no detail.
func TestSystemErrorsReadInTheLanguage(t *testing.T) {
	SetLanguage("ru")
	defer SetLanguage("en")
	full := fmt.Errorf("save client: %w", errors.New("database or disk is full (13)"))
	for _, tc := range []struct {
		err  error
		want string
	}{
		{full, "На диске не осталось места"},
		{&os.PathError{Op: "open", Path: "/mnt/share/salon.db", Err: syscall.EACCES}, "Нет доступа"},
		{&os.PathError{Op: "open", Path: "/media/usb/x.csv", Err: syscall.ENOENT}, "не найдены"},
		{errors.New("attempt to write a readonly database (8)"), "только для чтения"},
		{errors.New("database is locked (5) (SQLITE_BUSY)"), "занята"},
		{errors.New("strange failure"), "Не получилось выполнить действие"},
	} {
		sentence, detail := ErrorSentence(tc.err), ErrorDetail(tc.err)
		if !strings.Contains(sentence, tc.want) || detail != tc.err.Error() {
			t.Errorf("%v: %q, detail %q", tc.err, sentence, detail)
		}
		if strings.ContainsAny(sentence, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("%v: English inside the sentence %q", tc.err, sentence)
		}
		if text := ErrorText(tc.err); !strings.HasPrefix(text, sentence+"\nПодробности: ") {
			t.Errorf("%v: the full text %q", tc.err, text)
		}
	}
	if d := ErrorDetail(model.ErrNotFound); d != "" || ErrorText(model.ErrNotFound) != ErrorSentence(model.ErrNotFound) {
		t.Errorf("a record not found has a detail %q", d)
	}
}
