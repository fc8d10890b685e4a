package kit

import (
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2/test"

	"companion/model/i18n"
)

func TestSelectAsksInTheLanguage(t *testing.T) {
	i18n.SetLanguage("ru")
	defer i18n.SetLanguage("en")
	test.NewTempApp(t)
	s := NewSelect([]string{"Звонок", "Визит"}, nil)
	test.NewTempWindow(t, s)
	if s.PlaceHolder != "(Выберите)" {
		t.Errorf("placeholder %q", s.PlaceHolder)
	}
}

func TestChangesReachTheirListenersOnce(t *testing.T) {
	var c Changes
	var today, list, settings int
	c.On(func() { today++ }, ChangeVisits, ChangeCards, ChangeClients)
	c.On(func() { list++ }, ChangeClients)
	c.On(func() { settings++ }, ChangeSalon)

	c.Notify(ChangeVisits, ChangeCards)
	if today != 1 || list != 0 || settings != 0 {
		t.Errorf("a visit: today %d, list %d, settings %d; want 1, 0, 0", today, list, settings)
	}
	c.Notify(ChangeClients)
	if today != 2 || list != 1 {
		t.Errorf("a client: today %d, list %d; want 2, 1", today, list)
	}
	c.Notify(ChangeAll)
	if today != 3 || list != 2 || settings != 1 {
		t.Errorf("everything: today %d, list %d, settings %d; want 3, 2, 1", today, list, settings)
	}
	var none *Changes
	none.Notify(ChangeClients) // a tab built without a window's bus
}

func TestSettleWaitsForNestedBackgroundWork(t *testing.T) {
	var done atomic.Int32
	Background(func() {
		Background(func() { done.Add(1) })
		done.Add(1)
	})
	Settle()
	if n := done.Load(); n != 2 {
		t.Errorf("%d of 2 pieces of work had ended", n)
	}
}
