package reports

import (
	"strings"

	"companion/model"
)

// cards lists the client's cards as the window describes them: the sale's
// money, the period, the visits, each freeze with its days, the state.
func (r *recordPDF) cards(rec model.ClientRecord) {
	if len(rec.Cards) == 0 {
		return
	}
	r.section(r.t("profile.tab.cards"))
	cols := []column{{"card.number", 17, ""}, {"card.type", 38, ""}, {"card.sold_on", 20, ""},
		{"record.card.period", 29, ""}, {"profile.tab.visits", 50, ""}, {"record.card.status", 26, ""}}
	var rows [][]string
	for _, cv := range rec.Cards {
		st := cv.State
		visits := strings.Join(append([]string{r.w.CardVisits(st)}, r.w.CardFreezes(cv)...), "\n")
		money := strings.ReplaceAll(r.w.CardMoney(cv.Card), " · ", "\n")
		rows = append(rows, []string{cv.Card.Number, cv.Type.Name + "\n" + money,
			r.date(cv.Card.SoldOn), r.w.CardPeriod(st), visits, r.t("card.status." + string(st.Status))})
	}
	r.table(cols, rows)
}
