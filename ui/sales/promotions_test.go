package sales_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/ui/kit"
	"companion/ui/sales"
	"companion/ui/uitest"
)

func TestAPromotionsListAndItsCSVHoldOnlyClientsWhoProvablyAgreed(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	peel := model.Service{Name: "Пилинг", Kind: "service", Price: model.Rub(3000), Minutes: 40, Active: true}
	if err := s.SaveService(ctx, &peel); err != nil {
		t.Fatal(err)
	}
	agreed := model.Client{LastName: "Антонова", FirstName: "Ирина", Phone: "+79161234567", MarketingConsent: true,
		MarketingConsentAt: model.NewDate(2026, 3, 1), MarketingConsentHow: "paper"}
	none := model.Client{LastName: "Борисова", FirstName: "Ольга", Phone: "+79161234568"}
	noWay := model.Client{LastName: "Власова", FirstName: "Мария", Phone: "+79161234569", MarketingConsent: true,
		MarketingConsentAt: model.NewDate(2026, 3, 1)}
	gone := model.Client{LastName: "Громова", FirstName: "Елена", Phone: "+79161234570", MarketingConsent: true,
		MarketingConsentAt: model.NewDate(2026, 3, 1), MarketingConsentHow: "sms"}
	for _, c := range []*model.Client{&agreed, &none, &noWay, &gone} {
		if err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.WithdrawConsent(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	p := model.Promotion{Title: "Пилинги −20 %", From: s.Today(), To: s.Today().AddDays(30), Percent: 2000,
		ServiceIDs: []uint{peel.ID}}
	if err := s.SavePromotion(ctx, &p); err != nil {
		t.Fatal(err)
	}
	w := uitest.NewWindow(t, "promotions")
	var tab *sales.Tab
	uitest.Do(func() {
		tab = sales.New(w, s, &kit.Changes{})
		w.SetContent(tab.Content())
	})
	w.Resize(fyne.NewSize(1280, 900))
	uitest.Do(func() { tab.Refresh(ctx) })
	uitest.Settle()
	uitest.Settle()
	if !uitest.Shows(w, "Антонова Ирина · +7 916 123-45-67") {
		t.Fatalf("the consenting client is not on the list: %q", uitest.Texts(w))
	}
	for _, line := range []string{"Борисова Ольга — нет подтверждённого согласия на рекламу",
		"Власова Мария — нет подтверждённого согласия на рекламу", "Громова Елена — согласие отозвано"} {
		if !uitest.Shows(w, line) {
			t.Errorf("not left out with the reason: %q in %q", line, uitest.Texts(w))
		}
	}
	for _, name := range []string{"Борисова Ольга · ", "Власова Мария · ", "Громова Елена · "} {
		for _, text := range uitest.Texts(w) {
			if strings.HasPrefix(text, name) {
				t.Errorf("a client without consent is on the list to tell: %q", text)
			}
		}
	}

	uitest.Tap(t, w, "Сообщил")
	uitest.Choose(t, w, "Как сообщили", "звонок")
	uitest.Type(t, w, "Что ответил клиент", "Запишется на пятницу")
	uitest.Tap(t, w, "Сохранить")
	uitest.Settle()
	told, err := s.PromoContacts(ctx, p.ID)
	if err != nil || len(told) != 1 || told[0].ClientID != agreed.ID || told[0].Channel != "call" {
		t.Fatalf("the store holds %v %+v", err, told)
	}
	uitest.Settle()
	if !uitest.Shows(w, "Сообщили: 1 · пришли за время акции: 0 · выручка по услугам акции: 0\u00a0₽") {
		t.Errorf("the result: %q", uitest.Texts(w))
	}

	dir := t.TempDir()
	uitest.FileChoosersOpenIn(dir)
	uitest.Tap(t, w, "Список для Excel (CSV)")
	path := filepath.Join(dir, "calls.csv")
	uitest.TypePath(t, w, path)
	uitest.Settle()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	csv := string(data)
	if !strings.HasPrefix(csv, "\uFEFFКлиент;Телефон;") || !strings.Contains(csv, "Антонова Ирина;+7 916 123-45-67;") {
		t.Errorf("the CSV: %q", csv)
	}
	for _, name := range []string{"Борисова", "Власова", "Громова"} {
		if strings.Contains(csv, name) {
			t.Errorf("%s, who may not be told, is in the CSV: %q", name, csv)
		}
	}
}
