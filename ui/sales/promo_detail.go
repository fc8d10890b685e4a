package sales

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/reports"
	"companion/ui/kit"
)

// promoDetail is one promotion: its result, whom to tell with «Сообщил»,
// who was told, and who is left out and why.
type promoDetail struct {
	t        *Tab
	promo    model.Promotion
	tell     []model.Client
	out      []model.Excluded
	told     map[uint]model.PromoContact
	title    *widget.Label
	line     *widget.Label
	result   *widget.Label
	audience *fyne.Container
	excluded *fyne.Container
	buttons  *fyne.Container
	root     fyne.CanvasObject
}

func newPromoDetail(t *Tab) *promoDetail {
	d := &promoDetail{t: t, told: map[uint]model.PromoContact{}}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.line, d.result = note(""), note("")
	d.audience, d.excluded = container.NewVBox(), container.NewVBox()
	d.buttons = container.NewHBox(
		widget.NewButtonWithIcon(i18n.T("promo.edit"), theme.DocumentCreateIcon(), func() { t.edit(&d.promo) }),
		widget.NewButtonWithIcon(i18n.T("promo.pdf"), theme.DocumentPrintIcon(), func() { d.export("pdf") }),
		widget.NewButtonWithIcon(i18n.T("promo.csv"), theme.DownloadIcon(), func() { d.export("csv") }))
	body := container.NewVBox(d.title, d.line, d.result, d.buttons, widget.NewSeparator(),
		heading(i18n.T("promo.tell.heading")), d.audience, widget.NewSeparator(),
		heading(i18n.T("promo.excluded.heading")), d.excluded)
	d.root = container.NewVScroll(container.NewPadded(body))
	d.clear()
	return d
}

func (d *promoDetail) clear() {
	d.promo = model.Promotion{}
	d.title.SetText(i18n.T("promo.pick"))
	d.line.SetText("")
	d.result.SetText("")
	d.buttons.Hide()
	d.audience.RemoveAll()
	d.excluded.RemoveAll()
}

// show reads the promotion's audience, contacts and result, and shows them.
func (d *promoDetail) show(p model.Promotion) {
	d.promo = p
	d.title.SetText(p.Title)
	d.line.SetText(promoLine(p) + " · " + serviceList(p, d.t.services))
	d.buttons.Show()
	d.root.Refresh()
	s := d.t.s
	kit.Background(func() {
		ctx := context.Background()
		tell, out, err := s.PromotionAudience(ctx, p)
		var contacts []model.PromoContact
		var told, came int
		var revenue model.Money
		if err == nil {
			contacts, err = s.PromoContacts(ctx, p.ID)
		}
		if err == nil {
			told, came, revenue, err = s.PromotionFigures(ctx, p)
		}
		fyne.Do(func() {
			if d.promo.ID != p.ID {
				return
			}
			if err != nil {
				kit.ShowError(err, d.t.w)
				return
			}
			d.tell, d.out, d.told = tell, out, map[uint]model.PromoContact{}
			for _, c := range contacts {
				d.told[c.ClientID] = c
			}
			d.result.SetText(i18n.T("promo.result", map[string]any{"Told": told, "Came": came,
				"Revenue": revenue.Format(i18n.Lang())}))
			d.fill()
		})
	})
}

// fill lists whom to tell, each with «Сообщил» or how they were told, and
// those left out with the reason.
func (d *promoDetail) fill() {
	d.audience.RemoveAll()
	if len(d.tell) == 0 {
		d.audience.Add(note(i18n.T("promo.tell.none")))
	}
	for _, c := range d.tell {
		c := c
		who := note(nameAndPhone(c))
		if pc, ok := d.told[c.ID]; ok {
			done := i18n.T("promo.told", map[string]any{"Date": pc.On.Format(i18n.Lang()),
				"Channel": i18n.T("promo.channel." + pc.Channel), "Answer": pc.Answer})
			d.audience.Add(container.NewBorder(nil, nil, nil, note(done), who))
			continue
		}
		btn := widget.NewButton(i18n.T("promo.tell.do"), func() { d.askTold(c) })
		d.audience.Add(container.NewBorder(nil, nil, nil, btn, who))
	}
	d.excluded.RemoveAll()
	if len(d.out) == 0 {
		d.excluded.Add(note(i18n.T("promo.excluded.none")))
	}
	for _, e := range d.out {
		d.excluded.Add(note(e.Client.FullName() + " — " + i18n.T("promo.excluded."+e.Reason)))
	}
	d.root.Refresh() // the rows changed the page's height
}

// askTold notes that a client was told of the promotion: by which channel
// and their answer.
func (d *promoDetail) askTold(c model.Client) {
	w, s, p := d.t.w, d.t.s, d.promo
	channel := kit.NewSelect(words("promo.channel.", model.PromoChannels), nil)
	channel.SetSelectedIndex(0)
	answer := kit.NewDialogEntry(w, true)
	fields := fieldMap(kit.NewField("channel", i18n.T("promo.tell.channel"), channel),
		kit.NewField("answer", i18n.T("promo.tell.answer"), answer), kit.NewField("client", "", widget.NewLabel("")))
	title := i18n.T("promo.tell.title", map[string]any{"Name": c.FullName()})
	kit.ShowFormDialog(w, title, kit.FieldGrid(fields["channel"], fields["answer"], fields["client"]), func(close func()) {
		pc := model.PromoContact{PromotionID: p.ID, ClientID: c.ID, Channel: model.PromoChannels[max(0, channel.SelectedIndex())],
			Answer: answer.Text, On: s.Today()}
		kit.SubmitForm(w, fields, nil, nil, func() error { return s.TellPromotion(context.Background(), &pc) }, close,
			func() { d.show(d.promo); d.t.changes.Notify(kit.ChangeContacts) })
	})
}

// export writes the list of whom to tell — those with provable consent
// only — as a PDF call list or a CSV for Excel.
func (d *promoDetail) export(format string) {
	p, tell, s := d.promo, append([]model.Client(nil), d.tell...), d.t.s
	kit.AskSavePath(d.t.w, model.Fold(p.Title)+"."+format, func(path string) {
		kit.Background(func() {
			salon, _ := s.SalonName(context.Background()) // the list is no worse without it
			err := reports.WriteFileAtomic(path, func(w io.Writer) error {
				if format == "csv" {
					return reports.WritePromoCallsCSV(w, p, tell, i18n.Lang())
				}
				return reports.WritePromoCalls(w, p, tell, salon, i18n.Lang())
			})
			fyne.Do(func() {
				if err != nil {
					kit.ShowError(err, d.t.w)
				}
			})
		})
	})
}

// serviceList names the promotion's services.
func serviceList(p model.Promotion, services []model.Service) string {
	out := ""
	for _, sv := range services {
		if p.Covers(sv.ID) {
			if out != "" {
				out += ", "
			}
			out += sv.Name
		}
	}
	return out
}

// nameAndPhone is a client as a call list names them.
func nameAndPhone(c model.Client) string {
	if c.Phone == "" {
		return c.FullName()
	}
	return c.FullName() + " · " + model.FormatPhone(c.Phone)
}
