package clients

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/reports"
	"companion/ui/kit"
	"companion/ui/programs"
	"companion/ui/quality"
	"companion/ui/sales"
)

// RelationshipStore is what a client's profile needs beyond the profile
// itself: each page's store, and the client's own data.
type RelationshipStore interface {
	VisitStore
	CardStore
	AssessmentStore
	ContactStore
	programs.Store
	quality.FeedbackStore
	sales.ClientStore
	ClientStanding(ctx context.Context, clientID uint) (avg float64, open int, err error)
	ClientRecord(ctx context.Context, id uint) (model.ClientRecord, error)
	AnonymizeClient(ctx context.Context, id uint) error
}

// VisitStore is what the visits page needs: the visits, and what a visit
// is made of.
type VisitStore interface {
	Visits(ctx context.Context, clientID uint) ([]model.Visit, error)
	AddVisit(ctx context.Context, v *model.Visit) error
	UpdateVisit(ctx context.Context, v *model.Visit) error
	DeleteVisit(ctx context.Context, id uint) error
	Services(ctx context.Context) ([]model.Service, error)
	Staff(ctx context.Context) ([]model.Staff, error)
	Cards(ctx context.Context, clientID uint) ([]model.CardView, error)
	Promotions(ctx context.Context) ([]model.Promotion, error)
}

// CardStore is what the cards page needs.
type CardStore interface {
	CardTypes(ctx context.Context) ([]model.CardType, error)
	SellCard(ctx context.Context, c *model.Card) error
	Cards(ctx context.Context, clientID uint) ([]model.CardView, error)
	FreezeCard(ctx context.Context, cardID uint, from, to model.Date) error
	CancelFreeze(ctx context.Context, freezeID uint) error
}

// AssessmentStore is what the measurements page needs, its photos too.
type AssessmentStore interface {
	AddAssessment(ctx context.Context, a *model.Assessment) error
	UpdateAssessment(ctx context.Context, a *model.Assessment) error
	DeleteAssessment(ctx context.Context, id uint) error
	RecordHealthConsent(ctx context.Context, clientID uint, on model.Date) (model.Client, error)
	Assessments(ctx context.Context, clientID uint) ([]model.Assessment, error)
	AddPhoto(ctx context.Context, p *model.Photo, r io.Reader) error
	Photos(ctx context.Context, clientID uint) ([]model.Photo, error)
	ReadPhoto(ctx context.Context, id uint) ([]byte, error)
	DeletePhoto(ctx context.Context, id uint) error
}

// ContactStore is what the contacts page needs: the timeline and the
// intro lecture's checklist.
type ContactStore interface {
	AddContact(ctx context.Context, c *model.Contact) error
	Contacts(ctx context.Context, clientID uint) ([]model.Contact, error)
	SetFollowUpDone(ctx context.Context, contactID uint, done bool) error
	IntroTopics(ctx context.Context) ([]model.IntroTopic, error)
}

// pane is one page of a client's profile below the header.
type pane interface {
	content() fyne.CanvasObject
	load(clientID uint)
}

// profile is the right half of the clients tab: the client's name and
// standing, and pages for the profile form, visits, cards, assessments and
// contacts.
type profile struct {
	w      fyne.Window
	s      ClientStore
	rel    RelationshipStore
	form   *clientForm
	panes  []pane
	assess *assessmentsPane
	tabs   *container.AppTabs
	more   *widget.Button
	root   fyne.CanvasObject
}

func newProfile(w fyne.Window, s ClientStore, rel RelationshipStore, onSave func(model.Client), changes *kit.Changes) *profile {
	p := &profile{w: w, s: s, rel: rel}
	p.form = newClientForm(w, s, onSave)
	// a visit changes the card's visits left, a card the visit form: all follow
	changed := func() {
		p.reloadHeader()
		p.loadPanes(p.form.c.ID)
		changes.Notify(kit.ChangeClients, kit.ChangeVisits, kit.ChangeCards, kit.ChangeContacts)
	}
	visits := newVisitsPane(w, rel, s.Today, changed)
	cards := newCardsPane(w, rel, s.Today, changed)
	assess := newAssessmentsPane(w, rel, s.Today, p.consented)
	contacts := newContactsPane(w, rel, s.Today, changed)
	progs := programPane{programs.NewPane(w, rel, s.Today, func() {
		changes.Notify(kit.ChangeClients)
	})}
	feedback := feedbackPane{quality.NewClientPane(w, rel, changed), p.form}
	sell := salesPane{sales.NewClientPane(w, rel, changed)}
	p.panes = []pane{visits, cards, assess, contacts, progs, feedback, sell}
	p.assess = assess
	p.tabs = container.NewAppTabs(
		container.NewTabItem(i18n.T("profile.tab.profile"), p.form.content()),
		container.NewTabItem(i18n.T("profile.tab.visits"), visits.content()),
		container.NewTabItem(i18n.T("profile.tab.cards"), cards.content()),
		container.NewTabItem(i18n.T("profile.tab.assessments"), assess.content()),
		container.NewTabItem(i18n.T("profile.tab.contacts"), contacts.content()),
		container.NewTabItem(i18n.T("profile.tab.programs"), progs.content()),
		container.NewTabItem(i18n.T("feedback.profile.tab"), feedback.content()),
		container.NewTabItem(i18n.T("sales.tab"), sell.content()),
	)
	p.more = widget.NewButtonWithIcon(i18n.T("profile.more"), theme.MoreHorizontalIcon(), p.showMore)
	head := container.NewBorder(nil, nil, nil, container.NewVBox(p.more), container.NewVBox(p.form.title, p.form.subtitle))
	p.root = container.NewBorder(head, nil, nil, nil, p.tabs)
	p.form.onLoad = p.loaded
	p.loaded(p.form.c)
	return p
}

func (p *profile) content() fyne.CanvasObject { return p.root }

// pages are the profile's pages in the order of its tabs.
var pages = []kit.Page{kit.PageProfile, kit.PageVisits, kit.PageCards, kit.PageAssessments, kit.PageContacts, kit.PagePrograms,
	kit.PageFeedback, kit.PageSales}

// programPane is the programs page as one of the profile's panes.
type programPane struct{ *programs.Pane }

func (p programPane) content() fyne.CanvasObject { return p.Content() }
func (p programPane) load(id uint)               { p.Load(id) }

// salesPane is the sales page as one of the profile's panes.
type salesPane struct{ *sales.ClientPane }

func (p salesPane) content() fyne.CanvasObject { return p.Content() }
func (p salesPane) load(id uint)               { p.Load(id) }

// showPage brings page forward; "" leaves the page as it is.
func (p *profile) showPage(page kit.Page) {
	for i, pg := range pages {
		if pg == page && i < len(p.tabs.Items) {
			p.tabs.SelectIndex(i)
		}
	}
}

// loaded follows the form: a new client has only the profile page.
func (p *profile) loaded(c model.Client) {
	for i := 1; i < len(p.tabs.Items); i++ {
		if c.ID == 0 {
			p.tabs.DisableIndex(i)
		} else {
			p.tabs.EnableIndex(i)
		}
	}
	if c.ID == 0 {
		p.tabs.SelectIndex(0)
		p.more.Hide()
		return
	}
	p.more.Show()
	p.assess.follow(c)
	p.loadPanes(c.ID)
}

func (p *profile) loadPanes(id uint) {
	p.readStanding(id)
	for _, pn := range p.panes {
		pn.load(id)
	}
}

// reloadHeader reads the client again after a visit or a card changed the
// numbers the header shows.
func (p *profile) reloadHeader() {
	id := p.form.c.ID
	kit.Background(func() {
		c, err := p.s.Client(context.Background(), id)
		fyne.Do(func() {
			if err == nil && c.ID == p.form.c.ID {
				p.form.c.VisitCount, p.form.c.FirstVisitOn, p.form.c.LastVisitOn = c.VisitCount, c.FirstVisitOn, c.LastVisitOn
				p.form.c.CardNumbers = c.CardNumbers // the version stays the one the form was opened with
				p.form.showHeader()
			}
		})
	})
}

func (p *profile) showMore() {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(i18n.T("profile.export.pdf"), func() { p.export("pdf") }),
		fyne.NewMenuItem(i18n.T("profile.export.json"), func() { p.export("json") }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(i18n.T("profile.anonymize"), p.confirmAnonymize),
	)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.more).AddXY(0, p.more.Size().Height)
	widget.ShowPopUpMenuAtPosition(menu, p.w.Canvas(), pos)
}

// export writes the client's whole record to a file the client can take.
func (p *profile) export(format string) {
	c := p.form.c
	kit.AskSavePath(p.w, model.Fold(c.FullName())+"."+format, func(path string) {
		kit.Background(func() {
			rec, err := p.rel.ClientRecord(context.Background(), c.ID)
			if err == nil {
				err = reports.WriteFileAtomic(path, func(w io.Writer) error { return writeRecord(w, rec, format, p.s.Today()) })
			}
			fyne.Do(func() {
				if err != nil {
					kit.ShowError(err, p.w)
					return
				}
				info(p.w, i18n.T("profile.export.done.title"), i18n.T("profile.export.done", map[string]any{"Path": path}))
			})
		})
	})
}

// confirmAnonymize says what will happen, then erases the person and keeps
// the visits for the books.
func (p *profile) confirmAnonymize() {
	c := p.form.c
	d := dialog.NewConfirm(i18n.T("profile.anonymize.title"), i18n.T("profile.anonymize.confirm", map[string]any{"Name": c.FullName()}),
		func(ok bool) {
			if !ok {
				return
			}
			kit.Background(func() {
				err := p.rel.AnonymizeClient(context.Background(), c.ID)
				var fresh model.Client
				if err == nil {
					fresh, err = p.s.Client(context.Background(), c.ID)
				}
				fyne.Do(func() {
					if err != nil {
						kit.ShowError(err, p.w)
						return
					}
					p.form.load(fresh)
					p.form.onSave(fresh)
				})
			})
		}, p.w)
	d.SetConfirmText(i18n.T("profile.anonymize.do"))
	kit.TrackDialog(p.w, d)
	d.Show()
}

// info shows a short message with an OK button.
func info(w fyne.Window, title, text string) {
	d := dialog.NewInformation(title, text, w)
	kit.TrackDialog(w, d)
	d.Show()
}

// loadFor reads a client's rows off the UI goroutine and hands them to show
// on it, unless the profile moved to another client meanwhile (*current).
func loadFor[T any](w fyne.Window, current *uint, clientID uint, read func(context.Context, uint) (T, error), show func(T)) {
	*current = clientID
	kit.Background(func() {
		rows, err := read(context.Background(), clientID)
		fyne.Do(func() {
			if clientID != *current {
				return
			}
			if err != nil {
				kit.ShowError(err, w)
				return
			}
			show(rows)
		})
	})
}
