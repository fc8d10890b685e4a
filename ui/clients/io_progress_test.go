package clients_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/clientio"
	"companion/model/store"
	"companion/ui/clients"
	"companion/ui/kit"
	"companion/ui/uitest"
)

// watchedImport is the real store, with a person who acts in the window
// while the import is halfway: atHalf runs then, from the import's work.
type watchedImport struct {
	*store.Store
	atHalf func()
	seen   []string // what the progress dialog read as the rows went
	w      fyne.Window
}

func (s *watchedImport) ImportClientsProgress(ctx context.Context, imp *clientio.Import, onlyGood bool, progress func(done, total int)) (clientio.Result, error) {
	return s.Store.ImportClientsProgress(ctx, imp, onlyGood, func(done, total int) {
		progress(done, total)
		if done == total/2 {
			for _, text := range uitest.DialogTexts(s.w) {
				if strings.HasPrefix(text, "Записано клиентов:") {
					s.seen = append(s.seen, text)
				}
			}
			if s.atHalf != nil {
				s.atHalf()
			}
		}
	})
}

// importBig opens the clients over the watched store and imports a file of
// n generated clients up to the Import button of the preview.
func importBig(t *testing.T, n int, atHalf func(w fyne.Window)) (*watchedImport, fyne.Window) {
	t.Helper()
	s, _ := uitest.OpenStore(t)
	if err := s.CreateClient(context.Background(), &model.Client{LastName: "Орлова", FirstName: "Нина"}); err != nil {
		t.Fatal(err)
	}
	w := uitest.NewWindow(t, "clients")
	ws := &watchedImport{Store: s, w: w}
	ws.atHalf = func() { atHalf(w) }
	var tab *clients.Tab
	uitest.Do(func() {
		tab = clients.New(w, s, ws, s, &kit.Changes{})
		w.SetContent(tab.Content())
	})
	uitest.Do(func() { tab.Refresh(context.Background()) })
	var b strings.Builder
	b.WriteString("ФИО;Телефон\n")
	for i := range n {
		fmt.Fprintf(&b, "Клиентова%d Анна;+7 916 %07d\n", i, i)
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	os.WriteFile(path, []byte(b.String()), 0o600)
	uitest.FileChoosersOpenIn(filepath.Dir(path))
	uitest.Tap(t, w, "Импорт")
	uitest.ChooseFile(t, w, "big.csv")
	uitest.Tap(t, w, "Импортировать")
	return ws, w
}

func TestCancellingALargeImportHalfwayAddsNoClient(t *testing.T) {
	tapped := false
	ws, w := importBig(t, 3000, func(w fyne.Window) { tapped = uitest.TapWhileWorking(w, "Отмена") })
	if !tapped {
		t.Fatal("the import shows no Cancel while it runs")
	}
	if len(ws.seen) == 0 || ws.seen[0] != "Записано клиентов: 1500 из 3000" {
		t.Errorf("halfway the progress read %q", ws.seen)
	}
	if n, _ := ws.CountClients(context.Background()); n != 1 {
		t.Errorf("%d clients after a cancelled import, want the one there was", n)
	}
	if !uitest.DialogShows(w, "Импорт отменён: в базу не записан ни один клиент из файла.") {
		t.Errorf("on top: %q", uitest.DialogTexts(w))
	}
}

func TestALargeImportShowsItsProgressAndEnds(t *testing.T) {
	ws, w := importBig(t, 1000, func(fyne.Window) {})
	if len(ws.seen) == 0 || ws.seen[0] != "Записано клиентов: 500 из 1000" {
		t.Errorf("halfway the progress read %q", ws.seen)
	}
	if n, _ := ws.CountClients(context.Background()); n != 1001 {
		t.Errorf("%d clients after the import", n)
	}
	if !uitest.DialogShows(w, "Добавлено клиентов: 1000. Пропущено строк: 0.") {
		t.Errorf("on top: %q", uitest.DialogTexts(w))
	}
}
