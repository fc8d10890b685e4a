package today

import (
	"strings"
	"unicode/utf8"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// reasonRunes is how much of a specialist's reason a row of Today shows:
// enough to recall it; the whole of it is on the client's programs page.
const reasonRunes = 40

// behindRows are the programs behind their schedule: how many sessions the
// client had of those due by today first, as a narrow row cuts the end,
// then how much of the program is done and its title.
func behindRows(as []model.ProgramAlert) []agendaRow {
	rows := make([]agendaRow, len(as))
	for i, a := range as {
		pr := a.View.Progress
		why := i18n.T("today.programs.progress", map[string]any{"Done": pr.Done, "N": pr.Due, "Percent": pr.Percent}) +
			" · " + a.View.Program.Title
		rows[i] = agendaRow{clientID: a.Client.ID, name: a.Client.FullName(), why: why, page: kit.PagePrograms}
	}
	return rows
}

// recommendationRows are the recommendations waiting for the manager: the
// service and since when it waits first, then who recommended it and why.
func recommendationRows(rs []model.RecommendationRow) []agendaRow {
	rows := make([]agendaRow, len(rs))
	for i, r := range rs {
		key, on := "today.recs.since", r.On
		if !r.PostponedTo.IsZero() {
			key, on = "today.recs.postponed", r.PostponedTo
		}
		why := i18n.T(key, map[string]any{"Service": r.Service, "Date": on.Format(i18n.Lang())}) + " · " +
			i18n.T("today.recs.by", map[string]any{"Staff": model.ShortName(r.Staff), "Reason": shortReason(r.Reason)})
		rows[i] = agendaRow{clientID: r.Client.ID, name: r.Client.FullName(), why: why, page: kit.PagePrograms}
	}
	return rows
}

// shortReason is the reason on one line, cut after reasonRunes at a word's
// end with an ellipsis.
func shortReason(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= reasonRunes {
		return s
	}
	runes := []rune(s)
	cut := runes[:reasonRunes]
	for i := len(cut) - 1; runes[reasonRunes] != ' ' && i > reasonRunes/2; i-- {
		if cut[i] == ' ' {
			cut = cut[:i]
			break
		}
	}
	return strings.TrimRight(string(cut), " ,.;:—-") + "…"
}
