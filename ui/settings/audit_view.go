package settings

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// AuditStore is what the audit log viewer needs from the database.
type AuditStore interface {
	AuditLog(ctx context.Context, limit, offset int) ([]model.AuditEntry, error)
	VerifyAudit(ctx context.Context) (checked int, err error)
}

// auditPage is how many entries the viewer reads at a time.
const auditPage = 200

// auditView shows the owner the audit log, newest first, and checks that no
// entry was altered or removed.
type auditView struct {
	w       fyne.Window
	s       AuditStore
	entries []model.AuditEntry
	table   *widget.Table
	empty   *widget.Label
	more    *widget.Button
	verify  *widget.Button
	result  *widget.Label
	root    fyne.CanvasObject
}

// auditColumns are the table's columns: when, role, action, record, fields.
var auditWidths = []float32{150, 170, 150, 190, 320}

func newAuditView(w fyne.Window, s AuditStore) *auditView {
	v := &auditView{w: w, s: s}
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.entries), len(auditWidths) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			if id.Row < len(v.entries) {
				l.SetText(auditCell(v.entries[id.Row], id.Col))
			}
		})
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(auditHeader(id.Col))
		}
	}
	for i, wd := range auditWidths {
		v.table.SetColumnWidth(i, wd)
	}
	v.empty = widget.NewLabel(i18n.T("safety.audit.empty"))
	v.empty.Importance = widget.LowImportance
	v.empty.Hide()
	v.more = widget.NewButton(i18n.T("safety.audit.more"), v.loadMore)
	v.more.Hide()
	v.verify = widget.NewButtonWithIcon(i18n.T("safety.audit.verify"), theme.ConfirmIcon(), v.check)
	v.result = kit.Wrapped("")
	v.result.Hide()
	// The table scrolls on its own; give it room inside the settings page.
	room := canvas.NewRectangle(nil)
	room.SetMinSize(fyne.NewSize(0, 320))
	v.root = container.NewBorder(nil, container.NewVBox(container.NewHBox(v.verify, v.more), v.result), nil, nil,
		container.NewStack(room, v.table, container.NewCenter(v.empty)))
	return v
}

func (v *auditView) content() fyne.CanvasObject { return v.root }

// refresh reads the newest page again.
func (v *auditView) refresh(ctx context.Context) {
	kit.Background(func() {
		entries, err := v.s.AuditLog(ctx, auditPage, 0)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, v.w)
				return
			}
			v.show(entries)
		})
	})
}

// loadMore adds the next older page under the ones shown.
func (v *auditView) loadMore() {
	offset := len(v.entries)
	v.more.Disable()
	kit.Background(func() {
		older, err := v.s.AuditLog(context.Background(), auditPage, offset)
		fyne.Do(func() {
			v.more.Enable()
			if err != nil {
				kit.ShowError(err, v.w)
				return
			}
			v.show(append(v.entries[:offset:offset], older...))
		})
	})
}

func (v *auditView) show(entries []model.AuditEntry) {
	v.entries = entries
	v.table.Refresh()
	if len(entries) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
	if len(entries) > 0 && len(entries)%auditPage == 0 {
		v.more.Show()
	} else {
		v.more.Hide()
	}
}

// check walks the whole chain and says whether it holds.
func (v *auditView) check() {
	v.verify.Disable()
	kit.Background(func() {
		n, err := v.s.VerifyAudit(context.Background())
		fyne.Do(func() {
			v.verify.Enable()
			if _, broken := model.AuditBrokenAt(err); err != nil && !broken {
				kit.ShowError(err, v.w)
				return
			}
			if err != nil {
				v.result.Importance = widget.DangerImportance
				v.result.SetText(i18n.ErrorText(err))
			} else {
				v.result.Importance = widget.SuccessImportance
				v.result.SetText(i18n.T("safety.audit.intact", map[string]any{"N": n}))
			}
			v.result.Show()
		})
	})
}

func auditHeader(col int) string {
	switch col {
	case 0:
		return i18n.T("safety.audit.when")
	case 1:
		return i18n.T("safety.audit.role")
	case 2:
		return i18n.T("safety.audit.action")
	case 3:
		return i18n.T("safety.audit.record")
	}
	return i18n.T("safety.audit.fields")
}

// auditCell is the text of one cell: the time in local time, the role,
// the action and record in words, the fields by their names on the forms.
func auditCell(e model.AuditEntry, col int) string {
	switch col {
	case 0:
		layout := "2006-01-02 15:04:05"
		if i18n.Lang() == "ru" {
			layout = "02.01.2006 15:04:05"
		}
		return e.At.In(time.Local).Format(layout)
	case 1:
		return i18n.T("role." + string(e.Role))
	case 2:
		return auditAction(e.Action)
	case 3:
		return auditRecord(e)
	}
	if e.Table == "pins" || e.Table == "signin_state" || e.Table == "recovery_code" {
		return i18n.T("role." + e.Fields)
	}
	if e.Table == "access_mode" {
		return auditMode(e.Fields)
	}
	var names []string
	for _, f := range strings.Split(e.Fields, ",") {
		names = append(names, auditField(e.Table, f))
	}
	return strings.Join(names, ", ")
}

func auditAction(a string) string {
	switch a {
	case "create":
		return i18n.T("safety.action.create")
	case "update":
		return i18n.T("safety.action.update")
	case "delete":
		return i18n.T("safety.action.delete")
	case "anonymize":
		return i18n.T("safety.action.anonymize")
	case "restore":
		return i18n.T("safety.action.restore")
	case "lockout":
		return i18n.T("safety.action.lockout")
	case "reset":
		return i18n.T("safety.action.reset")
	}
	return a
}

func auditRecord(e model.AuditEntry) string {
	args := map[string]any{"ID": e.RecordID, "Name": e.Client}
	named := map[string]string{"clients": "safety.record.client.named",
		"assessments": "safety.record.assessment.named", "visits": "safety.record.visit.named",
		"assessment_photos": "photo.audit.record.named"}
	if key, ok := named[e.Table]; ok && e.Client != "" {
		return i18n.T(key, args)
	}
	switch e.Table {
	case "clients":
		return i18n.T("safety.record.client", args)
	case "assessments":
		return i18n.T("safety.record.assessment", args)
	case "visits":
		return i18n.T("safety.record.visit", args)
	case "assessment_photos":
		return i18n.T("photo.audit.record", args)
	case "pins":
		return i18n.T("safety.record.pin")
	case "access_mode":
		return i18n.T("safety.record.access_mode")
	case "signin_state":
		return i18n.T("safety.record.signin")
	case "recovery_code":
		return i18n.T("safety.record.recovery")
	case "salon_settings":
		return i18n.T("safety.record.settings")
	}
	if e.RecordID == 0 {
		return e.Table
	}
	return i18n.T("safety.record.other", map[string]any{"Table": e.Table, "ID": e.RecordID})
}

func auditMode(m string) string {
	if m == model.AccessSingle {
		return i18n.T("safety.mode.single")
	}
	return i18n.T("safety.mode.pins")
}

// safetySection is the owner's part of the settings: PINs, the idle lock,
// the recovery code and the audit log.
type safetySection struct {
	s       SafetyStore
	pins    *pinSettings
	session *sessionSettings
	audit   *auditView
}

// SafetyStore is what the safety section of the settings needs.
type SafetyStore interface {
	kit.PINStore
	SessionStore
	AuditStore
	kit.RoleStore
}

// newSafetySection builds the section; changed tells the window that how
// people get in changed (the PINs, the idle lock).
func newSafetySection(w fyne.Window, s SafetyStore, changed func()) *safetySection {
	x := &safetySection{s: s, session: newSessionSettings(w, s, changed), audit: newAuditView(w, s)}
	x.pins = newPINSettings(w, s, func() { x.session.refresh(context.Background()); changed() })
	return x
}

// refresh reads the PINs and the log; for a role other than the owner the
// section is hidden with the settings tab, and reads nothing.
func (s *safetySection) refresh(ctx context.Context) {
	if !model.Allowed(s.s.Role(), model.AreaAudit, model.Read) {
		return
	}
	s.pins.refresh(ctx)
	s.session.refresh(ctx)
	s.audit.refresh(ctx)
}
