package clients

import (
	"context"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// askDelete asks before removing a visit entered by mistake, saying what
// comes back to the client's cards; keeping it is the default.
func (p *visitsPane) askDelete(v model.Visit) {
	text := i18n.T("visit.delete.confirm", map[string]any{"Day": v.On.Format(i18n.Lang()), "What": visitLines(v)})
	if n := cardVisitsOf(v); n > 0 {
		text += "\n" + i18n.T("visit.delete.card_back", map[string]any{"N": n})
	}
	kit.AskBeforeLoss(p.w, i18n.T("visit.delete.title"), text, i18n.T("visit.delete.keep"), i18n.T("visit.delete.do"), func() {
		kit.Background(func() {
			err := p.s.DeleteVisit(context.Background(), v.ID)
			fyne.Do(func() {
				if err != nil {
					kit.ShowError(err, p.w)
					return
				}
				p.changed()
			})
		})
	}, nil)
}

// cardVisitsOf counts the card visits v took.
func cardVisitsOf(v model.Visit) int {
	n := 0
	for _, q := range v.CardVisits() {
		n += q
	}
	return n
}

// withLineServices adds to the catalogue the lines of v it no longer
// holds (typed by hand, or removed since), so the form shows them.
func withLineServices(services []model.Service, v model.Visit) []model.Service {
	out := append([]model.Service(nil), services...)
	for _, l := range v.Lines {
		found := false
		for _, s := range out {
			found = found || l.ServiceID != nil && s.ID == *l.ServiceID || l.ServiceID == nil && s.ID == 0 && s.Name == l.Name
		}
		if !found {
			s := model.Service{Name: l.Name, Price: l.Price}
			if l.ServiceID != nil {
				s.ID = *l.ServiceID
			}
			out = append(out, s)
		}
	}
	return out
}

// withLineStaff adds the staff of v's lines who no longer work, so the
// form keeps who served the line.
func withLineStaff(staff []model.Staff, v model.Visit) []model.Staff {
	out := append([]model.Staff(nil), staff...)
	for _, l := range v.Lines {
		if l.StaffID == nil {
			continue
		}
		found := false
		for _, s := range out {
			found = found || s.ID == *l.StaffID
		}
		if !found {
			out = append(out, model.Staff{ID: *l.StaffID, Name: i18n.T("visit.line.staff.former")})
		}
	}
	return out
}
