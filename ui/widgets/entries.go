package widgets

import (
	"strings"

	"fyne.io/fyne/v2"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// MoneyEntry is a text input for an amount of roubles, typed any way a
// person types it («1 500», «1500,50», «1,500.50 ₽»). Esc closes the dialog
// it is in.
type MoneyEntry struct {
	kit.KeyEntry
	// Optional: an empty entry is zero rather than a mistake.
	Optional bool
}

// NewMoneyEntry is a money input for a form in w.
func NewMoneyEntry(w fyne.Window) *MoneyEntry {
	e := &MoneyEntry{}
	e.Keys = escCloses(w)
	e.ExtendBaseWidget(e)
	return e
}

// Value is the amount typed, or the error to show under field when it is
// not one (nil when it is).
func (e *MoneyEntry) Value(field string) (model.Money, *model.FieldError) {
	if e.Optional && strings.TrimSpace(e.Text) == "" {
		return 0, nil
	}
	m, err := model.ParseMoney(e.Text)
	if err != nil {
		return 0, &model.FieldError{Field: field, Key: "err.money.format"}
	}
	return m, nil
}

// SetValue shows m in the language's way, without the rouble sign.
func (e *MoneyEntry) SetValue(m model.Money) {
	e.SetText(strings.TrimSuffix(m.Format(i18n.Lang()), "\u00a0₽"))
}

// DateEntry is a text input for a day, ДД.ММ.ГГГГ. Esc closes the dialog
// it is in.
type DateEntry struct {
	kit.KeyEntry
	// Optional: an empty entry is no date rather than a mistake.
	Optional bool
}

// NewDateEntry is a date input for a form in w, showing the format it takes.
func NewDateEntry(w fyne.Window) *DateEntry {
	e := &DateEntry{}
	e.Keys = escCloses(w)
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(i18n.T("date.placeholder"))
	return e
}

// Value is the day typed, or the error to show under field when it is not
// one (nil when it is).
func (e *DateEntry) Value(field string) (model.Date, *model.FieldError) {
	d, err := model.ParseDateIn(e.Text, i18n.Lang())
	if err != nil || d.IsZero() && !e.Optional {
		return model.Date{}, model.DateError(field, err)
	}
	return d, nil
}

// SetValue shows d in the language's way; a zero d empties the entry.
func (e *DateEntry) SetValue(d model.Date) {
	if d.IsZero() {
		e.SetText("")
		return
	}
	e.SetText(d.Format(i18n.Lang()))
}

func escCloses(w fyne.Window) map[fyne.KeyName]func() {
	return map[fyne.KeyName]func(){fyne.KeyEscape: func() { kit.CloseTopDialog(w) }}
}
