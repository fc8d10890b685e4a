package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
)

func TestShortcutsFocusSearchAndOpenANewClient(t *testing.T) {
	m, s := newTestWindow(t)
	ctx := context.Background()
	c := model.Client{LastName: "Орлова", FirstName: "Нина"}
	s.CreateClient(ctx, &c)
	m.clients.Refresh(ctx)
	m.clients.list.Select(0)
	if m.clients.form.title.Text != "Орлова Нина" {
		t.Fatalf("selected client not shown: %q", m.clients.form.title.Text)
	}
	sc := m.Canvas().(fyne.Shortcutable)
	sc.TypedShortcut(shortcutFind)
	if m.Canvas().Focused() != m.clients.search {
		t.Error("Ctrl+F did not focus the search")
	}
	sc.TypedShortcut(shortcutNew)
	if m.clients.form.title.Text != "Новый клиент" || m.Canvas().Focused() != m.clients.form.last {
		t.Errorf("Ctrl+N: title %q, focus %v", m.clients.form.title.Text, m.Canvas().Focused())
	}
}
