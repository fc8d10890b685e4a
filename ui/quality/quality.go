// Package quality is the quality half of the «Персонал и качество» tab:
// the salon's service standards, the clients' feedback with a complaint's
// every step, the check rounds that call the clients, the scores of each
// staff member and service, and the proposals that come of them. The
// client's profile receives feedback with the same form.
package quality

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// FeedbackStore is what receiving feedback and taking it through its steps
// needs; the client's profile needs the same.
type FeedbackStore interface {
	Today() model.Date
	Staff(ctx context.Context) ([]model.Staff, error)
	Services(ctx context.Context) ([]model.Service, error)
	ListClients(ctx context.Context, q model.ClientQuery) ([]model.ClientRow, error)
	FeedbackList(ctx context.Context, q model.FeedbackQuery) ([]model.FeedbackRow, error)
	AddFeedback(ctx context.Context, f *model.Feedback) error
	MoveFeedback(ctx context.Context, id uint, to string, step model.Feedback) (model.Feedback, error)
}

// Store is what the quality pages need from the database.
type Store interface {
	FeedbackStore
	Role() model.Role
	AllStaff(ctx context.Context) ([]model.Staff, error)
	StaffRoles(ctx context.Context) ([]model.StaffRole, error)
	Client(ctx context.Context, id uint) (model.Client, error)
	Standards(ctx context.Context) ([]model.Standard, error)
	SaveStandard(ctx context.Context, st *model.Standard) error
	StartRound(ctx context.Context, r *model.CheckRound) error
	Rounds(ctx context.Context) ([]model.CheckRound, error)
	RoundCalls(ctx context.Context, roundID uint) ([]model.CheckCall, error)
	RecordCall(ctx context.Context, call *model.CheckCall) error
	Proposals(ctx context.Context) ([]model.Proposal, error)
	SaveProposal(ctx context.Context, p *model.Proposal) error
	QualityScores(ctx context.Context, month model.Date) (byStaff, byService map[uint]model.Score, err error)
}

// page is one sub-page of the quality pages: it reads what it shows when
// it comes forward.
type page interface {
	content() fyne.CanvasObject
	refresh(ctx context.Context)
}

// Pages are the quality sub-pages beside the staff directory.
type Pages struct {
	w       fyne.Window
	s       Store
	changes *kit.Changes
	tabs    *container.AppTabs
	byItem  map[*container.TabItem]page
}

// New makes the quality pages; what they write they tell changes, so that
// Today and the client's profile follow.
func New(w fyne.Window, s Store, changes *kit.Changes) *Pages {
	return &Pages{w: w, s: s, changes: changes, byItem: map[*container.TabItem]page{}}
}

// Around puts the staff directory first among the quality pages, under
// the title of the directory. A role that may not read the clients'
// feedback sees the directory alone.
func (p *Pages) Around(directory fyne.CanvasObject) fyne.CanvasObject {
	if !model.Allowed(p.s.Role(), model.AreaClients, model.Read) {
		return directory
	}
	p.tabs = container.NewAppTabs(container.NewTabItem(i18n.T("quality.tab.staff"), directory))
	add := func(title string, pg page) {
		item := container.NewTabItem(i18n.T(title), pg.content())
		p.byItem[item] = pg
		p.tabs.Append(item)
	}
	add("quality.tab.standards", newStandardsPage(p))
	add("quality.tab.feedback", newFeedbackPage(p))
	add("quality.tab.rounds", newRoundsPage(p))
	add("quality.tab.scores", newScoresPage(p))
	add("quality.tab.proposals", newProposalsPage(p))
	p.tabs.OnSelected = func(*container.TabItem) { p.Refresh(context.Background()) }
	p.changes.On(func() { p.Refresh(context.Background()) }, kit.ChangeContacts, kit.ChangeVisits)
	return p.tabs
}

// Refresh reads the sub-page that shows again; the directory refreshes
// itself.
func (p *Pages) Refresh(ctx context.Context) {
	if p.tabs == nil {
		return
	}
	if pg, ok := p.byItem[p.tabs.Selected()]; ok {
		pg.refresh(ctx)
	}
}

// written tells the window that feedback, a call or a proposal was stored.
func (p *Pages) written() { p.changes.Notify(kit.ChangeContacts) }
