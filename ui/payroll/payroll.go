// Package payroll is the owner's «Зарплата» tab: a month's payroll with
// every person's payslip and every block's profit, the owner's «what if»
// on screen, the pay schemes with their history, the month's bonuses,
// deductions, advances and adjustments, the blocks' corrections, the
// month's recognitions, the approval that locks a month, and its PDFs and
// exports.
package payroll

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"companion/model"
	"companion/model/i18n"
	calc "companion/model/payroll"
	"companion/ui/kit"
)

// Store is what the payroll tab needs from the database.
type Store interface {
	Today() model.Date
	AllStaff(ctx context.Context) ([]model.Staff, error)
	Blocks(ctx context.Context) ([]model.Block, error)
	SalonName(ctx context.Context) (string, error)
	PayrollSettings(ctx context.Context) (taxOn bool, contrib model.Percent, err error)
	SetPayrollSettings(ctx context.Context, taxOn bool, contrib model.Percent) error
	PayComponents(ctx context.Context) ([]model.PayComponent, error)
	AddPayComponent(ctx context.Context, c *model.PayComponent) error
	PayEntries(ctx context.Context, month model.Date) ([]model.PayEntry, error)
	AddPayEntry(ctx context.Context, e *model.PayEntry) error
	DeletePayEntry(ctx context.Context, id uint) error
	AddBlockCorrection(ctx context.Context, c *model.BlockCorrection) error
	Recognitions(ctx context.Context, month model.Date) ([]model.Recognition, error)
	AddRecognition(ctx context.Context, r *model.Recognition) error
	Unrecognised(ctx context.Context, month model.Date) ([]model.Staff, error)
	Payroll(ctx context.Context, month model.Date) (calc.Month, error)
	PayrollInput(ctx context.Context, month model.Date) (calc.Input, error)
	ApprovePayroll(ctx context.Context, month model.Date) (calc.Result, error)
	ApprovedMonths(ctx context.Context) ([]model.Date, error)
}

// monthData is what the tab shows of one month.
type monthData struct {
	month    model.Date
	result   calc.Result
	approved bool
	months   []model.Date // the approved months, oldest first
	staff    []model.Staff
	blocks   []model.Block
	comps    []model.PayComponent
	entries  []model.PayEntry
	recs     []model.Recognition
	none     []model.Staff // without a recognition for three months
	taxOn    bool
	contrib  model.Percent
	salon    string
}

// Tab is the payroll tab.
type Tab struct {
	w       fyne.Window
	s       Store
	changes *kit.Changes
	month   model.Date // the month shown
	d       *monthData // what shows, nil until read
	bar     *monthBar
	figures *figuresPage
	whatIf  *whatIfPage
	schemes *schemesPage
	entries *entriesPage
	recs    *recognitionPage
	setts   *settingsPage
	pages   *container.AppTabs
	root    fyne.CanvasObject
}

// New builds the tab on the current month; visits, cards and the salon's
// lists written elsewhere refresh it.
func New(w fyne.Window, s Store, changes *kit.Changes) *Tab {
	t := &Tab{w: w, s: s, changes: changes, month: model.MonthOf(s.Today())}
	t.bar = newMonthBar(t)
	t.figures = newFiguresPage(t)
	t.whatIf = newWhatIfPage(t)
	t.schemes = newSchemesPage(t)
	t.entries = newEntriesPage(t)
	t.recs = newRecognitionPage(t)
	t.setts = newSettingsPage(t)
	t.pages = container.NewAppTabs(
		container.NewTabItem(i18n.T("payroll.page.figures"), t.figures.root),
		container.NewTabItem(i18n.T("payroll.page.what_if"), t.whatIf.root),
		container.NewTabItem(i18n.T("payroll.page.schemes"), t.schemes.root),
		container.NewTabItem(i18n.T("payroll.page.entries"), t.entries.root),
		container.NewTabItem(i18n.T("payroll.page.recognition"), t.recs.root),
		container.NewTabItem(i18n.T("payroll.page.settings"), t.setts.root))
	t.pages.OnSelected = func(item *container.TabItem) {
		if item.Content == t.whatIf.root {
			t.whatIf.opened()
		}
	}
	t.root = container.NewBorder(container.NewPadded(t.bar.root), nil, nil, nil, t.pages)
	changes.On(func() { t.Refresh(context.Background()) }, kit.ChangeVisits, kit.ChangeCards, kit.ChangeSalon)
	return t
}

// Content is the tab's page.
func (t *Tab) Content() fyne.CanvasObject { return t.root }

// Refresh reads the month shown again.
func (t *Tab) Refresh(ctx context.Context) { t.load(ctx, t.month) }

// show turns to month and reads it.
func (t *Tab) show(month model.Date) {
	t.month = model.MonthOf(month)
	t.whatIf.reset()
	t.load(context.Background(), t.month)
}

// load reads month off the UI goroutine and shows it, unless another
// month was asked for meanwhile.
func (t *Tab) load(ctx context.Context, month model.Date) {
	kit.Background(func() {
		d, err := t.read(ctx, month)
		fyne.Do(func() {
			if month.ISO() != t.month.ISO() {
				return
			}
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.d = d
			t.bar.show(d)
			t.figures.show(d)
			t.whatIf.show(d)
			t.schemes.show(d)
			t.entries.show(d)
			t.recs.show(d)
			t.setts.show(d)
		})
	})
}

// read gathers what the tab shows of month.
func (t *Tab) read(ctx context.Context, month model.Date) (*monthData, error) {
	d := &monthData{month: month}
	var pm calc.Month
	steps := []func() error{
		func() (err error) { pm, err = t.s.Payroll(ctx, month); return },
		func() (err error) { d.months, err = t.s.ApprovedMonths(ctx); return },
		func() (err error) { d.staff, err = t.s.AllStaff(ctx); return },
		func() (err error) { d.blocks, err = t.s.Blocks(ctx); return },
		func() (err error) { d.comps, err = t.s.PayComponents(ctx); return },
		func() (err error) { d.entries, err = t.s.PayEntries(ctx, month); return },
		func() (err error) { d.recs, err = t.s.Recognitions(ctx, month); return },
		func() (err error) { d.none, err = t.s.Unrecognised(ctx, month); return },
		func() (err error) { d.taxOn, d.contrib, err = t.s.PayrollSettings(ctx); return },
		func() (err error) { d.salon, err = t.s.SalonName(ctx); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	d.result, d.approved = pm.Result, pm.Approved
	return d, nil
}

// written reads the month again after the tab stored something.
func (t *Tab) written() { t.Refresh(context.Background()) }

// open reports whether the month shown may still change.
func (t *Tab) open() bool { return t.d != nil && !t.d.approved }
