package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
)

// WeekdaysInput picks days of the week, Monday first: the days a client
// likes to come, the days a program is placed on.
type WeekdaysInput struct {
	Checks    [7]*widget.Check
	OnChanged func(model.Weekdays) // after a day is ticked or cleared by hand
	box       *fyne.Container
	setting   bool
}

// NewWeekdaysInput makes the seven ticks, labelled in the language.
func NewWeekdaysInput() *WeekdaysInput {
	in := &WeekdaysInput{box: container.NewHBox()}
	for i := range in.Checks {
		in.Checks[i] = widget.NewCheck(i18n.T(fmt.Sprintf("weekday.short.%d", i)), func(bool) {
			if !in.setting && in.OnChanged != nil {
				in.OnChanged(in.Value())
			}
		})
		in.box.Add(in.Checks[i])
	}
	return in
}

// Content is the row of ticks.
func (in *WeekdaysInput) Content() fyne.CanvasObject { return in.box }

// Value is the days ticked.
func (in *WeekdaysInput) Value() model.Weekdays {
	var w model.Weekdays
	for i, c := range in.Checks {
		if c.Checked {
			w |= 1 << i
		}
	}
	return w
}

// SetValue ticks the days of w, without calling OnChanged.
func (in *WeekdaysInput) SetValue(w model.Weekdays) {
	in.setting = true
	defer func() { in.setting = false }()
	for i, c := range in.Checks {
		c.SetChecked(w.Has(i))
	}
}
