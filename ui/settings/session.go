package settings

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

// SessionStore keeps what guards a window left alone: the idle lock's
// minutes and the owner's recovery code.
type SessionStore interface {
	IdleLockMinutes(ctx context.Context) (int, error)
	SetIdleLockMinutes(ctx context.Context, minutes int) error
	HasRecoveryCode(ctx context.Context) (bool, error)
}

// sessionSettings are the owner's rows about a window left alone: after how
// long it locks, and the recovery code of the owner's PIN. Both are the
// database's, so they hold on every PC and only the owner changes them.
type sessionSettings struct {
	w fyne.Window
	s interface {
		SessionStore
		kit.PINStore
	}
	changed  func() // tells the window the idle lock changed
	idle     *widget.Select
	loading  bool // the choice is being set from what was read
	recovery *widget.Label
	newCode  *widget.Button
}

func newSessionSettings(w fyne.Window, s SafetyStore, changed func()) *sessionSettings {
	x := &sessionSettings{w: w, s: s, changed: changed}
	labels := make([]string, len(model.IdleLockChoices))
	for i, n := range model.IdleLockChoices {
		labels[i] = idleLabel(n)
	}
	x.idle = widget.NewSelect(labels, func(label string) {
		if !x.loading {
			x.setIdle(label)
		}
	})
	x.recovery = kit.Wrapped("")
	x.newCode = widget.NewButtonWithIcon(i18n.T("session.recovery.new"), theme.AccountIcon(), x.issueCode)
	return x
}

// idleLabel is how a choice of the idle lock reads.
func idleLabel(minutes int) string {
	if minutes == 0 {
		return i18n.T("session.idle.never")
	}
	return i18n.T("session.idle.minutes", map[string]any{"N": minutes})
}

// rows are the settings' rows: the idle lock and the recovery code.
func (x *sessionSettings) rows() (idle, recovery kit.FormRow) {
	hint := kit.Wrapped(i18n.T("session.idle.hint"))
	hint.Importance = widget.LowImportance
	return kit.NewField("idle_lock", i18n.T("session.idle"), container.NewVBox(x.idle, hint)),
		kit.NewField("recovery", i18n.T("ownercode.code"), container.NewVBox(x.recovery, container.NewHBox(x.newCode)))
}

func (x *sessionSettings) refresh(ctx context.Context) {
	kit.Background(func() {
		minutes, err := x.s.IdleLockMinutes(ctx)
		var has, pins bool
		if err == nil {
			has, err = x.s.HasRecoveryCode(ctx)
		}
		if err == nil {
			pins, err = x.s.HasPIN(ctx, model.RoleOwner)
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, x.w)
				return
			}
			x.loading = true
			x.idle.SetSelected(idleLabel(minutes))
			x.loading = false
			x.showRecovery(has, pins)
		})
	})
}

// showRecovery says whether the owner has a code; without an owner's PIN
// there is nothing for one to reset.
func (x *sessionSettings) showRecovery(has, pins bool) {
	switch {
	case !pins:
		x.recovery.SetText(i18n.T("safety.pins.single"))
		x.newCode.Disable()
		return
	case has:
		x.recovery.SetText(i18n.T("session.recovery.set"))
		x.recovery.Importance = widget.MediumImportance
	default:
		x.recovery.SetText(i18n.T("session.recovery.unset"))
		x.recovery.Importance = widget.WarningImportance
	}
	x.recovery.Refresh()
	x.newCode.Enable()
}

func (x *sessionSettings) setIdle(label string) {
	minutes := model.DefaultIdleLockMinutes
	for _, n := range model.IdleLockChoices {
		if idleLabel(n) == label {
			minutes = n
		}
	}
	kit.Background(func() {
		err := x.s.SetIdleLockMinutes(context.Background(), minutes)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, x.w)
				return
			}
			x.changed()
		})
	})
}

// issueCode gives the owner a new recovery code, shown once; the one
// before stops working.
func (x *sessionSettings) issueCode() {
	x.newCode.Disable()
	kit.Background(func() {
		code, err := x.s.NewRecoveryCode(context.Background())
		fyne.Do(func() {
			x.newCode.Enable()
			if err != nil {
				kit.ShowError(err, x.w)
				return
			}
			kit.ShowRecoveryCode(x.w, code, nil)
			x.refresh(context.Background())
		})
	})
}
