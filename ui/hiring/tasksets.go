package hiring

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/hiring"
	"companion/model/i18n"
	"companion/ui/kit"
)

// setsSection lists the working-day test's task sets; a set opens to be
// changed.
type setsSection struct {
	t    *Tab
	list *fyne.Container
	root fyne.CanvasObject
}

func newSetsSection(t *Tab) *setsSection {
	s := &setsSection{t: t, list: container.NewVBox()}
	add := widget.NewButtonWithIcon(i18n.T("hiring.sets.add"), theme.ContentAddIcon(), func() {
		s.edit(hiring.TaskSet{Tasks: []hiring.DayTask{{Priority: hiring.Must}}})
	})
	s.root = widget.NewCard("", "", container.NewVBox(subheading(i18n.T("hiring.sets.title")), quiet(i18n.T("hiring.sets.hint")),
		s.list, container.NewHBox(add)))
	return s
}

func (s *setsSection) refresh(ctx context.Context) {
	kit.Background(func() {
		sets, err := s.t.s.TaskSets(ctx)
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, s.t.w)
				return
			}
			s.show(sets)
		})
	})
}

func (s *setsSection) show(sets []hiring.TaskSet) {
	s.list.Objects = nil
	for _, ts := range sets {
		s.list.Add(editRow(i18n.T("hiring.sets.row", map[string]any{"Name": ts.Name, "N": len(ts.Tasks)}), func() { s.edit(ts) }))
	}
	if len(sets) == 0 {
		s.list.Add(quiet(i18n.T("hiring.sets.empty")))
	}
	s.list.Refresh()
}

// taskInputs are one task's inputs in the set's form.
type taskInputs struct {
	title    *kit.KeyEntry
	personal *widget.Check
	priority *widget.Select
	minutes  *kit.KeyEntry
}

// edit shows a task set with its tasks, new when ts.ID is 0. Tasks keep
// their IDs, so the plans that name them stay whole: a task is changed,
// never taken away.
func (s *setsSection) edit(ts hiring.TaskSet) {
	w := s.t.w
	name := kit.NewDialogEntry(w, false)
	name.SetText(ts.Name)
	fields := map[string]*kit.Field{"name": kit.NewField("name", i18n.T("hiring.sets.name"), name)}
	rows := container.NewVBox()
	var inputs []taskInputs
	addRow := func(t hiring.DayTask) {
		in := taskInputs{title: kit.NewDialogEntry(w, false), personal: widget.NewCheck(i18n.T("hiring.sets.personal"), nil),
			priority: kit.NewSelect(names("hiring.priority.", hiring.Priorities), nil), minutes: kit.NewDialogEntry(w, false)}
		in.title.SetText(t.Title)
		in.title.SetPlaceHolder(i18n.T("hiring.sets.task_hint"))
		in.personal.SetChecked(t.Personal)
		in.priority.SetSelectedIndex(index(hiring.Priorities, t.Priority))
		if t.Minutes > 0 {
			in.minutes.SetText(strconv.Itoa(t.Minutes))
		}
		in.minutes.SetPlaceHolder(i18n.T("hiring.day.minutes_hint"))
		i := len(inputs)
		inputs = append(inputs, in)
		right := container.NewHBox(in.personal, container.NewGridWrap(fyne.NewSize(170, in.priority.MinSize().Height), in.priority),
			container.NewGridWrap(fyne.NewSize(80, in.minutes.MinSize().Height), in.minutes))
		f := kit.NewField(model.LineField(i, "task"), fmt.Sprintf("%d.", i+1), container.NewBorder(nil, nil, nil, right, in.title))
		fields[f.Name] = f
		rows.Add(kit.FieldGrid(f))
	}
	for _, t := range ts.Tasks {
		addRow(t)
	}
	add := widget.NewButtonWithIcon(i18n.T("hiring.sets.add_task"), theme.ContentAddIcon(), func() { addRow(hiring.DayTask{}) })
	body := container.NewVBox(kit.FieldGrid(fields["name"]), quiet(i18n.T("hiring.sets.tasks_hint")), rows, container.NewHBox(add))
	fd := kit.ShowFormDialog(w, i18n.T("hiring.sets.set"), body, func(close func()) {
		v := hiring.TaskSet{ID: ts.ID, Name: name.Text}
		for i, in := range inputs {
			t := hiring.DayTask{Title: strings.TrimSpace(in.title.Text), Personal: in.personal.Checked,
				Priority: pick(hiring.Priorities, in.priority.SelectedIndex())}
			t.Minutes, _ = strconv.Atoi(strings.TrimSpace(in.minutes.Text))
			if i < len(ts.Tasks) {
				t.ID = ts.Tasks[i].ID
			}
			v.Tasks = append(v.Tasks, t)
		}
		kit.SubmitForm(w, fields, nil, nil, func() error { return s.t.s.SaveTaskSet(context.Background(), &v) }, close,
			func() { s.refresh(context.Background()) })
	})
	fd.Dialog.Resize(fyne.NewSize(900, 600))
	w.Canvas().Focus(name)
}
