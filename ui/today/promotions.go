package today

import (
	"context"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// PromotionStore is what the promotions' list needs: the promotions
// running today and, by promotion, the clients with provable consent not
// yet told of them.
type PromotionStore interface {
	PromotionsToTell(ctx context.Context) ([]model.Promotion, map[uint][]model.Client, error)
}

// refreshPromotions reads whom to tell of the running promotions.
func (t *Tab) refreshPromotions(ctx context.Context) {
	kit.Background(func() {
		ps, untold, err := t.s.PromotionsToTell(ctx)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			rows := promotionRows(ps, untold)
			t.promos.rows = rows
			t.lists.count(t.promos, len(rows))
			t.promos.list.Refresh()
		})
	})
}

// promotionRows are the clients to tell, a row a client and promotion:
// the promotion and until when it runs; a tap opens the client's sales
// page with the consent as recorded.
func promotionRows(ps []model.Promotion, untold map[uint][]model.Client) []agendaRow {
	var rows []agendaRow
	for _, p := range ps {
		why := i18n.T("promo.today.row", map[string]any{"Title": p.Title, "Date": p.To.Format(i18n.Lang())})
		for _, c := range untold[p.ID] {
			rows = append(rows, agendaRow{clientID: c.ID, name: c.FullName(), why: why, page: kit.PageSales})
		}
	}
	return rows
}
