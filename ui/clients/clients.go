package clients

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// ClientStore is what the clients tab needs from the database.
type ClientStore interface {
	Today() model.Date
	ListClients(ctx context.Context, q model.ClientQuery) ([]model.ClientRow, error)
	Client(ctx context.Context, id uint) (model.Client, error)
	CreateClient(ctx context.Context, c *model.Client) error
	UpdateClient(ctx context.Context, c *model.Client) error
	SetArchived(ctx context.Context, id uint, archived bool) error
}

// Tab is the client base: a searchable list and the profile of the
// chosen client.
type Tab struct {
	w     fyne.Window
	s     ClientStore
	io    ClientIO
	today model.Date

	search    *kit.KeyEntry
	status    *widget.Select
	trust     *widget.Select
	birthdays *widget.Check
	archive   *widget.Check
	list      *kit.List
	count     *widget.Label
	rows      []model.ClientRow
	seq       int // the newest query; older answers are dropped

	form    *clientForm
	profile *profile
	changes *kit.Changes
	root    fyne.CanvasObject
}

// New builds the clients tab. It tells changes what it writes, and follows
// the changes of clients made elsewhere (an import, the demo, a restore).
func New(w fyne.Window, s ClientStore, io ClientIO, rel RelationshipStore, changes *kit.Changes) *Tab {
	t := &Tab{w: w, s: s, io: io, today: s.Today(), changes: changes}
	t.profile = newProfile(w, s, rel, t.saved, changes)
	t.form = t.profile.form
	t.search = kit.NewKeyEntry(map[fyne.KeyName]func(){fyne.KeyDown: func() { t.w.Canvas().Focus(t.list) }})
	t.search.SetPlaceHolder(i18n.T("clients.search.placeholder"))
	t.search.OnChanged = func(string) { t.Refresh(context.Background()) }
	t.search.OnSubmitted = func(string) { t.openFirst() }
	t.status = kit.NewSelect(statusOptions(), nil)
	t.status.SetSelectedIndex(0)
	t.status.OnChanged = func(string) { t.Refresh(context.Background()) }
	t.trust = kit.NewSelect(trustOptions(), nil)
	t.trust.SetSelectedIndex(0)
	t.trust.OnChanged = func(string) { t.Refresh(context.Background()) }
	t.birthdays = widget.NewCheck(i18n.T("clients.filter.birthdays"), func(bool) { t.Refresh(context.Background()) })
	t.archive = widget.NewCheck(i18n.T("clients.filter.archive"), func(bool) { t.Refresh(context.Background()) })
	t.count = widget.NewLabel("")
	t.list = kit.NewList(func() int { return len(t.rows) }, newClientRowItem, t.updateRowItem)
	t.list.OnSelected = func(id widget.ListItemID) { t.Open(t.rows[id].ID) }
	t.root = t.layout()
	changes.On(func() { t.Refresh(context.Background()) }, kit.ChangeClients)
	return t
}

func (t *Tab) layout() fyne.CanvasObject {
	newBtn := widget.NewButtonWithIcon(i18n.T("clients.new"), theme.ContentAddIcon(), t.NewClient)
	newBtn.Importance = widget.HighImportance
	tools := container.NewHBox(newBtn,
		widget.NewButtonWithIcon(i18n.T("clients.import"), theme.UploadIcon(), t.ImportList),
		widget.NewButtonWithIcon(i18n.T("clients.export"), theme.DownloadIcon(), t.ExportList))
	filters := container.NewVBox(container.NewGridWithColumns(2, t.status, t.trust), container.NewHBox(t.birthdays, t.archive))
	top := container.NewVBox(tools, t.search, filters)
	left := container.NewBorder(top, t.count, nil, nil, t.list)
	split := container.NewHSplit(left, t.profile.content())
	split.Offset = 0.4
	return split
}

func (t *Tab) Content() fyne.CanvasObject { return t.root }

// query is what the filters ask for now.
func (t *Tab) query() model.ClientQuery {
	q := model.ClientQuery{Text: t.search.Text, Archived: t.archive.Checked}
	if i := t.status.SelectedIndex(); i > 0 {
		q.Status = model.Statuses[i-1]
	}
	if i := t.trust.SelectedIndex(); i > 0 {
		q.Trust = model.TrustStages[i-1]
	}
	if t.birthdays.Checked {
		q.BirthdayDays = 7
	}
	q.Limit = model.ListLimit
	if q.Text != "" {
		q.Limit = model.SearchLimit
	}
	return q
}

// Refresh reloads the list off the UI goroutine; only the newest answer is shown.
func (t *Tab) Refresh(ctx context.Context) {
	t.seq++
	seq, q := t.seq, t.query()
	kit.Background(func() {
		rows, err := t.s.ListClients(ctx, q)
		fyne.Do(func() {
			if seq != t.seq {
				return
			}
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.rows = rows
			t.today = t.s.Today()
			t.list.UnselectAll()
			t.list.Refresh()
			t.selectShown()
			t.count.SetText(t.countText(q, len(rows)))
		})
	})
}

func (t *Tab) countText(q model.ClientQuery, n int) string {
	if q.Limit > 0 && n >= q.Limit {
		return i18n.T("clients.count.limited", map[string]any{"N": n})
	}
	return i18n.T("clients.count", map[string]any{"N": n})
}

func statusOptions() []string {
	opts := []string{i18n.T("status.any")}
	for _, s := range model.Statuses {
		opts = append(opts, i18n.T("status."+string(s)))
	}
	return opts
}

func trustOptions() []string {
	opts := []string{i18n.T("trust.any")}
	for _, s := range model.TrustStages {
		opts = append(opts, i18n.T("trust.filter."+string(s)))
	}
	return opts
}

func newClientRowItem() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	phone := widget.NewLabel("")
	status := widget.NewLabel("")
	return container.NewBorder(nil, nil, nil, container.NewHBox(phone, status), name)
}

func (t *Tab) updateRowItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(t.rows) {
		return
	}
	r := t.rows[id]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(r.FullName())
	right := c.Objects[1].(*fyne.Container)
	right.Objects[0].(*widget.Label).SetText(model.FormatPhone(r.Phone))
	st := right.Objects[1].(*widget.Label)
	s := r.Status(t.today)
	st.SetText(i18n.T("status." + string(s)))
	st.Importance = statusImportance(s)
	st.Refresh()
}

func statusImportance(s model.Status) widget.Importance {
	switch s {
	case model.StatusAtRisk:
		return widget.WarningImportance
	case model.StatusLapsed:
		return widget.DangerImportance
	case model.StatusActive:
		return widget.SuccessImportance
	}
	return widget.LowImportance
}

// Unsaved names the client whose profile holds edits not saved yet ("" when
// none), so that the window asks before signing out would lose them.
func (t *Tab) Unsaved() string {
	if !t.form.dirty {
		return ""
	}
	if name := t.form.c.FullName(); name != "" {
		return name
	}
	return i18n.T("client.new.title")
}

// Open shows a client's profile, once unsaved edits are dealt with.
func (t *Tab) Open(id uint) { t.OpenPage(id, "") }

// OpenPage shows the client's profile on page ("" for the page shown).
func (t *Tab) OpenPage(id uint, page kit.Page) {
	if t.form.c.ID == id {
		t.profile.showPage(page)
		return
	}
	t.form.leave(func() { t.load(id, page) }, t.selectShown)
}

// selectShown highlights in the list the client the profile shows (none for
// a new one), so that the list and the profile never disagree.
func (t *Tab) selectShown() {
	for i, r := range t.rows {
		if r.ID == t.form.c.ID && r.ID != 0 {
			t.list.Select(i)
			return
		}
	}
	t.list.UnselectAll()
}

func (t *Tab) load(id uint, page kit.Page) {
	kit.Background(func() {
		c, err := t.s.Client(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, t.w)
				return
			}
			t.form.load(c)
			t.profile.showPage(page)
			t.selectShown()
		})
	})
}

func (t *Tab) openFirst() {
	if len(t.rows) > 0 {
		t.list.Select(0)
	}
}

// NewClient clears the profile for a new client and puts the cursor in it.
func (t *Tab) NewClient() {
	t.form.leave(func() {
		t.list.UnselectAll()
		t.form.load(model.Client{})
		t.form.focusFirst()
	}, t.selectShown)
}

// FocusSearch puts the cursor in the search with its text selected, so
// that what is typed replaces the last search.
func (t *Tab) FocusSearch() {
	t.w.Canvas().Focus(t.search)
	t.search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// saved is called after the form stored a client: the list follows.
func (t *Tab) saved(model.Client) {
	t.changes.Notify(kit.ChangeClients)
}

// Save stores the profile form, as Ctrl+S asks.
func (t *Tab) Save() { t.form.save() }
