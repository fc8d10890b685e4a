// Package hiring is the «Собеседования» tab of the interviewer and the
// owner: the candidates for the support manager's position with their
// statuses, the assessment form one interviewer fills at one interview
// (the seed's six criteria on anchored 1–5 scales, the working-day test,
// saved as it is typed), the candidates side by side, how far two
// interviewers agree, the staff's development plans, and hiring's
// settings: the criteria's weights, the pass threshold, the question bank,
// the position profile and the working-day task sets.
package hiring

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// Store is what the hiring tab needs from the database.
type Store interface {
	Role() model.Role
	Today() model.Date
	AllStaff(ctx context.Context) ([]model.Staff, error)
	Blocks(ctx context.Context) ([]model.Block, error)
	Candidates(ctx context.Context) ([]hiring.Candidate, error)
	SaveCandidate(ctx context.Context, c *hiring.Candidate) error
	HireCandidate(ctx context.Context, id uint, role string, blockID *uint) (model.Staff, error)
	Forms(ctx context.Context, candidateID uint, interviewer string) ([]hiring.Form, error)
	SaveForm(ctx context.Context, f *hiring.Form) error
	SubmitForm(ctx context.Context, id uint) error
	Agreement(ctx context.Context, a, b string) (icc float64, n int, ok bool, err error)
	InterviewSettings(ctx context.Context) (map[string]int, float64, error)
	SetInterviewSettings(ctx context.Context, weights map[string]int, pass float64) error
	Questions(ctx context.Context) ([]hiring.Question, error)
	SaveQuestion(ctx context.Context, q *hiring.Question) error
	Competencies(ctx context.Context) ([]hiring.Competency, error)
	SaveCompetency(ctx context.Context, c *hiring.Competency) error
	TaskSets(ctx context.Context) ([]hiring.TaskSet, error)
	SaveTaskSet(ctx context.Context, ts *hiring.TaskSet) error
	DayPlanOf(ctx context.Context, formID uint) (hiring.DayPlan, bool, error)
	SaveDayPlan(ctx context.Context, p *hiring.DayPlan) error
	EnsureHiringDefaults(ctx context.Context) error
	DevPlans(ctx context.Context, staffID uint) ([]hiring.DevPlan, error)
	SaveDevPlan(ctx context.Context, p *hiring.DevPlan) error
	FileStore
}

// PrefInterviewer is the preference that keeps the name of who interviews
// on this computer: the form is filled in under it, and the others'
// scores show once that name has submitted its own.
const PrefInterviewer = "interviewer_name"

// page is one page of the tab: it reads what it shows when it comes
// forward.
type page interface {
	content() fyne.CanvasObject
	refresh(ctx context.Context)
}

// Tab is the hiring tab.
type Tab struct {
	w       fyne.Window
	s       Store
	changes *kit.Changes
	pages   *container.AppTabs
	byItem  map[*container.TabItem]page
	cands   *candidatesPage
	seeded  bool // the seed's hiring setup was asked for
	root    fyne.CanvasObject
}

// New builds the tab; a candidate hired is told to changes, so that the
// staff directory shows the new person.
func New(w fyne.Window, s Store, changes *kit.Changes) *Tab {
	t := &Tab{w: w, s: s, changes: changes, byItem: map[*container.TabItem]page{}}
	t.cands = newCandidatesPage(t)
	t.pages = container.NewAppTabs()
	add := func(title string, p page) {
		item := container.NewTabItem(i18n.T(title), p.content())
		t.byItem[item] = p
		t.pages.Append(item)
	}
	add("hiring.page.candidates", t.cands)
	add("hiring.page.compare", newComparePage(t))
	add("hiring.page.agreement", newAgreementPage(t))
	add("hiring.page.plans", newPlansPage(t))
	add("hiring.page.settings", newSettingsPage(t))
	t.pages.OnSelected = func(*container.TabItem) { t.Refresh(context.Background()) }
	t.root = t.pages
	if changes != nil {
		changes.On(func() { t.Refresh(context.Background()) }, kit.ChangeSalon)
	}
	return t
}

// Content is the tab's page.
func (t *Tab) Content() fyne.CanvasObject { return t.root }

// Refresh reads the page that shows again. The first time, a new salon
// gets the seed's position profile, question bank and working-day test.
func (t *Tab) Refresh(ctx context.Context) {
	if t.seeded {
		t.refreshPage(ctx)
		return
	}
	t.seeded = true
	kit.Background(func() {
		err := t.s.EnsureHiringDefaults(ctx)
		fyne.Do(func() {
			kit.ShowError(err, t.w)
			t.refreshPage(ctx)
		})
	})
}

func (t *Tab) refreshPage(ctx context.Context) {
	if p, ok := t.byItem[t.pages.Selected()]; ok {
		p.refresh(ctx)
	}
}

// interviewer is the name this computer interviews under.
func interviewer() string { return fyne.CurrentApp().Preferences().String(PrefInterviewer) }

// setInterviewer remembers the name this computer interviews under.
func setInterviewer(name string) { fyne.CurrentApp().Preferences().SetString(PrefInterviewer, name) }
