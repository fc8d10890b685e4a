package clients_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"companion/model"
	"companion/model/store"
	"companion/ui/uitest"
)

// slowContacts is the real store whose AddContact waits until let is
// closed: a write that takes its time, as on a busy server.
type slowContacts struct {
	*store.Store
	let chan struct{}
}

func (s slowContacts) AddContact(ctx context.Context, c *model.Contact) error {
	<-s.let
	return s.Store.AddContact(ctx, c)
}

// Two taps on Save (or Save and then Enter) while the first write runs
// store one contact: Save is disabled until the write ends.
func TestASecondTapOnSaveStoresNothingTwice(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	slow := slowContacts{Store: s, let: make(chan struct{})}
	c := &model.Client{LastName: "Орлова", FirstName: "Нина"}
	tab := openClientsOver(t, s, slow, c)
	w := tab.w
	uitest.TapRow(t, w, "Орлова Нина")
	uitest.TapTab(t, w, "Контакты")
	uitest.Tap(t, w, "Новый контакт")
	uitest.Choose(t, w, "Вид контакта", "Звонок")
	uitest.Type(t, w, "Итог", "договорились о визите")
	save := uitest.Button(t, w, "Сохранить")
	var disabled bool
	uitest.Do(func() {
		test.Tap(save)
		disabled = save.Disabled()
		test.Tap(save) // the second tap, while the first write waits
		close(slow.let)
	})
	if !disabled {
		t.Error("Save stayed enabled while the contact was being written")
	}
	contacts, err := s.Contacts(context.Background(), c.ID)
	if err != nil || len(contacts) != 1 {
		t.Errorf("two taps stored %d contacts (%v), want 1", len(contacts), err)
	}
	if uitest.Dialogs(w) != 0 {
		t.Errorf("%d dialogs still open after the save", uitest.Dialogs(w))
	}
}
