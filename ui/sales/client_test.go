package sales_test

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/store"
	"companion/ui/sales"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// clientPage is the «Продажи» page of one client over a real database:
// three massages that all fit the new client's goal.
type clientPage struct {
	s        *store.Store
	w        fyne.Window
	pane     *sales.ClientPane
	client   model.Client
	services []model.Service
}

func openClientPage(t *testing.T, c model.Client) clientPage {
	t.Helper()
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	cp := clientPage{s: s, client: c}
	for _, name := range []string{"Массаж спины", "Массаж лица", "Массаж шейно-воротниковой зоны"} {
		sv := model.Service{Name: name, Kind: "service", Price: model.Rub(2500), Minutes: 45, Active: true}
		if err := s.SaveService(ctx, &sv); err != nil {
			t.Fatal(err)
		}
		cp.services = append(cp.services, sv)
	}
	if err := s.CreateClient(ctx, &cp.client); err != nil {
		t.Fatal(err)
	}
	cp.w = uitest.NewWindow(t, "sales")
	uitest.Do(func() {
		cp.pane = sales.NewClientPane(cp.w, s, nil)
		cp.w.SetContent(cp.pane.Content())
	})
	cp.w.Resize(fyne.NewSize(1100, 900))
	uitest.Do(func() { cp.pane.Load(cp.client.ID) })
	uitest.Settle()
	return cp
}

// suggested are the services the page offers now, by their titles.
func (cp clientPage) suggested() []string {
	var out []string
	for _, sv := range cp.services {
		if uitest.Shows(cp.w, sv.Name+" · "+sv.Price.Format("ru")) {
			out = append(out, sv.Name)
		}
	}
	return out
}

func TestANewClientIsOfferedOneServiceAndADeclinedOneIsNotOfferedAgain(t *testing.T) {
	cp := openClientPage(t, model.Client{LastName: "Соколова", FirstName: "Анна", Goals: "Хочу расслабляющий массаж"})
	w := cp.w
	first := cp.suggested()
	if len(first) != 1 {
		t.Fatalf("a new client is offered %q", first)
	}
	if !uitest.Shows(w, "Почему: подходит к целям клиента") ||
		!uitest.Shows(w, "Почему не больше: клиент новый — предлагаем не больше 1, только услуги, без товаров. Отложено до следующих визитов: 2.") {
		t.Errorf("the page does not say why: %q", uitest.Texts(w))
	}
	uitest.Tap(t, w, "Предложить")
	uitest.Choose(t, w, "Чем закончилось", "отказался")
	uitest.Tap(t, w, "Сохранить")
	if !uitest.DialogShows(w, "Запишите, почему клиент отказался") {
		t.Fatalf("declined without a reason: %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Почему отказался", "Пока дорого")
	uitest.Tap(t, w, "Сохранить")
	uitest.Settle()
	offers, err := cp.s.Offers(context.Background(), cp.client.ID)
	if err != nil || len(offers) != 1 || offers[0].Outcome != model.OfferDeclined || offers[0].Reason != "Пока дорого" {
		t.Fatalf("the store holds %v %+v", err, offers)
	}
	now := cp.suggested()
	if len(now) != 1 || now[0] == first[0] {
		t.Errorf("after declining %s the page offers %q", first[0], now)
	}
	if !uitest.Shows(w, offers[0].On.Format("ru")+" · "+first[0]+" · — · отказался: Пока дорого") {
		t.Errorf("the offer log: %q", uitest.Texts(w))
	}
}

func TestWithdrawingTheConsentTakesOneClick(t *testing.T) {
	cp := openClientPage(t, model.Client{LastName: "Антонова", FirstName: "Ирина", MarketingConsent: true,
		MarketingConsentAt: model.NewDate(2026, 3, 1), MarketingConsentHow: "paper"})
	w := cp.w
	if !uitest.Shows(w, "Дано 01.03.2026, на бумаге. Об акциях сообщать можно.") {
		t.Fatalf("the consent as recorded: %q", uitest.Texts(w))
	}
	uitest.Tap(t, w, "Отозвать согласие")
	uitest.Settle()
	c, err := cp.s.Client(context.Background(), cp.client.ID)
	if err != nil || c.MayAdvertise() || c.MarketingWithdrawnAt.IsZero() {
		t.Fatalf("the store holds %v %+v", err, c)
	}
	if !uitest.Shows(w, "Отозвано "+cp.s.Today().Format("ru")+": об акциях не сообщаем.") {
		t.Errorf("after the withdrawal: %q", uitest.Texts(w))
	}
}
