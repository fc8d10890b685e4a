package ui_test

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"companion/model"
	"companion/ui/uitest"
)

var (
	ctrlS = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	ctrlF = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	ctrlN = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	ctrlL = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
)

const searchHint = "Поиск: имя, телефон или номер карты (Ctrl+F)"

func TestShortcutsFocusSearchAndOpenANewClient(t *testing.T) {
	_, m, s := newTestWindow(t)
	ctx := context.Background()
	c := model.Client{LastName: "Орлова", FirstName: "Нина"}
	if err := s.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	// From the first tab, Ctrl+F brings the clients forward with the
	// cursor in the search.
	if uitest.SelectedTab(m) != "Сегодня" {
		t.Fatalf("the window opens on %q", uitest.SelectedTab(m))
	}
	uitest.Shortcut(m, ctrlF)
	if uitest.SelectedTab(m) != "Клиенты" || !uitest.HasFocus(m, uitest.SearchBox(t, m, searchHint)) {
		t.Errorf("Ctrl+F from Today: tab %q, focus %v", uitest.SelectedTab(m), m.Canvas().Focused())
	}

	uitest.TapRow(t, m, "Орлова Нина")
	if got := uitest.Headings(m); !slices.Contains(got, "Орлова Нина") {
		t.Fatalf("selected client not shown: %q", got)
	}
	uitest.Shortcut(m, ctrlF)
	if !uitest.HasFocus(m, uitest.SearchBox(t, m, searchHint)) {
		t.Errorf("Ctrl+F did not focus the search: focus %v", m.Canvas().Focused())
	}
	uitest.Shortcut(m, ctrlN)
	if got := uitest.Headings(m); !slices.Contains(got, "Новый клиент") || slices.Contains(got, "Орлова Нина") || !uitest.HasFocus(m, uitest.Entry(t, m, "Фамилия")) {
		t.Errorf("Ctrl+N: title %q, focus %v", got, m.Canvas().Focused())
	}
}

func TestARowOfTodayOpensTheClient(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	birth := model.NewDate(1990, uitest.Now.Month(), uitest.Now.Day()+2)
	c := model.Client{LastName: "Волкова", FirstName: "Ирина", BirthDate: birth}
	other := model.Client{LastName: "Андреева", FirstName: "Ольга"}
	for _, x := range []*model.Client{&c, &other} {
		if err := s.CreateClient(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	call := model.Contact{ClientID: other.ID, On: s.Today().AddDays(-3), Kind: "call", Channel: "phone",
		Outcome: "перезвонить", NextOn: s.Today().AddDays(-1)}
	if err := s.AddContact(ctx, &call); err != nil {
		t.Fatal(err)
	}
	_, m := openWindow(t, s)
	if uitest.SelectedTab(m) != "Сегодня" || !uitest.Shows(m, "Андреева Ольга") || uitest.Shows(m, "Волкова Ирина") {
		t.Fatalf("Today (tab %q) does not open on the first list with rows, the follow-ups: %q", uitest.SelectedTab(m), uitest.Texts(m))
	}
	uitest.Tap(t, m, "Дни рождения · 1")
	if !uitest.Shows(m, "Волкова Ирина") || uitest.Shows(m, "Андреева Ольга") {
		t.Fatalf("the birthdays' button does not show the client whose birthday comes: %q", uitest.Texts(m))
	}
	uitest.TapRow(t, m, "Волкова Ирина")
	if uitest.SelectedTab(m) != "Клиенты" {
		t.Fatalf("the row of Today left the window on %q", uitest.SelectedTab(m))
	}
	if got := uitest.Headings(m); !slices.Contains(got, "Волкова Ирина") {
		t.Errorf("the clients tab shows %q, not the client of the row", got)
	}
	if got := uitest.Entry(t, m, "Фамилия").Text; got != "Волкова" {
		t.Errorf("the profile form holds %q", got)
	}

	// a follow-up's row opens the client on the contacts page
	uitest.TapTab(t, m, "Сегодня")
	uitest.Tap(t, m, "Связаться · 1")
	uitest.TapRow(t, m, "Андреева Ольга")
	if got := uitest.SelectedPages(m); !slices.Equal(got, []string{"Клиенты", "Контакты"}) {
		t.Errorf("a follow-up's row opened %q, want the client's contacts", got)
	}
	if got := uitest.Headings(m); !slices.Contains(got, "Андреева Ольга") {
		t.Errorf("the clients tab shows %q", got)
	}
}

// menuItem is the window's menu item titled title: what it does is what
// its shortcut does, with the cursor in an entry too.
func menuItem(t *testing.T, m fyne.Window, title string) *fyne.MenuItem {
	t.Helper()
	for _, menu := range m.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Label == title {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", title)
	return nil
}

func TestCtrlSSavesWhatIsInFront(t *testing.T) {
	_, m, s := newTestWindow(t)
	ctx := context.Background()
	c := model.Client{LastName: "Орлова", FirstName: "Нина"}
	if err := s.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	uitest.Shortcut(m, ctrlF)
	uitest.TapRow(t, m, "Орлова Нина")
	item := menuItem(t, m, "Сохранить")
	if item.Shortcut == nil || item.Shortcut.ShortcutName() != ctrlS.ShortcutName() {
		t.Errorf("the menu item «Сохранить» has the shortcut %v, want Ctrl+S", item.Shortcut)
	}
	save := item.Action

	// the profile, with the cursor still in the entry typed in
	uitest.Type(t, m, "Заметки", "любит утренние часы")
	uitest.Do(save)
	if got, _ := s.Client(ctx, c.ID); got.Notes != "любит утренние часы" {
		t.Errorf("Ctrl+S stored the notes %q", got.Notes)
	}

	// a form dialog in front is what Ctrl+S saves
	uitest.TapTab(t, m, "Контакты")
	uitest.Tap(t, m, "Новый контакт")
	uitest.Choose(t, m, "Вид контакта", "Звонок")
	uitest.Type(t, m, "Итог", "договорились о визите")
	uitest.Do(save)
	contacts, _ := s.Contacts(ctx, c.ID)
	if len(contacts) != 1 || contacts[0].Outcome != "договорились о визите" || uitest.Dialogs(m) != 0 {
		t.Errorf("Ctrl+S in the contact dialog: %d contacts, %d dialogs open", len(contacts), uitest.Dialogs(m))
	}
}

func TestCtrlFSelectsTheLastSearch(t *testing.T) {
	_, m, _ := newTestWindow(t)
	uitest.Shortcut(m, ctrlF)
	box := uitest.SearchBox(t, m, searchHint)
	uitest.TypeKeys(box, "иванова")
	uitest.Shortcut(m, ctrlF)
	if box.SelectedText() != "иванова" {
		t.Errorf("Ctrl+F selected %q of the last search %q", box.SelectedText(), box.Text)
	}
}
