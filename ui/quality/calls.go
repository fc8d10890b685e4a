package quality

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// callCard is the call being made: whom to call, the standards to ask
// about as ticks, the NPS question, a comment and what the call came to.
type callCard struct {
	rp      *roundsPage
	call    model.CheckCall
	name    *widget.Label
	phone   *widget.Label
	marks   *fyne.Container
	checks  []*widget.Check
	nps     *widget.Select
	comment *widget.Entry
	state   *widget.Select
	save    *widget.Button
	fields  map[string]*kit.Field
	body    *fyne.Container
	none    *widget.Label
	root    fyne.CanvasObject
}

func newCallCard(rp *roundsPage) *callCard {
	c := &callCard{rp: rp, name: widget.NewLabel(""), phone: widget.NewLabel(""), marks: container.NewVBox()}
	c.name.TextStyle.Bold = true
	c.name.SizeName = theme.SizeNameSubHeadingText
	npsOpts := []string{i18n.T("round.nps.none")}
	for i := 0; i <= 10; i++ {
		npsOpts = append(npsOpts, strconv.Itoa(i))
	}
	c.nps = widget.NewSelect(npsOpts, nil)
	c.comment = widget.NewMultiLineEntry()
	c.comment.Wrapping = fyne.TextWrapWord
	c.comment.SetMinRowsVisible(3)
	states := make([]string, len(model.CallStates))
	for i, s := range model.CallStates {
		states[i] = i18n.T("round.call." + s)
	}
	c.state = widget.NewSelect(states, nil)
	c.save = widget.NewButtonWithIcon(i18n.T("round.call.save"), theme.DocumentSaveIcon(), c.record)
	c.save.Importance = widget.HighImportance
	c.fields = fieldMap(kit.NewField("nps", i18n.T("round.nps"), c.nps), kit.NewField("comment", i18n.T("round.comment"), c.comment),
		kit.NewField("state", i18n.T("round.call.state"), c.state))
	c.body = container.NewVBox(c.name, c.phone, heading(i18n.T("round.marks")), c.marks,
		kit.FieldGrid(c.fields["nps"], c.fields["comment"], c.fields["state"]), container.NewHBox(c.save))
	c.none = kit.Wrapped(i18n.T("round.card.none"))
	c.none.Importance = widget.LowImportance
	c.root = container.NewStack(c.none, container.NewVScroll(c.body))
	c.clear()
	return c
}

// clear shows no card until a call is chosen.
func (c *callCard) clear() {
	c.root.(*fyne.Container).Objects[1].Hide()
	c.none.Show()
}

// show fills the card with call.
func (c *callCard) show(call model.CheckCall) {
	c.call = call
	c.none.Hide()
	c.root.(*fyne.Container).Objects[1].Show()
	c.name.SetText(c.rp.callName(call))
	c.phone.Hidden = call.ClientID == nil
	if call.ClientID != nil {
		c.phone.SetText(model.FormatPhone(c.rp.names[*call.ClientID].Phone))
	}
	c.marks.RemoveAll()
	c.checks = nil
	for _, m := range call.Marks {
		check := widget.NewCheck("", nil)
		check.SetChecked(m.Kept)
		text := kit.Wrapped(c.rp.stds[m.StandardID].Text)
		c.checks = append(c.checks, check)
		c.marks.Add(container.NewBorder(nil, nil, check, nil, text))
	}
	if len(call.Marks) == 0 {
		c.marks.Add(kit.Wrapped(i18n.T("round.marks.none")))
	}
	c.nps.SetSelectedIndex(0)
	if call.NPS != nil {
		c.nps.SetSelectedIndex(*call.NPS + 1)
	}
	c.comment.SetText(call.Comment)
	for i, s := range model.CallStates {
		if s == call.State {
			c.state.SetSelectedIndex(i)
		}
	}
	for _, f := range c.fields {
		f.SetError("")
	}
	c.body.Refresh()
}

// record stores what the call came to.
func (c *callCard) record() {
	call := c.call
	call.Marks = append([]model.CheckMark(nil), c.call.Marks...)
	for i := range call.Marks {
		call.Marks[i].Kept = c.checks[i].Checked
	}
	call.NPS = nil
	if i := c.nps.SelectedIndex(); i > 0 {
		n := i - 1
		call.NPS = &n
	}
	call.Comment = c.comment.Text
	if i := c.state.SelectedIndex(); i >= 0 {
		call.State = model.CallStates[i]
	}
	kit.SubmitForm(c.rp.p.w, c.fields, nil, nil, func() error { return c.rp.p.s.RecordCall(context.Background(), &call) },
		func() {}, c.rp.p.written)
}
