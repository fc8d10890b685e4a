package hiring_test

import (
	"context"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/model/store"
	ui "companion/ui/hiring"
	"companion/ui/kit"
	"companion/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// salon is the hiring tab over a real database, as the interviewer (or
// the owner) sees it, with one candidate.
type salon struct {
	s    *store.Store // the owner's, to set up and to check
	as   *store.Store // the one the tab works with
	app  fyne.App
	w    fyne.Window
	tab  *ui.Tab
	cand hiring.Candidate
}

// newSalon makes the database with a candidate and a question of the bank.
func newSalon(t *testing.T, role model.Role) *salon {
	t.Helper()
	s, _ := uitest.OpenStore(t)
	sl := &salon{s: s, as: s.As(role), cand: hiring.Candidate{Name: "Кузнецова Мария", Phone: "8 916 111-22-33", Source: "hh.ru"}}
	ctx := context.Background()
	q := hiring.Question{Criterion: hiring.Knowledge, Text: "Расскажите, на основании чего вы составляете программу упражнений", Active: true}
	for _, err := range []error{s.SaveCandidate(ctx, &sl.cand), s.SaveQuestion(ctx, &q)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return sl
}

// open shows the tab in a window of 1366×768, a laptop's screen, of the
// app that remembers the interviewer's name on this computer; who (unless
// "") is the name it remembers.
func (sl *salon) open(t *testing.T, who string) {
	t.Helper()
	if sl.app == nil {
		sl.app = uitest.NewApp(t)
	}
	sl.w = sl.app.NewWindow("hiring")
	uitest.CloseAtEnd(t, sl.w)
	if who != "" {
		sl.app.Preferences().SetString(ui.PrefInterviewer, who)
	}
	sl.w.Resize(fyne.NewSize(1366, 768))
	uitest.Do(func() {
		sl.tab = ui.New(sl.w, sl.as, &kit.Changes{})
		sl.w.SetContent(sl.tab.Content())
	})
	uitest.Do(func() { sl.tab.Refresh(context.Background()) })
}

// openForm opens the interviewer's form of the candidate.
func (sl *salon) openForm(t *testing.T) {
	t.Helper()
	uitest.TapRow(t, sl.w, sl.cand.Name)
	uitest.Tap(t, sl.w, "Оценить")
}

// card is the form's card of a criterion, found by its title.
func card(t *testing.T, w fyne.Window, title string) *widget.Card {
	t.Helper()
	for _, c := range uitest.Shown[*widget.Card](w) {
		for _, o := range test.LaidOutObjects(c) {
			if l, ok := o.(*widget.Label); ok && l.Text == title {
				return c
			}
		}
	}
	t.Fatalf("no card titled %q; the window shows %q", title, uitest.Texts(w))
	return nil
}

// within are the objects of type T in o, in the order they are laid out.
func within[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	for _, x := range test.LaidOutObjects(o) {
		if v, ok := x.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

// press puts the cursor on f and presses the space bar, as a person who
// moves through the form with Tab ticks a box or picks a score.
func press(w fyne.Window, f fyne.Focusable) {
	uitest.Do(func() {
		w.Canvas().Focus(f)
		f.TypedRune(' ')
	})
}

// typeIn puts the cursor in e and types text key by key.
func typeIn(w fyne.Window, e *widget.Entry, text string) {
	uitest.Do(func() {
		w.Canvas().Focus(e)
		test.Type(e, text)
	})
}

// scoreWithKeys picks score n on a criterion's card from the keyboard.
func scoreWithKeys(t *testing.T, w fyne.Window, criterion string, n string) {
	t.Helper()
	radio := within[*widget.RadioGroup](card(t, w, criterion))[0]
	for _, o := range test.LaidOutObjects(radio) {
		v := reflect.ValueOf(o)
		if f, ok := o.(fyne.Focusable); ok && v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			if l := v.Elem().FieldByName("Label"); l.IsValid() && l.Kind() == reflect.String && l.String() == n {
				press(w, f)
				return
			}
		}
	}
	t.Fatalf("no score %s on %q", n, criterion)
}

// tick ticks, from the keyboard, the box on a criterion's card that reads
// text.
func tick(t *testing.T, w fyne.Window, criterion, text string) {
	t.Helper()
	for _, c := range within[*fyne.Container](card(t, w, criterion)) {
		if len(c.Objects) == 2 {
			l, isLabel := c.Objects[0].(*widget.Label)
			if ch, ok := c.Objects[1].(*widget.Check); ok && isLabel && l.Text == text {
				press(w, ch)
				return
			}
		}
	}
	t.Fatalf("no box %q on %q", text, criterion)
}

// notesOf is the notes entry of a criterion's card.
func notesOf(t *testing.T, w fyne.Window, criterion string) *widget.Entry {
	t.Helper()
	es := within[*widget.Entry](card(t, w, criterion))
	if len(es) == 0 {
		t.Fatalf("no notes on %q", criterion)
	}
	return es[len(es)-1]
}

// scoreOf is the score chosen on a criterion's card.
func scoreOf(t *testing.T, w fyne.Window, criterion string) string {
	t.Helper()
	return within[*widget.RadioGroup](card(t, w, criterion))[0].Selected
}

// scores are a form's scores in the criteria's order.
func scores(vals ...int) []hiring.Score {
	out := make([]hiring.Score, len(vals))
	for i, v := range vals {
		out[i] = hiring.Score{Criterion: hiring.Criteria[i], Score: v}
	}
	return out
}

// submitted stores a sent form of who with the scores.
func (sl *salon) submitted(t *testing.T, candidateID uint, who string, vals ...int) {
	t.Helper()
	ctx := context.Background()
	f := hiring.Form{CandidateID: candidateID, Interviewer: who, On: sl.s.Today(), Scores: scores(vals...)}
	if err := sl.s.SaveForm(ctx, &f); err != nil {
		t.Fatal(err)
	}
	if err := sl.s.SubmitForm(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
}

// dayRow is a task's line in the working-day test: its minutes, its drop
// box and its move up.
type dayRow struct {
	minutes *kit.KeyEntry
	drop    *widget.Check
	up      *widget.Button
}

// planRow finds the working-day test's line of the task titled title.
func planRow(t *testing.T, w fyne.Window, title string) dayRow {
	t.Helper()
	for _, c := range uitest.Shown[*fyne.Container](w) {
		for _, o := range c.Objects {
			if l, ok := o.(*widget.Label); ok && l.Text == title && len(within[*kit.KeyEntry](c)) == 1 {
				return dayRow{minutes: within[*kit.KeyEntry](c)[0], drop: within[*widget.Check](c)[0], up: within[*widget.Button](c)[0]}
			}
		}
	}
	t.Fatalf("no task %q in the test; the window shows %q", title, uitest.Texts(w))
	return dayRow{}
}
