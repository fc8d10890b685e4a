package settings_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"companion/model"
	"companion/model/demo"
	"companion/model/i18n"
	"companion/model/store"
	"companion/ui/uitest"
)

// count is how many labels and buttons a person sees in w with text as
// their whole text.
func count(w fyne.Window, text string) int {
	n := 0
	for _, s := range uitest.Texts(w) {
		if s == text {
			n++
		}
	}
	return n
}

// seenWithin is the first text a person sees in w that holds all of parts,
// or "".
func seenWithin(w fyne.Window, parts ...string) string {
	for _, s := range uitest.Texts(w) {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(s, p)
		}
		if all {
			return s
		}
	}
	return ""
}

// dismiss closes the message on top with its OK.
func dismiss(t *testing.T, w fyne.Window) {
	t.Helper()
	uitest.Tap(t, w, lang.L("OK"))
}

func TestOwnerMakesABackupAndChoosesARestore(t *testing.T) {
	s, path := uitest.OpenFileStore(t)
	ctx := context.Background()
	for _, n := range []string{"Анна", "Мария"} {
		if err := s.CreateClient(ctx, &model.Client{FirstName: n}); err != nil {
			t.Fatal(err)
		}
	}
	f := openSettings(t, s)
	if count(f.w, "Копий пока нет.") != 1 || count(f.w, "Восстановить…") != 0 {
		t.Fatalf("an empty list shows %q", uitest.Texts(f.w))
	}
	if !uitest.Shows(f.w, store.BackupDir(path)) {
		t.Errorf("the section does not say where the backups are (%s): %q", store.BackupDir(path), uitest.Texts(f.w))
	}

	uitest.Tap(t, f.w, "Сделать копию сейчас")
	list, err := s.Backups()
	if err != nil || len(list) != 1 {
		t.Fatalf("after the tap: %v backups (%v)", list, err)
	}
	if !uitest.DialogShows(f.w, "Копия сохранена: "+list[0].Path) {
		t.Errorf("the message %q does not say where the backup went", uitest.DialogTexts(f.w))
	}
	dismiss(t, f.w)
	row := seenWithin(f.w, i18n.FormatDateTime(list[0].Time), "сделана вручную")
	if row == "" || count(f.w, "Восстановить…") != 1 || count(f.w, "Копий пока нет.") != 0 {
		t.Errorf("the list shows %q", uitest.Texts(f.w))
	}

	if err := s.CreateClient(ctx, &model.Client{FirstName: "Ольга"}); err != nil {
		t.Fatal(err)
	}
	uitest.Tap(t, f.w, "Восстановить…")
	if !uitest.DialogShows(f.w, i18n.FormatDateTime(list[0].Time)) || !uitest.DialogShows(f.w, "копия текущих данных") {
		t.Errorf("the confirmation says %q", uitest.DialogTexts(f.w))
	}
	uitest.Tap(t, f.w, "Продолжить")
	if !store.HasPendingRestore(path) || !uitest.DialogShows(f.w, "Копия исправна. Сейчас Компаньон закроется") {
		t.Fatalf("the restore was not chosen: %q", uitest.DialogTexts(f.w))
	}
	if n, _ := s.CountClients(ctx); n != 3 {
		t.Fatalf("the data changed while the window is open: %d clients", n)
	}
	// What main does once the window has closed.
	s.Close()
	res, ok, err := store.FinishPendingRestore(path)
	if err != nil || !ok || res.Saved == "" {
		t.Fatalf("finish: %+v %v %v", res, ok, err)
	}
	s2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if n, _ := s2.CountClients(ctx); n != 2 {
		t.Errorf("%d clients after the restore, want 2", n)
	}
}

// restoreFromFile chooses the file name in dir to restore, answers the
// confirmation and, when it asks, the passphrase.
func restoreFromFile(t *testing.T, w fyne.Window, path, passphrase string) {
	t.Helper()
	uitest.Tap(t, w, "Восстановить из файла…")
	uitest.ChooseFile(t, w, filepath.Base(path))
	if !uitest.DialogShows(w, "Восстановить "+path+"?") {
		t.Fatalf("the confirmation says %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Продолжить")
	if !uitest.DialogShows(w, "Пароль копии") {
		t.Fatalf("the restore of an encrypted copy does not ask its passphrase: %q", uitest.DialogTexts(w))
	}
	uitest.TypeInForm(t, w, "Пароль", passphrase)
	uitest.Tap(t, w, "Продолжить")
}

func TestEncryptedCopyAsksForItsPassphraseOnRestore(t *testing.T) {
	s, path := uitest.OpenFileStore(t)
	if err := s.CreateClient(context.Background(), &model.Client{FirstName: "Анна"}); err != nil {
		t.Fatal(err)
	}
	f := openSettings(t, s)
	dir := t.TempDir()
	uitest.FileChoosersOpenIn(dir)
	enc := filepath.Join(dir, "copy.db.age")

	uitest.Tap(t, f.w, "Сохранить зашифрованную копию…")
	uitest.TypeInForm(t, f.w, "Пароль", "весна")
	uitest.TypeInForm(t, f.w, "Ещё раз", "весн")
	if !uitest.Button(t, f.w, "Продолжить").Disabled() {
		t.Error("the passphrase can be confirmed with a different one typed again")
	}
	uitest.TypeInForm(t, f.w, "Ещё раз", "весна")
	uitest.Tap(t, f.w, "Продолжить")
	uitest.ChooseFile(t, f.w, filepath.Base(enc))
	if data, _ := os.ReadFile(enc); !bytes.HasPrefix(data, []byte("age-encryption.org/v1")) {
		t.Fatalf("%s is not an encrypted file; the window shows %q", enc, uitest.DialogTexts(f.w))
	}
	if !uitest.DialogShows(f.w, "Зашифрованная копия сохранена: "+enc) {
		t.Errorf("the message says %q", uitest.DialogTexts(f.w))
	}
	dismiss(t, f.w)

	restoreFromFile(t, f.w, enc, "осень")
	if !uitest.DialogShows(f.w, "Пароль не подходит к этому файлу.") || uitest.Dialogs(f.w) != 1 {
		t.Fatalf("a wrong passphrase: %d dialogs, the top one says %q", uitest.Dialogs(f.w), uitest.DialogTexts(f.w))
	}
	if store.HasPendingRestore(path) {
		t.Fatal("a wrong passphrase chose the restore")
	}
	dismiss(t, f.w)
	restoreFromFile(t, f.w, enc, "весна")
	if !store.HasPendingRestore(path) || !uitest.DialogShows(f.w, "Копия исправна.") {
		t.Fatalf("the right passphrase did not choose the restore: %q", uitest.DialogTexts(f.w))
	}
	s.Close()
	store.FinishPendingRestore(path)
}

func TestExportAllThenImportAllIntoAnEmptyDatabase(t *testing.T) {
	src, _ := uitest.OpenStore(t)
	if err := src.FillDemo(context.Background(), demo.Salon(2, model.DateOf(uitest.Now), 30)); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "salon.json")
	f := openSettings(t, src)
	uitest.FileChoosersOpenIn(dir)
	uitest.Tap(t, f.w, "Выгрузить всё…")
	uitest.ChooseFile(t, f.w, "salon.json")
	data, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(data, []byte(`"format": "companion-exchange"`)) {
		t.Fatalf("export: %v; the window shows %q", err, uitest.DialogTexts(f.w))
	}
	if !uitest.DialogShows(f.w, "Выгружено строк: ") || !uitest.DialogShows(f.w, out) {
		t.Errorf("the message says %q", uitest.DialogTexts(f.w))
	}

	dst, _ := uitest.OpenStore(t)
	g := openSettings(t, dst)
	uitest.FileChoosersOpenIn(dir)
	importAll := func() {
		t.Helper()
		uitest.Tap(t, g.w, "Загрузить всё…")
		uitest.ChooseFile(t, g.w, "salon.json")
		if !uitest.DialogShows(g.w, out) {
			t.Errorf("the confirmation says %q", uitest.DialogTexts(g.w))
		}
		uitest.Tap(t, g.w, "Продолжить")
	}
	importAll()
	if !uitest.DialogShows(g.w, "Загружено строк: ") {
		t.Fatalf("the import says %q", uitest.DialogTexts(g.w))
	}
	if n, _ := dst.CountClients(context.Background()); n != 30 {
		t.Errorf("%d clients imported", n)
	}
	if g.changes != 1 {
		t.Errorf("the other tabs were told %d times that everything changed", g.changes)
	}
	if !uitest.Shows(g.w, "30 клиентов в базе") || !uitest.Button(t, g.w, "Заполнить демо-салоном").Disabled() {
		t.Errorf("the settings do not show the imported salon: %q", uitest.Texts(g.w))
	}
	dismiss(t, g.w)

	// Once more: the database is no longer empty.
	importAll()
	if !uitest.DialogShows(g.w, "В базе уже есть данные") {
		t.Errorf("second import: %q", uitest.DialogTexts(g.w))
	}
	if n, _ := dst.CountClients(context.Background()); n != 30 || g.changes != 1 {
		t.Errorf("after the second import: %d clients, %d changes", n, g.changes)
	}
}

func TestBackupsAreTheOwnersOnly(t *testing.T) {
	s, _ := uitest.OpenFileStore(t)
	f := openSettings(t, s.As(model.RoleManager))
	for _, text := range []string{"Резервные копии", "Сделать копию сейчас", "Выгрузить всё…", "Загрузить всё…"} {
		if count(f.w, text) != 0 {
			t.Errorf("a manager sees %q", text)
		}
	}
	owner := openSettings(t, s)
	for _, text := range []string{"Резервные копии", "Сделать копию сейчас", "Выгрузить всё…", "Загрузить всё…"} {
		if count(owner.w, text) != 1 {
			t.Errorf("the owner does not see %q", text)
		}
	}
}
