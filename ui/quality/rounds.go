package quality

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// roundsPage is the check rounds: the round chosen, how far its calls
// have come, its call cards and the card being filled in.
type roundsPage struct {
	p         *Pages
	rounds    []model.CheckRound
	chosen    uint // the round shown; 0 for the newest
	calls     []model.CheckCall
	names     map[uint]model.ClientRow
	stds      map[uint]model.Standard
	staff     map[uint]model.Staff
	staffList []model.Staff // those who work first, then by name
	pick      *widget.Select
	done      *widget.Label
	bar       *widget.ProgressBar
	list      *widget.List
	card      *callCard
	empty     kit.EmptyNote
	seq       int
	current   int // the call the card shows; -1 for none
	root      fyne.CanvasObject
}

func newRoundsPage(p *Pages) *roundsPage {
	rp := &roundsPage{p: p, done: widget.NewLabel(""), bar: widget.NewProgressBar(), current: -1}
	rp.pick = widget.NewSelect(nil, func(string) {
		if i := rp.pick.SelectedIndex(); i >= 0 && i < len(rp.rounds) && rp.rounds[i].ID != rp.chosen {
			rp.chosen = rp.rounds[i].ID
			rp.refresh(context.Background())
		}
	})
	rp.pick.PlaceHolder = i18n.T("round.none")
	calls := widget.NewButtonWithIcon(i18n.T("round.start.calls"), theme.ContentAddIcon(), rp.startCalls)
	calls.Importance = widget.HighImportance
	mystery := widget.NewButtonWithIcon(i18n.T("round.start.mystery"), theme.ContentAddIcon(), rp.startMystery)
	top := container.NewBorder(nil, nil, heading(i18n.T("round.heading")), container.NewHBox(calls, mystery), rp.pick)
	progress := container.NewGridWithColumns(2, rp.done, rp.bar)
	rp.list = widget.NewList(func() int { return len(rp.calls) },
		func() fyne.CanvasObject { return container.NewVBox(truncLabel(true), truncLabel(false)) },
		func(i widget.ListItemID, o fyne.CanvasObject) { rp.showCall(o.(*fyne.Container), rp.calls[i]) })
	rp.list.OnSelected = func(i widget.ListItemID) { rp.showCard(i) }
	rp.card = newCallCard(rp)
	rp.empty = kit.NewEmptyNote(i18n.T("round.empty", map[string]any{"Days": model.AskedWithinDays}))
	split := container.NewHSplit(rp.empty.Over(rp.list), rp.card.root)
	split.Offset = 0.38
	rp.root = container.NewPadded(container.NewBorder(container.NewVBox(top, progress), nil, nil, nil, split))
	return rp
}

func (rp *roundsPage) content() fyne.CanvasObject { return rp.root }

// roundData is what the page shows of the round chosen.
type roundData struct {
	rounds    []model.CheckRound
	calls     []model.CheckCall
	names     map[uint]model.ClientRow
	stds      map[uint]model.Standard
	staff     map[uint]model.Staff
	staffList []model.Staff
}

func (rp *roundsPage) refresh(ctx context.Context) {
	rp.seq++
	seq, chosen := rp.seq, rp.chosen
	kit.Background(func() {
		d, err := rp.read(ctx, chosen)
		fyne.Do(func() {
			if seq != rp.seq {
				return
			}
			if err != nil {
				kit.ShowError(err, rp.p.w)
				return
			}
			rp.show(d)
		})
	})
}

// read gathers the rounds, the calls of the one chosen (the newest when
// none is), and the names and standards the cards show.
func (rp *roundsPage) read(ctx context.Context, chosen uint) (roundData, error) {
	d := roundData{names: map[uint]model.ClientRow{}, stds: map[uint]model.Standard{}, staff: map[uint]model.Staff{}}
	var err error
	if d.staffList, err = rp.p.s.AllStaff(ctx); err != nil {
		return d, err
	}
	for _, st := range d.staffList {
		d.staff[st.ID] = st
	}
	if d.rounds, err = rp.p.s.Rounds(ctx); err != nil || len(d.rounds) == 0 {
		return d, err
	}
	id := d.rounds[0].ID
	for _, r := range d.rounds {
		if r.ID == chosen {
			id = chosen
		}
	}
	if d.calls, err = rp.p.s.RoundCalls(ctx, id); err != nil {
		return d, err
	}
	stds, err := rp.p.s.Standards(ctx)
	if err != nil {
		return d, err
	}
	for _, st := range stds {
		d.stds[st.ID] = st
	}
	return d, rp.readNames(ctx, d)
}

// readNames finds the names and phones of the round's clients: the client
// list at once, a client no longer on it one by one.
func (rp *roundsPage) readNames(ctx context.Context, d roundData) error {
	rows, err := rp.p.s.ListClients(ctx, model.ClientQuery{Limit: model.ListLimit})
	if err != nil {
		return err
	}
	for _, r := range rows {
		d.names[r.ID] = r
	}
	for _, c := range d.calls {
		if c.ClientID == nil {
			continue
		}
		if _, ok := d.names[*c.ClientID]; !ok {
			cl, err := rp.p.s.Client(ctx, *c.ClientID)
			if err != nil {
				return err
			}
			d.names[cl.ID] = model.ClientRow{ID: cl.ID, LastName: cl.LastName, FirstName: cl.FirstName,
				MiddleName: cl.MiddleName, Phone: cl.Phone}
		}
	}
	return nil
}

func (rp *roundsPage) show(d roundData) {
	rp.rounds, rp.calls, rp.names, rp.stds, rp.staff, rp.staffList = d.rounds, d.calls, d.names, d.stds, d.staff, d.staffList
	names := make([]string, len(d.rounds))
	at := -1
	for i, r := range d.rounds {
		names[i] = rp.roundLine(r)
		if r.ID == rp.chosen || at < 0 && i == 0 {
			at = i
		}
	}
	rp.pick.Options = names
	if at >= 0 {
		rp.chosen = d.rounds[at].ID
		rp.pick.SetSelectedIndex(at)
	}
	rp.pick.Refresh()
	rp.showProgress()
	rp.empty.Follow(len(d.calls))
	rp.list.UnselectAll()
	rp.list.Refresh()
	if rp.current >= 0 && rp.current < len(rp.calls) {
		rp.list.Select(rp.current)
	} else {
		rp.current = -1
		rp.card.clear()
	}
}

// showProgress says how many calls were made of all the round's.
func (rp *roundsPage) showProgress() {
	count := map[string]int{}
	for _, c := range rp.calls {
		count[c.State]++
	}
	n := len(rp.calls)
	rp.done.SetText(i18n.T("round.progress", map[string]any{"Done": count[model.CallDone], "N": n,
		"Unreachable": count[model.CallUnreachable], "Refused": count[model.CallRefused]}))
	rp.bar.Max = float64(max(n, 1))
	rp.bar.SetValue(float64(n - count[model.CallPending]))
}

// roundLine is a round as the picker shows it.
func (rp *roundsPage) roundLine(r model.CheckRound) string {
	lang := i18n.Lang()
	parts := []string{r.Title, r.From.Format(lang) + "–" + r.To.Format(lang)}
	switch {
	case r.Kind == model.RoundMystery && r.StaffID != nil:
		parts = append(parts, i18n.T("round.kind.mystery")+": "+rp.staff[*r.StaffID].Name)
	case r.Sample > 0:
		parts = append(parts, i18n.T("round.sample.line", map[string]any{"N": r.Sample, "Seed": r.Seed}))
	default:
		parts = append(parts, i18n.T("round.sample.all"))
	}
	return strings.Join(parts, " · ")
}

// callName is who a call card is about: the client, or the staff member a
// mystery client checks.
func (rp *roundsPage) callName(c model.CheckCall) string {
	if c.ClientID != nil {
		return rp.names[*c.ClientID].FullName()
	}
	for _, r := range rp.rounds {
		if r.ID == c.RoundID && r.StaffID != nil {
			return i18n.T("round.mystery.card", map[string]any{"Name": rp.staff[*r.StaffID].Name})
		}
	}
	return i18n.T("round.kind.mystery")
}

func (rp *roundsPage) showCall(box *fyne.Container, c model.CheckCall) {
	box.Objects[0].(*widget.Label).SetText(rp.callName(c))
	state := box.Objects[1].(*widget.Label)
	line := i18n.T("round.call." + c.State)
	if c.NPS != nil {
		line += " · " + i18n.T("round.nps.short", map[string]any{"N": *c.NPS})
	}
	state.Importance = widget.MediumImportance
	if c.State == model.CallPending {
		state.Importance = widget.LowImportance
	}
	state.SetText(line)
}

func (rp *roundsPage) showCard(i int) {
	if i < 0 || i >= len(rp.calls) {
		return
	}
	rp.current = i
	rp.card.show(rp.calls[i])
}
