package sales

import (
	"context"
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// figuresMonths is how many months back the owner can look.
const figuresMonths = 12

// figuresPage is the owner's page: each staff member's offers of a month
// (how many, the share accepted, the revenue, the complaints after them)
// and the ambassadors to ask for a recommendation.
type figuresPage struct {
	w      fyne.Window
	s      Store
	months []model.Date
	month  *widget.Select
	rows   *fyne.Container
	amb    *fyne.Container
	root   fyne.CanvasObject
}

func newFiguresPage(w fyne.Window, s Store) *figuresPage {
	f := &figuresPage{w: w, s: s, rows: container.NewVBox(), amb: container.NewVBox()}
	first := model.MonthOf(s.Today())
	var names []string
	for i := 0; i < figuresMonths; i++ {
		f.months = append(f.months, first)
		names = append(names, i18n.MonthShort(int(first.Month()), first.Year()))
		first = model.MonthOf(first.AddDays(-1))
	}
	f.month = kit.NewSelect(names, func(string) { f.load() })
	body := container.NewVBox(
		container.NewBorder(nil, nil, heading(i18n.T("sales.figures.heading")), nil, container.NewHBox(f.month)), f.rows,
		widget.NewSeparator(), heading(i18n.T("sales.ambassadors.heading")), note(i18n.T("sales.ambassadors.hint")), f.amb)
	f.root = container.NewVScroll(container.NewPadded(body))
	f.month.SetSelectedIndex(0)
	return f
}

// load reads the month's figures, the staff and the ambassadors.
func (f *figuresPage) load() {
	month := f.months[max(0, f.month.SelectedIndex())]
	kit.Background(func() {
		ctx := context.Background()
		figs, err := f.s.OfferFigures(ctx, month)
		var staff []model.Staff
		var amb []model.Client
		if err == nil {
			staff, err = f.s.Staff(ctx)
		}
		if err == nil {
			amb, err = f.s.Ambassadors(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, f.w)
				return
			}
			f.show(figs, staff, amb)
		})
	})
}

func (f *figuresPage) show(figs map[uint]model.OfferFigures, staff []model.Staff, amb []model.Client) {
	f.rows.RemoveAll()
	if len(figs) == 0 {
		f.rows.Add(note(i18n.T("sales.figures.none")))
	}
	sort.SliceStable(staff, func(i, j int) bool { return figs[staff[i].ID].Offers > figs[staff[j].ID].Offers })
	for _, st := range staff {
		fg, ok := figs[st.ID]
		if !ok {
			continue
		}
		f.rows.Add(note(i18n.T("sales.figures.row", map[string]any{"Name": st.Name, "Offers": fg.Offers,
			"Accepted": fg.Accepted, "Rate": fmt.Sprintf("%.0f", fg.Rate()*100), "Revenue": fg.Revenue.Format(i18n.Lang()),
			"Complaints": fg.Complaints})))
	}
	f.amb.RemoveAll()
	if len(amb) == 0 {
		f.amb.Add(note(i18n.T("sales.ambassadors.none")))
	}
	for _, c := range amb {
		c := c
		btn := widget.NewButton(i18n.T("sales.ask.do"), func() { askFor(f.w, f.s, c, f.load) })
		f.amb.Add(container.NewBorder(nil, nil, nil, btn, note(nameAndPhone(c))))
	}
}
