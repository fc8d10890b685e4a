package clients

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// visitForm is the form of a visit, new or corrected: the day, and a line
// per service or product with who served it, how many, the price and how
// it was paid.
type visitForm struct {
	w        fyne.Window
	services []model.Service
	staff    []model.Staff
	cards    []model.CardView
	promos   []model.Promotion // a running one's discount is offered on its services

	on       *widgets.DateEntry
	notes    *kit.KeyEntry
	lines    []*visitLineRow
	read     []int // the form line of each line of the visit read
	linesBox *fyne.Container
	fields   map[string]*kit.Field
	root     fyne.CanvasObject
}

// visitLineRow is the widgets of one line.
type visitLineRow struct {
	service, staff, paid       *widget.Select
	qty                        *kit.KeyEntry
	price, discount            *widgets.MoneyEntry
	qtyF, priceF, discF, nameF *kit.Field
	promo                      *widget.Label // the promotion whose discount is offered
	promoPercent               model.Percent // its discount, 0 for none
	promoOff                   string        // the discount the promotion last put in, as shown
}

func newVisitForm(w fyne.Window, today model.Date, services []model.Service, staff []model.Staff, cards []model.CardView) *visitForm {
	f := &visitForm{w: w, services: services, staff: staff, cards: cards, fields: map[string]*kit.Field{}}
	f.on = widgets.NewDateEntry(w)
	f.on.SetValue(today)
	f.notes = kit.NewDialogEntry(w, false)
	onF := kit.NewField("on", i18n.T("visit.on"), f.on)
	f.fields["on"] = onF
	linesF := kit.NewField("lines", "", widget.NewLabel(""))
	f.fields["lines"] = linesF
	f.linesBox = container.NewVBox()
	add := widget.NewButtonWithIcon(i18n.T("visit.add_line"), theme.ContentAddIcon(), f.addLine)
	f.addLine()
	f.root = container.NewVBox(kit.FieldGrid(onF, kit.NewField("notes", i18n.T("visit.notes"), f.notes)),
		f.linesBox, linesF.Msg, container.NewHBox(add))
	return f
}

func (f *visitForm) content() fyne.CanvasObject { return f.root }

func (f *visitForm) addLine() {
	i := len(f.lines)
	r := &visitLineRow{qty: kit.NewDialogEntry(f.w, false), price: widgets.NewMoneyEntry(f.w), discount: widgets.NewMoneyEntry(f.w)}
	r.discount.Optional = true
	r.qty.SetText("1")
	r.discount.SetPlaceHolder("0")
	r.service = kit.NewSelect(f.serviceNames(), func(string) { f.servicePicked(r) })
	r.qty.OnChanged = func(string) { r.followPromotion() }
	r.price.OnChanged = func(string) { r.followPromotion() }
	r.staff = kit.NewSelect(f.staffNames(), nil)
	r.paid = kit.NewSelect(f.payOptions(), nil)
	r.paid.SetSelectedIndex(0)
	key := func(s string) string { return fmt.Sprintf("line.%d.%s", i, s) }
	r.nameF = kit.NewField(key("name"), i18n.T("visit.line.service"), r.service)
	r.qtyF = kit.NewField(key("qty"), i18n.T("visit.line.qty"), r.qty)
	r.priceF = kit.NewField(key("price"), i18n.T("visit.line.price"), r.price)
	r.discF = kit.NewField(key("discount"), i18n.T("visit.line.discount"), r.discount)
	staffF := kit.NewField(key("staff"), i18n.T("visit.line.staff"), r.staff)
	paidF := kit.NewField(key("card"), i18n.T("visit.line.paid"), r.paid)
	for _, fl := range []*kit.Field{r.nameF, r.qtyF, r.priceF, r.discF, staffF, paidF} {
		f.fields[fl.Name] = fl
	}
	title := widget.NewLabelWithStyle(i18n.T("visit.line", map[string]any{"N": i + 1}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.lines = append(f.lines, r)
	r.promo = widget.NewLabel("")
	r.promo.Importance = widget.LowImportance
	r.promo.Hide()
	f.linesBox.Add(container.NewVBox(title, kit.FieldGrid(r.nameF, staffF, r.qtyF, r.priceF, r.discF, paidF), r.promo))
}

func (f *visitForm) serviceNames() []string {
	names := make([]string, len(f.services))
	for i, s := range f.services {
		names[i] = s.Name
	}
	return names
}

func (f *visitForm) staffNames() []string {
	names := []string{i18n.T("visit.line.staff.none")}
	for _, s := range f.staff {
		if s.Role == "" {
			names = append(names, s.Name)
		} else {
			names = append(names, s.Name+" · "+s.Role)
		}
	}
	return names
}

func (f *visitForm) payOptions() []string {
	opts := []string{i18n.T("visit.paid.money")}
	for _, c := range f.cards {
		opts = append(opts, i18n.T("visit.paid.card", map[string]any{"Number": c.Card.Number, "Type": c.Type.Name}))
	}
	return opts
}

// servicePicked fills in the price of the chosen service and, when a
// promotion runs for it on the visit's day, offers its discount.
func (f *visitForm) servicePicked(r *visitLineRow) {
	i := r.service.SelectedIndex()
	if i < 0 {
		return
	}
	sv := f.services[i]
	r.price.SetValue(sv.Price)
	day, err := f.on.Value("on")
	if err != nil {
		day = model.Date{}
	}
	p, ok := model.PromotionFor(f.promos, sv.ID, day)
	if !ok {
		r.promoPercent = 0
		r.promo.Hide()
		return
	}
	r.promoPercent, r.promoOff = p.Percent, r.discount.Text
	r.followPromotion()
	r.promo.SetText(i18n.T("visit.line.promo", map[string]any{"Title": p.Title, "Percent": float64(p.Percent) / 100}))
	r.promo.Show()
}

// followPromotion keeps the promotion's discount on the whole line as the
// quantity or the price changes: the percent of quantity × price. A
// discount typed by hand stays as typed.
func (r *visitLineRow) followPromotion() {
	if r.promoPercent == 0 || r.discount.Text != r.promoOff {
		return
	}
	qty, err := strconv.Atoi(strings.TrimSpace(r.qty.Text))
	price, perr := r.price.Value("")
	if err != nil || perr != nil || qty < 1 {
		return
	}
	r.discount.SetValue(r.promoPercent.Of(model.Money(qty) * price))
	r.promoOff = r.discount.Text
}

// visit reads the form, with the errors of what could not be read.
func (f *visitForm) visit(clientID uint) (model.Visit, model.ValidationErrors) {
	var errs model.ValidationErrors
	on, ferr := f.on.Value("on")
	errs = errs.Add(ferr)
	v := model.Visit{ClientID: clientID, On: on, Notes: strings.TrimSpace(f.notes.Text)}
	f.read = f.read[:0]
	for i, r := range f.lines {
		si := r.service.SelectedIndex()
		if si < 0 && r.price.Text == "" {
			continue // an untouched extra line
		}
		l := model.VisitLine{PaidBy: "money"}
		if si >= 0 {
			l.Name = f.services[si].Name
			if id := f.services[si].ID; id != 0 {
				l.ServiceID = &id
			}
		} else {
			errs = append(errs, &model.FieldError{Field: r.nameF.Name, Key: "err.visit.service"})
		}
		if st := r.staff.SelectedIndex(); st > 0 {
			id := f.staff[st-1].ID
			l.StaffID = &id
		}
		qty, err := strconv.Atoi(strings.TrimSpace(r.qty.Text))
		if err != nil {
			errs = append(errs, &model.FieldError{Field: r.qtyF.Name, Key: "err.number"})
		}
		l.Qty = qty
		var perr, derr *model.FieldError
		l.Price, perr = r.price.Value(r.priceF.Name)
		l.Discount, derr = r.discount.Value(r.discF.Name)
		errs = errs.Add(perr, derr)
		if p := r.paid.SelectedIndex(); p > 0 {
			id := f.cards[p-1].Card.ID
			l.PaidBy, l.CardID = "card", &id
		}
		f.read = append(f.read, i)
		v.Lines = append(v.Lines, l)
	}
	return v, errs
}

// formErrors renames the line fields of err's field errors to the form's
// lines; other errors pass as they are.
func (f *visitForm) formErrors(err error) error {
	if fe, ok := kit.AsFieldErrors(err); ok {
		return f.formFields(fe)
	}
	return err
}

// formFields renames the visit's line errors ("line.N.qty", N counting the
// lines read) to the form's own lines.
func (f *visitForm) formFields(errs model.ValidationErrors) model.ValidationErrors {
	out := make(model.ValidationErrors, len(errs))
	for i, e := range errs {
		c := *e
		var n int
		var rest string
		if _, err := fmt.Sscanf(e.Field, "line.%d.%s", &n, &rest); err == nil && n < len(f.read) {
			c.Field = fmt.Sprintf("line.%d.%s", f.read[n], rest)
		}
		out[i] = &c
	}
	return out
}
