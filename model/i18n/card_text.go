package i18n

import (
	"strings"

	"companion/model"
)

// CardPeriod says how long a card runs: «с 01.11.2026 по 04.01.2027», or
// that it starts at the first visit.
func (w Words) CardPeriod(st model.CardState) string {
	if st.ValidTo.IsZero() {
		return w.T("card.period.none")
	}
	return w.T("card.period", map[string]any{"From": st.ValidFrom, "To": st.ValidTo})
}

// CardVisits says how many visits of a card are left and used.
func (w Words) CardVisits(st model.CardState) string {
	if st.VisitsLeft < 0 {
		return w.T("card.unlimited", map[string]any{"N": st.VisitsUsed})
	}
	return w.T("card.visits", map[string]any{"N": st.VisitsLeft, "Used": st.VisitsUsed})
}

// CardMoney says what a card's sale cost, the discount, what was paid and
// what is still owed.
func (w Words) CardMoney(c model.Card) string {
	parts := []string{w.T("card.money.price", map[string]any{"Price": c.Price})}
	if c.Discount > 0 {
		parts = append(parts, w.T("card.money.discount", map[string]any{"Discount": c.Discount}))
	}
	parts = append(parts, w.T("card.money.paid", map[string]any{"Paid": c.Paid}))
	if c.Owed() > 0 {
		parts = append(parts, w.T("card.money.owed", map[string]any{"Owed": c.Owed()}))
	}
	return strings.Join(parts, " · ")
}

// CardFreezes lists a card's freezes with their days and says how many
// freeze days are left: nothing for a card that has neither.
func (w Words) CardFreezes(cv model.CardView) []string {
	var out []string
	for _, f := range cv.Freezes {
		out = append(out, w.T("card.freezes", map[string]any{"Span": w.FreezeSpan(f)}))
	}
	if len(out) > 0 || cv.State.FreezeDaysLeft > 0 {
		out = append(out, w.T("card.freeze_days", map[string]any{"N": cv.State.FreezeDaysLeft}))
	}
	return out
}

// FreezeSpan writes a freeze's days: «с 25.11.2026 по 29.11.2026».
func (w Words) FreezeSpan(f model.CardFreeze) string {
	return w.T("card.freeze.span", map[string]any{"From": f.From, "To": f.To})
}
