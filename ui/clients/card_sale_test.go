package clients_test

import (
	"context"
	"strings"
	"testing"

	"companion/model"
	"companion/ui/uitest"
)

// The sale form takes the price from the type, keeps the payment at what
// is due until the person types one, refuses a discount over the price
// under its field, and stores the sale's money to the kopeck.
func TestSellACardWithADiscountAndAPartPayment(t *testing.T) {
	tab, c := relationshipClient(t)
	w, s := tab.w, tab.s
	uitest.TapTab(t, w, "Карты")
	uitest.Tap(t, w, "Продать карту")
	uitest.Choose(t, w, "Вид карты", cardOption)
	if price, paid := uitest.Entry(t, w, "Цена, ₽").Text, uitest.Entry(t, w, "Оплачено, ₽").Text; price != "12\u00a0000" || paid != "12\u00a0000" {
		t.Errorf("the type's price %q and the payment %q", price, paid)
	}
	uitest.Type(t, w, "Скидка, ₽", "13 000")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Скидка, ₽"); msg != "Скидка: от 0 до цены (12\u00a0000\u00a0₽)" {
		t.Errorf("the message under the discount: %q", msg)
	}
	if cards, _ := s.Cards(context.Background(), c.ID); len(cards) != 0 || uitest.Dialogs(w) != 1 {
		t.Fatal("a sale with a discount over the price was stored or the form closed")
	}
	uitest.Type(t, w, "Скидка, ₽", "1 000,50")
	if paid := uitest.Entry(t, w, "Оплачено, ₽").Text; paid != "10\u00a0999,50" {
		t.Errorf("the payment does not follow what is due: %q", paid)
	}
	uitest.Type(t, w, "Оплачено, ₽", "11 000")
	uitest.Tap(t, w, "Сохранить")
	if msg := uitest.Message(t, w, "Оплачено, ₽"); !strings.HasPrefix(msg, "Оплачено: от 0 до суммы со скидкой (10\u00a0999,50") {
		t.Errorf("the message under the payment: %q", msg)
	}
	uitest.Type(t, w, "Оплачено, ₽", "5 000")
	uitest.Tap(t, w, "Сохранить")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the sale form stays: %q", uitest.DialogTexts(w))
	}
	cards, _ := s.Cards(context.Background(), c.ID)
	if len(cards) != 1 || cards[0].Card.Price != model.Rub(12000) || cards[0].Card.Discount != 100_050 ||
		cards[0].Card.Paid != model.Rub(5000) {
		t.Fatalf("the store holds %+v", cards)
	}
	if want := "цена 12\u00a0000\u00a0₽ · скидка 1\u00a0000,50\u00a0₽ · оплачено 5\u00a0000\u00a0₽ · долг 5\u00a0999,50\u00a0₽"; !uitest.Shows(w, want) {
		t.Errorf("the cards page does not show %q: %q", want, uitest.ListRows(uitest.ListNear(t, w, "Продать карту")))
	}
}
