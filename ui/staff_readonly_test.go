package ui_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"companion/model"
	"companion/model/demo"
	"companion/ui"
	"companion/ui/uitest"
)

// TestTheManagerReadsTheStaffAndTheCatalogueButDoesNotEditThem: the support
// manager must know every specialist's work and every service's advantages
// and drawbacks; only the owner edits them.
func TestTheManagerReadsTheStaffAndTheCatalogueButDoesNotEditThem(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	if err := s.FillDemo(context.Background(), demo.Salon(1, s.Today(), 10)); err != nil {
		t.Fatal(err)
	}
	a := uitest.NewApp(t)
	var w *ui.MainWindow
	uitest.Do(func() {
		w = ui.NewMainWindow(a, s.As(model.RoleManager), ui.Options{About: model.About{Version: "test"}})
	})
	uitest.CloseAtEnd(t, w)
	if tabs := uitest.TabTitles(w); !slices.Contains(tabs, "Персонал и качество") || !slices.Contains(tabs, "Каталог") {
		t.Fatalf("the manager's tabs: %q", tabs)
	}
	uitest.TapTab(t, w, "Каталог")
	if uitest.Shows(w, "Добавить услугу или товар") {
		t.Error("the manager is offered to add to the catalogue")
	}
	search := uitest.SearchBox(t, w, "Поиск по названию, должности, противопоказаниям, блоку")
	uitest.TypeKeys(search, "лимфодренаж")
	rows := uitest.ListRows(uitest.ListNear(t, w, "Поиск по названию"))
	if len(rows) != 1 || !strings.HasPrefix(rows[0][0], "Лимфодренажный массаж · Процедура · СПА") {
		t.Fatalf("the search shows %q", rows)
	}
	uitest.TapRow(t, w, rows[0][0])
	texts := strings.Join(uitest.DialogTexts(w), " ")
	if !strings.Contains(texts, "Преимущества: Убирает отёки") || !strings.Contains(texts, "Противопоказания: беременность, болезни сердца, варикоз") {
		t.Errorf("the manager reads of the service: %q", texts)
	}
	uitest.Tap(t, w, "Закрыть")

	uitest.TapTab(t, w, "Персонал и качество")
	if uitest.Shows(w, "Добавить сотрудника") || uitest.Shows(w, "Добавить блок") {
		t.Error("the manager is offered to add staff")
	}
	uitest.TapRow(t, w, "массажист · Классический, спортивный и лимфодренажный массаж; уточняет противопоказания перед каждым сеансом.")
	if !uitest.DialogShows(w, "Классический, спортивный и лимфодренажный массаж; уточняет противопоказания перед каждым сеансом.") {
		t.Errorf("the duties of a position: %q", uitest.DialogTexts(w))
	}
}
