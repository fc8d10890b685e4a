package today

import (
	"strings"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// complaintsTitle is the title of the complaints open too long: «Жалобы
// без ответа дольше 3 дней».
func complaintsTitle() string {
	return i18n.T("feedback.today.overdue", map[string]any{"N": model.OverdueDays})
}

// complaintRows are the complaints open longer than model.OverdueDays, the
// oldest first: how long each has waited first, as a narrow row cuts the
// end, then whom it is about and the client's words. A row opens the
// client's feedback page.
func complaintRows(as []model.ComplaintAlert, today model.Date) []agendaRow {
	rows := make([]agendaRow, len(as))
	for i, a := range as {
		parts := []string{i18n.T("feedback.overdue", map[string]any{"N": today.DaysSince(a.Feedback.On)})}
		if a.Staff != "" {
			parts = append(parts, model.ShortName(a.Staff))
		}
		parts = append(parts, shortReason(a.Feedback.Words))
		rows[i] = agendaRow{clientID: a.Client.ID, name: a.Client.FullName(), why: strings.Join(parts, " · "),
			urgent: true, page: kit.PageFeedback}
	}
	return rows
}
