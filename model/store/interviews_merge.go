package store

import (
	"errors"
	"slices"
	"strings"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/hiring"
)

// ivImport merges one checked interviews file inside a transaction.
type ivImport struct {
	tx          *gorm.DB
	file        *ivFile
	res         *hiring.InterviewsImport
	questionIDs map[uint]uint              // the file's ref → this database's id
	setIDs      map[string]uint            // a task set's name → id
	taskIDs     map[string]map[string]uint // set name → task title → id
}

// questions adds the bank's questions this database lacks (the same
// criterion and text is the same question).
func (im *ivImport) questions() error {
	var local []hiring.Question
	if err := im.tx.Find(&local).Error; err != nil {
		return err
	}
	key := func(c, t string) string { return c + "\x00" + strings.TrimSpace(t) }
	have := map[string]uint{}
	for _, q := range local {
		have[key(q.Criterion, q.Text)] = q.ID
	}
	im.questionIDs = map[uint]uint{}
	for _, q := range im.file.Questions {
		if id, ok := have[key(q.Criterion, q.Text)]; ok {
			im.questionIDs[q.Ref] = id
			im.res.Questions.Unchanged++
			continue
		}
		nq := hiring.Question{Criterion: q.Criterion, Text: strings.TrimSpace(q.Text), Position: q.Position, Active: q.Active}
		if err := im.tx.Create(&nq).Error; err != nil {
			return err
		}
		have[key(q.Criterion, q.Text)], im.questionIDs[q.Ref] = nq.ID, nq.ID
		im.res.Questions.Added++
	}
	return nil
}

// taskSets adds the task sets, and the tasks of a set, this database lacks.
func (im *ivImport) taskSets() error {
	var sets []hiring.TaskSet
	var tasks []hiring.DayTask
	if err := im.tx.Find(&sets).Error; err != nil {
		return err
	}
	if err := im.tx.Find(&tasks).Error; err != nil {
		return err
	}
	im.setIDs, im.taskIDs = map[string]uint{}, map[string]map[string]uint{}
	for _, ts := range sets {
		im.setIDs[ts.Name], im.taskIDs[ts.Name] = ts.ID, map[string]uint{}
	}
	for _, t := range tasks {
		for name, id := range im.setIDs {
			if id == t.SetID {
				im.taskIDs[name][t.Title] = t.ID
			}
		}
	}
	for _, fs := range im.file.TaskSets {
		counts := &im.res.TaskSets.Unchanged
		if _, ok := im.setIDs[fs.Name]; !ok {
			ts := hiring.TaskSet{Name: fs.Name}
			if err := im.tx.Create(&ts).Error; err != nil {
				return err
			}
			im.setIDs[fs.Name], im.taskIDs[fs.Name] = ts.ID, map[string]uint{}
			counts = &im.res.TaskSets.Added
		}
		for _, ft := range fs.Tasks {
			if _, ok := im.taskIDs[fs.Name][ft.Title]; ok {
				continue
			}
			t := hiring.DayTask{SetID: im.setIDs[fs.Name], Title: ft.Title, Personal: ft.Personal, Priority: ft.Priority, Minutes: ft.Minutes, Position: ft.Position}
			if err := im.tx.Create(&t).Error; err != nil {
				return err
			}
			im.taskIDs[fs.Name][ft.Title] = t.ID
			if counts == &im.res.TaskSets.Unchanged {
				counts = &im.res.TaskSets.Updated
			}
		}
		*counts++
	}
	return nil
}

// candidate adds or updates a candidate, then their forms.
func (im *ivImport) candidate(fc ivCandidate) error {
	c := hiring.Candidate{UUID: fc.UUID, Name: fc.Name, Phone: fc.Phone, Email: fc.Email, Source: fc.Source,
		Status: fc.Status, StatusOn: fc.StatusOn, Notes: fc.Notes, CreatedAt: fc.CreatedAt, UpdatedAt: fc.UpdatedAt}
	if fc.StaffUUID != "" {
		var st model.Staff
		if err := im.tx.Select("id").Where("uuid = ?", fc.StaffUUID).Limit(1).Find(&st).Error; err != nil {
			return err
		}
		if st.ID != 0 {
			c.StaffID = &st.ID
		}
	}
	var local hiring.Candidate
	err := im.tx.Where("uuid = ?", fc.UUID).Take(&local).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		if err := im.tx.Create(&c).Error; err != nil {
			return err
		}
		im.res.Candidates.Added++
	case err != nil:
		return err
	default:
		c.ID = local.ID
		if c.StaffID == nil {
			c.StaffID = local.StaffID
		}
		if sameCandidate(local, c) || !c.UpdatedAt.After(local.UpdatedAt) {
			im.res.Candidates.Unchanged++
			c = local
			break
		}
		if err := im.tx.Model(&hiring.Candidate{ID: c.ID}).UpdateColumns(map[string]any{"name": c.Name, "phone": c.Phone,
			"email": c.Email, "source": c.Source, "staff_id": c.StaffID, "status": c.Status, "status_on": c.StatusOn,
			"notes": c.Notes, "updated_at": c.UpdatedAt}).Error; err != nil {
			return err
		}
		im.res.Candidates.Updated++
	}
	for _, ff := range fc.Forms {
		if err := im.form(c, ff); err != nil {
			return err
		}
	}
	return nil
}

func sameCandidate(a, b hiring.Candidate) bool {
	sameStaff := (a.StaffID == nil) == (b.StaffID == nil) && (a.StaffID == nil || *a.StaffID == *b.StaffID)
	return sameStaff && a.Name == b.Name && a.Phone == b.Phone && a.Email == b.Email && a.Source == b.Source &&
		a.Status == b.Status && a.StatusOn.ISO() == b.StatusOn.ISO() && a.Notes == b.Notes
}

// incoming is the file's form in this database's ids.
func (im *ivImport) incoming(candidateID uint, ff ivForm) (hiring.Form, *hiring.DayPlan) {
	f := hiring.Form{UUID: ff.UUID, CandidateID: candidateID, Interviewer: ff.Interviewer, On: ff.Day,
		Submitted: ff.Submitted, Notes: ff.Notes, UpdatedAt: ff.UpdatedAt}
	for _, sc := range ff.Scores {
		ids := make([]uint, len(sc.Questions))
		for i, q := range sc.Questions {
			ids[i] = im.questionIDs[q]
		}
		f.Scores = append(f.Scores, hiring.Score{Criterion: sc.Criterion, Score: sc.Score, Questions: joinIDs(ids), Signs: sc.Signs, Notes: sc.Notes})
	}
	f.Scores = sortScores(f.Scores)
	if ff.DayPlan == nil {
		return f, nil
	}
	p := &hiring.DayPlan{SetID: im.setIDs[ff.DayPlan.TaskSet], Start: ff.DayPlan.Start, End: ff.DayPlan.End}
	for _, it := range ff.DayPlan.Items {
		p.Items = append(p.Items, hiring.PlanItem{TaskID: im.taskIDs[ff.DayPlan.TaskSet][it.Task], Order: it.Order, Minutes: it.Minutes, Dropped: it.Dropped})
	}
	return f, p
}

// form adds a form, or merges it into this database's: the newer wins, and
// one edited on both sides is a conflict.
func (im *ivImport) form(c hiring.Candidate, ff ivForm) error {
	in, plan := im.incoming(c.ID, ff)
	var local hiring.Form
	err := im.tx.Where("uuid = ?", ff.UUID).Take(&local).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		if err := im.tx.Create(&in).Error; err != nil {
			return err
		}
		im.res.Forms.Added++
		return im.writeForm(&in, plan)
	} else if err != nil {
		return err
	}
	forms := []hiring.Form{local}
	if err := withScores(im.tx, forms); err != nil {
		return err
	}
	localPlan, has, err := dayPlanOf(im.tx, local.ID)
	if err != nil {
		return err
	}
	var lp *hiring.DayPlan
	if has {
		lp = &localPlan
	}
	if sameForm(forms[0], lp, in, plan) {
		im.res.Forms.Unchanged++
		return nil
	}
	fileWins := !ff.UpdatedAt.Before(local.UpdatedAt)
	since := im.file.Since.Time()
	if im.file.Since.IsZero() || !local.UpdatedAt.Before(since) && !ff.UpdatedAt.Before(since) {
		won := hiring.WonHere
		if fileWins {
			won = hiring.WonFile
		}
		im.res.Conflicts = append(im.res.Conflicts, hiring.Conflict{Candidate: c.Name, Interviewer: ff.Interviewer, On: ff.Day, Won: won})
	}
	if !fileWins {
		im.res.Forms.Unchanged++
		return nil
	}
	in.ID = local.ID
	if err := im.tx.Model(&hiring.Form{ID: local.ID}).UpdateColumns(map[string]any{"candidate_id": in.CandidateID,
		"interviewer": in.Interviewer, "day": in.On, "submitted": in.Submitted, "notes": in.Notes, "updated_at": in.UpdatedAt}).Error; err != nil {
		return err
	}
	if has {
		if err := im.tx.Where("plan_id = ?", localPlan.ID).Delete(&hiring.PlanItem{}).Error; err != nil {
			return err
		}
		if err := im.tx.Delete(&hiring.DayPlan{}, localPlan.ID).Error; err != nil {
			return err
		}
	}
	im.res.Forms.Updated++
	return im.writeForm(&in, plan)
}

// writeForm writes a form's scores and plan afresh.
func (im *ivImport) writeForm(f *hiring.Form, plan *hiring.DayPlan) error {
	if err := saveScores(im.tx, f); err != nil {
		return err
	}
	if plan == nil {
		return nil
	}
	plan.FormID = f.ID
	items := plan.Items
	if err := im.tx.Create(plan).Error; err != nil {
		return err
	}
	for i := range items {
		items[i].PlanID = plan.ID
	}
	if len(items) == 0 {
		return nil
	}
	return im.tx.Create(&items).Error
}

func sameForm(a hiring.Form, pa *hiring.DayPlan, b hiring.Form, pb *hiring.DayPlan) bool {
	if a.Interviewer != b.Interviewer || a.On.ISO() != b.On.ISO() || a.Submitted != b.Submitted || a.Notes != b.Notes ||
		len(a.Scores) != len(b.Scores) || (pa == nil) != (pb == nil) {
		return false
	}
	for i, x := range a.Scores {
		y := b.Scores[i]
		if x.Criterion != y.Criterion || x.Score != y.Score || joinIDs(splitIDs(x.Questions)) != y.Questions || x.Signs != y.Signs || x.Notes != y.Notes {
			return false
		}
	}
	if pa == nil {
		return true
	}
	if pa.SetID != pb.SetID || pa.Start != pb.Start || pa.End != pb.End || len(pa.Items) != len(pb.Items) {
		return false
	}
	key := func(it hiring.PlanItem) hiring.PlanItem { it.PlanID = 0; return it }
	for _, it := range pa.Items {
		if !slices.ContainsFunc(pb.Items, func(o hiring.PlanItem) bool { return key(o) == key(it) }) {
			return false
		}
	}
	return true
}
