package clients

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/clientio"
	"companion/model/i18n"
	"companion/ui/kit"
)

// showImportPreview lists the rows of the file with their problems and asks
// whether to import all, only the good rows, or nothing. Under the table
// the highlighted row is told in full: each problem with the value as the
// file has it.
func (t *Tab) showImportPreview(name string, imp *clientio.Import) {
	good, bad := len(imp.Good()), len(imp.Bad())
	summary := widget.NewLabel(importSummary(name, imp))
	summary.Wrapping = fyne.TextWrapWord
	detail := widget.NewLabel(i18n.T("import.preview.pick"))
	detail.Wrapping = fyne.TextWrapWord
	table := importTable(imp)
	var body *fyne.Container
	table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(imp.Rows) {
			detail.SetText(importDetail(imp.Rows[id.Row]))
			body.Refresh() // the table gives the longer text its room
		}
	}
	var d dialog.Dialog
	all := widget.NewButton(i18n.T("clients.import.all"), func() { d.Hide(); t.runImport(imp, false) })
	all.Importance = widget.HighImportance
	onlyGood := widget.NewButton(i18n.T("clients.import.only_good", map[string]any{"N": good}), func() { d.Hide(); t.runImport(imp, true) })
	if bad > 0 || good == 0 {
		all.Disable()
	}
	if good == 0 || bad == 0 {
		onlyGood.Hide()
	}
	cancel := widget.NewButton(i18n.T("form.cancel"), func() { d.Hide() })
	bottom := container.NewVBox(widget.NewSeparator(), detail, container.NewHBox(all, onlyGood, cancel))
	body = container.NewBorder(summary, bottom, nil, nil, table)
	d = dialog.NewCustomWithoutButtons(i18n.T("clients.import.preview.title"), body, t.w)
	d.Resize(fyne.NewSize(900, 600))
	kit.TrackDialog(t.w, d)
	d.Show()
	if first := firstBad(imp); first >= 0 {
		table.Select(widget.TableCellID{Row: first, Col: 0})
	}
}

// importSummary says what the file holds and how it was read: a CSV
// file's encoding and delimiter, or a workbook's sheet and header row.
func importSummary(name string, imp *clientio.Import) string {
	args := map[string]any{"File": name, "Rows": len(imp.Rows), "Good": len(imp.Good()), "Bad": len(imp.Bad()),
		"Encoding": imp.Encoding, "Delimiter": imp.Delimiter, "Sheet": imp.Sheet, "Header": imp.HeaderRow}
	if imp.Sheet != "" {
		return i18n.T("xlsx.preview.summary", args)
	}
	return i18n.T("clients.import.preview.summary", args)
}

// firstBad is the index of the first row with a problem, or -1.
func firstBad(imp *clientio.Import) int {
	for i, r := range imp.Rows {
		if len(r.Errors) > 0 {
			return i
		}
	}
	return -1
}

// importTable shows each row: line, name, phone and what is wrong with it,
// cut with an ellipsis where the column ends (the line under the table
// tells the highlighted row whole).
func importTable(imp *clientio.Import) *widget.Table {
	rows := imp.Rows
	table := widget.NewTableWithHeaders(func() (int, int) { return len(rows), 4 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(importCell(rows[id.Row], id.Col))
			l.Importance = widget.MediumImportance
			if id.Col == 3 && len(rows[id.Row].Errors) > 0 {
				l.Importance = widget.DangerImportance
			}
			l.Refresh()
		})
	heads := []string{i18n.T("clients.import.col.line"), i18n.T("clients.import.col.name"), i18n.T("clients.import.col.phone"), i18n.T("clients.import.col.check")}
	table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(heads[id.Col])
		}
	}
	table.ShowHeaderColumn = false
	for col, w := range []float32{70, 280, 170, 340} {
		table.SetColumnWidth(col, w)
	}
	return table
}

// importCell is the text of one cell of the preview.
func importCell(r clientio.Row, col int) string {
	switch col {
	case 0:
		return fmt.Sprint(r.Line)
	case 1:
		return r.Client.FullName()
	case 2:
		return importPhone(r)
	}
	if len(r.Errors) == 0 {
		return i18n.T("clients.import.row.ok")
	}
	msgs := make([]string, len(r.Errors))
	for i, e := range r.Errors {
		msgs[i] = i18n.T(e.Key, e.Args)
	}
	return strings.Join(msgs, "; ")
}

// importPhone is the phone of a row: as the file has it when it could not
// be read (never dressed up as a number it is not), else formatted.
func importPhone(r clientio.Row) string {
	for _, e := range r.Errors {
		if e.Field == "phone" && e.Key == "err.phone.invalid" {
			return r.Client.Phone
		}
	}
	return model.FormatPhone(r.Client.Phone)
}

// importFields name the fields of a client an import reads.
var importFields = map[string]string{
	"last_name": "client.last_name", "first_name": "client.first_name", "middle_name": "client.middle_name",
	"phone": "client.phone", "email": "client.email", "birth_date": "client.birth_date",
	"marketing_consent": "client.marketing_consent", "tags": "client.tags", "notes": "client.notes",
	"source": "client.source",
}

// importDetail tells one row whole: where it is, whose it is, and each
// problem with the field's name and the value the file has there.
func importDetail(r clientio.Row) string {
	head := map[string]any{"Line": r.Line, "Name": r.Client.FullName()}
	if len(r.Errors) == 0 {
		return i18n.T("import.preview.row_ok", head)
	}
	lines := []string{i18n.T("import.preview.row_bad", head)}
	for _, e := range r.Errors {
		msg := i18n.T(e.Key, e.Args)
		field, ok := importFields[e.Field]
		if !ok {
			lines = append(lines, "• "+msg)
			continue
		}
		args := map[string]any{"Field": i18n.T(field), "Value": importValue(r, e), "Message": msg}
		key := "import.preview.problem"
		if args["Value"] == "" {
			key = "import.preview.problem_empty"
		}
		lines = append(lines, "• "+i18n.T(key, args))
	}
	return strings.Join(lines, "\n")
}

// importValue is what the file has in the field of problem e.
func importValue(r clientio.Row, e *model.FieldError) string {
	if v, ok := e.Args["Value"].(string); ok {
		return v
	}
	c := r.Client
	switch e.Field {
	case "phone":
		return importPhone(r)
	case "email":
		return c.Email
	case "last_name":
		return c.LastName
	case "first_name":
		return c.FirstName
	case "middle_name":
		return c.MiddleName
	case "tags":
		return c.Tags
	case "notes":
		return c.Notes
	}
	return ""
}
