package clients_test

import (
	"context"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/kit"
	"companion/ui/uitest"
)

// A trusted client's complaint, received on her profile's «Отзывы» page,
// holds her trust back while it is open: the header says so at once.
func TestAComplaintReceivedOnTheProfileHoldsTrustBack(t *testing.T) {
	c := model.Client{LastName: "Соколова", FirstName: "Анна", Phone: "+79160003344"}
	tab := openClients(t, &c)
	ctx := context.Background()
	s := tab.s
	massage := model.Service{Name: "Классический массаж", Kind: "service", Price: model.Rub(3000), Minutes: 60, Active: true}
	if err := s.SaveService(ctx, &massage); err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		v := model.Visit{ClientID: c.ID, On: s.Today().AddDays(-120 + 14*i), Lines: []model.VisitLine{{ServiceID: &massage.ID,
			Name: massage.Name, Qty: 1, Price: massage.Price}}}
		if err := s.AddVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	uitest.Do(func() { tab.tab.OpenPage(c.ID, kit.PageFeedback) })
	if !uitest.Shows(tab.w, "доверяет нам") || !uitest.Shows(tab.w, "Отзывов этого клиента пока нет.") {
		t.Fatalf("a trusted client without feedback: %q", uitest.Texts(tab.w))
	}
	uitest.Tap(t, tab.w, "Принять отзыв")
	if !uitest.DialogShows(tab.w, "Соколова Анна") || uitest.DialogShows(tab.w, "Выбрать клиента") {
		t.Errorf("the form from the profile does not name the client alone: %q", uitest.DialogTexts(tab.w))
	}
	uitest.Choose(t, tab.w, "Вид", "Жалоба")
	uitest.Choose(t, tab.w, "Услуга", "Классический массаж")
	uitest.Type(t, tab.w, "Слова клиента", "Массаж был слишком сильным, остались синяки")
	uitest.Tap(t, tab.w, "Сохранить")
	rows := uitest.ListRows(uitest.ListNear(t, tab.w, "Принять отзыв"))
	if len(rows) != 1 || rows[0][0] != "27.11.2026 · Жалоба · Соколова Анна" || !strings.HasSuffix(rows[0][1], "Классический массаж · новое") {
		t.Fatalf("the client's feedback: %q (%q)", rows, uitest.DialogTexts(tab.w))
	}
	if uitest.Shows(tab.w, "доверяет нам") || !uitest.Shows(tab.w, "доверие растёт") {
		t.Errorf("an open complaint does not hold trust back: %q", uitest.Texts(tab.w))
	}
}
