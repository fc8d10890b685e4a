package quality

import (
	"context"
	"math/rand/v2"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
	"companion/ui/widgets"
)

// callsDays is the period a round of calls looks back on by default.
const callsDays = 30

// startCalls asks for a round of calls: its period, and everyone who
// visited or a sample of them drawn from a number shown, so that the same
// sample can be drawn again.
func (rp *roundsPage) startCalls() {
	w, today := rp.p.w, rp.p.s.Today()
	title := kit.NewDialogEntry(w, false)
	title.SetText(i18n.T("round.calls.default_title", map[string]any{"Month": monthName(today)}))
	from, to := widgets.NewDateEntry(w), widgets.NewDateEntry(w)
	from.SetValue(today.AddDays(-callsDays))
	to.SetValue(today)
	sample := kit.NewDialogEntry(w, false)
	sample.SetPlaceHolder(i18n.T("round.sample.hint"))
	seed := kit.NewDialogEntry(w, false)
	seed.SetText(strconv.FormatInt(rand.Int64N(900000)+100000, 10))
	fields := fieldMap(kit.NewField("title", i18n.T("round.title"), title), kit.NewField("from", i18n.T("round.from"), from),
		kit.NewField("to", i18n.T("round.to"), to), kit.NewField("sample", i18n.T("round.sample"), sample),
		kit.NewField("seed", i18n.T("round.seed"), container.NewVBox(seed, hint("round.seed.hint"))))
	body := kit.FieldGrid(fields["title"], fields["from"], fields["to"], fields["sample"], fields["seed"])
	kit.ShowFormDialog(w, i18n.T("round.start.calls"), body, func(close func()) {
		r := model.CheckRound{Kind: model.RoundCalls, Title: title.Text}
		errs := rp.readPeriod(&r, from, to)
		var err *model.FieldError
		r.Sample, err = wholeNumber("sample", sample.Text, true)
		errs = errs.Add(err)
		var n int
		n, err = wholeNumber("seed", seed.Text, false)
		r.Seed = int64(n)
		rp.submitRound(fields, errs.Add(err), &r, close)
	}).Dialog.Resize(fyne.NewSize(640, 440))
}

// startMystery asks for a mystery client's visit: whom it checks and when.
func (rp *roundsPage) startMystery() {
	w, today := rp.p.w, rp.p.s.Today()
	title := kit.NewDialogEntry(w, false)
	title.SetText(i18n.T("round.mystery.default_title", map[string]any{"Month": monthName(today)}))
	who := staffChoice(i18n.T("form.select.placeholder"), rp.staffList, nil)
	from, to := widgets.NewDateEntry(w), widgets.NewDateEntry(w)
	from.SetValue(today)
	to.SetValue(today)
	fields := fieldMap(kit.NewField("title", i18n.T("round.title"), title), kit.NewField("staff", i18n.T("round.staff"), who.Select),
		kit.NewField("from", i18n.T("round.visit_from"), from), kit.NewField("to", i18n.T("round.visit_to"), to))
	body := kit.FieldGrid(fields["title"], fields["staff"], fields["from"], fields["to"])
	kit.ShowFormDialog(w, i18n.T("round.start.mystery"), body, func(close func()) {
		r := model.CheckRound{Kind: model.RoundMystery, Title: title.Text, StaffID: who.ID()}
		rp.submitRound(fields, rp.readPeriod(&r, from, to), &r, close)
	}).Dialog.Resize(fyne.NewSize(620, 360))
}

func (rp *roundsPage) readPeriod(r *model.CheckRound, from, to *widgets.DateEntry) model.ValidationErrors {
	var errs model.ValidationErrors
	var err *model.FieldError
	r.From, err = from.Value("from")
	errs = errs.Add(err)
	r.To, err = to.Value("to")
	return errs.Add(err)
}

// submitRound starts the round and shows it.
func (rp *roundsPage) submitRound(fields map[string]*kit.Field, errs model.ValidationErrors, r *model.CheckRound, close func()) {
	kit.SubmitForm(rp.p.w, fields, errs, nil, func() error { return rp.p.s.StartRound(context.Background(), r) }, close, func() {
		rp.chosen, rp.current = r.ID, -1
		rp.p.written()
	})
}

// wholeNumber reads a number of 0 or more typed in field; empty is 0 when
// it may be.
func wholeNumber(field, text string, emptyOK bool) (int, *model.FieldError) {
	text = strings.TrimSpace(text)
	if text == "" && emptyOK {
		return 0, nil
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 0 {
		return 0, &model.FieldError{Field: field, Key: "err.number"}
	}
	return n, nil
}
