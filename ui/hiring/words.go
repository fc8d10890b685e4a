package hiring

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/hiring"
	"companion/model/i18n"
)

// guide is what the form says of a criterion, from the seed's table «Что
// тестируем / Инструмент / Интерпретация результатов»: how it is tested,
// what to watch, what a score of 1, 3 and 5 looks like, and the signs to
// tick as they are observed.
type guide struct {
	how, watch string
	anchors    [3]string // 1, 3 and 5
	signs      []string
}

// guides are the six criteria's, by criterion.
var guides = map[string]guide{
	hiring.Knowledge: {how: "hiring.guide.knowledge.how", watch: "hiring.guide.knowledge.watch",
		anchors: [3]string{"hiring.guide.knowledge.a1", "hiring.guide.knowledge.a3", "hiring.guide.knowledge.a5"},
		signs: []string{"hiring.guide.knowledge.s1", "hiring.guide.knowledge.s2", "hiring.guide.knowledge.s3",
			"hiring.guide.knowledge.s4", "hiring.guide.knowledge.s5"}},
	hiring.Communicability: {how: "hiring.guide.communicability.how", watch: "hiring.guide.communicability.watch",
		anchors: [3]string{"hiring.guide.communicability.a1", "hiring.guide.communicability.a3", "hiring.guide.communicability.a5"},
		signs: []string{"hiring.guide.communicability.s1", "hiring.guide.communicability.s2", "hiring.guide.communicability.s3",
			"hiring.guide.communicability.s4", "hiring.guide.communicability.s5"}},
	hiring.Positivity: {how: "hiring.guide.positivity.how", watch: "hiring.guide.positivity.watch",
		anchors: [3]string{"hiring.guide.positivity.a1", "hiring.guide.positivity.a3", "hiring.guide.positivity.a5"},
		signs: []string{"hiring.guide.positivity.s1", "hiring.guide.positivity.s2", "hiring.guide.positivity.s3",
			"hiring.guide.positivity.s4", "hiring.guide.positivity.s5", "hiring.guide.positivity.s6"}},
	hiring.Organisation: {how: "hiring.guide.organisation.how", watch: "hiring.guide.organisation.watch",
		anchors: [3]string{"hiring.guide.organisation.a1", "hiring.guide.organisation.a3", "hiring.guide.organisation.a5"},
		signs: []string{"hiring.guide.organisation.s1", "hiring.guide.organisation.s2", "hiring.guide.organisation.s3",
			"hiring.guide.organisation.s4"}},
	hiring.Stress: {how: "hiring.guide.stress.how", watch: "hiring.guide.stress.watch",
		anchors: [3]string{"hiring.guide.stress.a1", "hiring.guide.stress.a3", "hiring.guide.stress.a5"},
		signs: []string{"hiring.guide.stress.s1", "hiring.guide.stress.s2", "hiring.guide.stress.s3",
			"hiring.guide.stress.s4", "hiring.guide.stress.s5"}},
	hiring.Responsibility: {how: "hiring.guide.responsibility.how", watch: "hiring.guide.responsibility.watch",
		anchors: [3]string{"hiring.guide.responsibility.a1", "hiring.guide.responsibility.a3", "hiring.guide.responsibility.a5"},
		signs: []string{"hiring.guide.responsibility.s1", "hiring.guide.responsibility.s2", "hiring.guide.responsibility.s3",
			"hiring.guide.responsibility.s4", "hiring.guide.responsibility.s5"}},
}

// criterionName is a criterion as the form names it: «Стрессоустойчивость».
func criterionName(c string) string { return i18n.T("hiring.criterion." + c) }

// statusName is a candidate's status: «собеседование».
func statusName(s string) string { return i18n.T("hiring.status." + s) }

// recName is a recommendation: «принять и обучить».
func recName(r string) string { return i18n.T("hiring.rec." + r) }

// kinds are the position profile's kinds of competency with their names.
var kinds = []struct{ kind, key string }{
	{hiring.KindKnowledge, "hiring.kind.knowledge"}, {hiring.KindSkill, "hiring.kind.skill"}, {hiring.KindQuality, "hiring.kind.quality"},
}

func kindName(k string) string {
	for _, x := range kinds {
		if x.kind == k {
			return i18n.T(x.key)
		}
	}
	return k
}

// decimal2 writes a total on the 1–5 scale as a person reads it: «3,85».
func decimal2(v float64) string {
	return i18n.LocalDecimal(strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0"), "."))
}

// names are the texts of keys.
func names(prefix string, values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = i18n.T(prefix + v)
	}
	return out
}

func index(list []string, v string) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return -1
}

func pick(list []string, i int) string {
	if i < 0 || i >= len(list) {
		return ""
	}
	return list[i]
}

// quiet is a wrapped hint in a quieter colour.
func quiet(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrapped is a label whose text wraps.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// heading is a section's title.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// subheading is a larger title: a criterion's on the form, a candidate's
// name over the details.
func subheading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// joinIDs writes numbers as the store keeps a form's picked questions and
// signs: "3,7,12".
func joinIDs(ids []uint) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatUint(uint64(id), 10)
	}
	return strings.Join(parts, ",")
}

// splitIDs reads what joinIDs wrote.
func splitIDs(s string) map[uint]bool {
	out := map[uint]bool{}
	for _, p := range strings.Split(s, ",") {
		if v, err := strconv.ParseUint(strings.TrimSpace(p), 10, 64); err == nil {
			out[uint(v)] = true
		}
	}
	return out
}
