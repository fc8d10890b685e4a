package quality

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/kit"
)

// linkFeedback is how many of the newest pieces of feedback the proposal
// form offers to link, beside those linked already.
const linkFeedback = 30

// proposalsPage lists the ways to raise the quality of service: open ones
// first, with who carries each out and what came of it.
type proposalsPage struct {
	p         *Pages
	proposals []model.Proposal
	staff     []model.Staff
	feedback  []model.FeedbackRow
	list      *widget.List
	empty     kit.EmptyNote
	root      fyne.CanvasObject
}

func newProposalsPage(p *Pages) *proposalsPage {
	pp := &proposalsPage{p: p}
	pp.list = widget.NewList(func() int { return len(pp.proposals) },
		func() fyne.CanvasObject { return container.NewVBox(truncLabel(true), truncLabel(false)) },
		func(i widget.ListItemID, o fyne.CanvasObject) { pp.showRow(o.(*fyne.Container), pp.proposals[i]) })
	pp.list.OnSelected = func(i widget.ListItemID) {
		pp.list.UnselectAll()
		pp.edit(pp.proposals[i])
	}
	add := widget.NewButtonWithIcon(i18n.T("proposal.add"), theme.ContentAddIcon(), func() {
		pp.edit(model.Proposal{Status: model.ProposalProposed})
	})
	add.Importance = widget.HighImportance
	pp.empty = kit.NewEmptyNote(i18n.T("proposal.none"))
	top := container.NewBorder(nil, nil, heading(i18n.T("proposal.heading")), add)
	pp.root = container.NewPadded(container.NewBorder(top, nil, nil, nil, pp.empty.Over(pp.list)))
	return pp
}

func (pp *proposalsPage) content() fyne.CanvasObject { return pp.root }

func (pp *proposalsPage) refresh(ctx context.Context) {
	kit.Background(func() {
		proposals, err := pp.p.s.Proposals(ctx)
		var staff []model.Staff
		var feedback []model.FeedbackRow
		if err == nil {
			staff, err = pp.p.s.AllStaff(ctx)
		}
		if err == nil {
			feedback, err = pp.p.s.FeedbackList(ctx, model.FeedbackQuery{})
		}
		fyne.Do(func() {
			if err != nil {
				kit.ShowError(err, pp.p.w)
				return
			}
			pp.proposals, pp.staff, pp.feedback = proposals, staff, feedback
			pp.empty.Follow(len(proposals))
			pp.list.Refresh()
		})
	})
}

func (pp *proposalsPage) showRow(box *fyne.Container, pr model.Proposal) {
	box.Objects[0].(*widget.Label).SetText(pr.Title + " · " + i18n.T("proposal.status."+pr.Status))
	parts := []string{i18n.T("proposal.made", map[string]any{"Date": pr.Made})}
	if name := pp.ownerName(pr.OwnerID); name != "" {
		parts = append(parts, name)
	}
	if n := len(pr.FeedbackIDs); n > 0 {
		parts = append(parts, i18n.T("proposal.feedback.count", map[string]any{"N": n}))
	}
	if pr.Result != "" {
		parts = append(parts, shortText(pr.Result, wordsRunes))
	} else if pr.Text != "" {
		parts = append(parts, shortText(pr.Text, wordsRunes))
	}
	box.Objects[1].(*widget.Label).SetText(strings.Join(parts, " · "))
}

func (pp *proposalsPage) ownerName(id *uint) string {
	for _, st := range pp.staff {
		if id != nil && st.ID == *id {
			return st.Name
		}
	}
	return ""
}

// edit opens the proposal's form: a result is asked of one done or
// rejected.
func (pp *proposalsPage) edit(pr model.Proposal) {
	w := pp.p.w
	title, text, result := kit.NewDialogEntry(w, false), multiLine(w, 3), multiLine(w, 2)
	title.SetText(pr.Title)
	text.SetText(pr.Text)
	result.SetText(pr.Result)
	owner := staffChoice(i18n.T("proposal.owner.none"), pp.staff, pr.OwnerID)
	statuses := make([]string, len(model.ProposalStatuses))
	for i, s := range model.ProposalStatuses {
		statuses[i] = i18n.T("proposal.status." + s)
	}
	status := kit.NewSelect(statuses, nil)
	status.SetSelectedIndex(max(0, slices.Index(model.ProposalStatuses, pr.Status)))
	links, ids := pp.feedbackOptions(pr)
	fields := fieldMap(kit.NewField("title", i18n.T("proposal.title"), title), kit.NewField("text", i18n.T("proposal.text"), text),
		kit.NewField("owner", i18n.T("proposal.owner"), owner.Select), kit.NewField("status", i18n.T("proposal.status"), status),
		kit.NewField("result", i18n.T("proposal.result"), result),
		kit.NewField("feedback", i18n.T("proposal.feedback"), links.root))
	body := kit.FieldGrid(fields["title"], fields["text"], fields["owner"], fields["status"], fields["result"], fields["feedback"])
	kit.ShowFormDialog(w, i18n.T("proposal.form"), body, func(close func()) {
		c := pr
		c.Title, c.Text, c.Result, c.OwnerID = title.Text, text.Text, result.Text, owner.ID()
		c.Status = model.ProposalStatuses[max(0, status.SelectedIndex())]
		c.FeedbackIDs = nil
		for _, i := range links.chosen() {
			c.FeedbackIDs = append(c.FeedbackIDs, ids[i])
		}
		kit.SubmitForm(w, fields, nil, c.Validate, func() error { return pp.p.s.SaveProposal(context.Background(), &c) },
			close, pp.p.written)
	}).Dialog.Resize(fyne.NewSize(760, 600))
}

// feedbackOptions are the newest feedback and that linked to pr already,
// a tick each, with their IDs.
func (pp *proposalsPage) feedbackOptions(pr model.Proposal) (*checkGrid, []uint) {
	var names, chosen []string
	var ids []uint
	for i, f := range pp.feedback {
		linked := slices.Contains(pr.FeedbackIDs, f.ID)
		if i >= linkFeedback && !linked {
			continue
		}
		name := f.On.Format(i18n.Lang()) + " · " + i18n.T("feedback.kind."+f.Kind) + " · " + f.Client + ": " + shortText(f.Words, 40)
		names, ids = append(names, name), append(ids, f.ID)
		if linked {
			chosen = append(chosen, name)
		}
	}
	return newCheckGrid(1, names, chosen), ids
}
