package store

import (
	"context"
	"encoding/json"
	"io"
	"time"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/hiring"
)

// The interviews file's format, which carries candidates, their forms and
// working-day plans and the question bank between the office and an
// interviewer's laptop; docs/exchange-format.md describes it.
const (
	InterviewsFormat  = "companion-interviews"
	InterviewsVersion = 1
)

type ivFile struct {
	Format     string        `json:"format"`
	Version    int           `json:"version"`
	Schema     int           `json:"schema"`
	ExportedAt time.Time     `json:"exported_at"`
	Since      model.Date    `json:"since"`
	Questions  []ivQuestion  `json:"questions"`
	TaskSets   []ivTaskSet   `json:"task_sets"`
	Candidates []ivCandidate `json:"candidates"`
}

type ivQuestion struct {
	Ref       uint   `json:"ref"` // its id where it was exported; scores name it
	Criterion string `json:"criterion"`
	Text      string `json:"text"`
	Position  int    `json:"position"`
	Active    bool   `json:"active"`
}

type ivTaskSet struct {
	Name  string   `json:"name"`
	Tasks []ivTask `json:"tasks"`
}

type ivTask struct {
	Title    string `json:"title"`
	Personal bool   `json:"personal"`
	Priority string `json:"priority"`
	Minutes  int    `json:"minutes"`
	Position int    `json:"position"`
}

type ivCandidate struct {
	UUID      string     `json:"uuid"`
	Name      string     `json:"name"`
	Phone     string     `json:"phone"`
	Email     string     `json:"email"`
	Source    string     `json:"source"`
	StaffUUID string     `json:"staff_uuid,omitempty"`
	Status    string     `json:"status"`
	StatusOn  model.Date `json:"status_on"`
	Notes     string     `json:"notes"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
	Forms     []ivForm   `json:"forms"`
}

type ivForm struct {
	UUID        string     `json:"uuid"`
	Interviewer string     `json:"interviewer"`
	Day         model.Date `json:"day"`
	Submitted   bool       `json:"submitted"`
	Notes       string     `json:"notes"`
	UpdatedAt   time.Time  `json:"updated_at"`
	Scores      []ivScore  `json:"scores"`
	DayPlan     *ivDayPlan `json:"day_plan,omitempty"`
}

type ivScore struct {
	Criterion string `json:"criterion"`
	Score     int    `json:"score"`
	Questions []uint `json:"questions"` // the question bank's refs
	Signs     string `json:"signs"`
	Notes     string `json:"notes"`
}

type ivDayPlan struct {
	TaskSet string       `json:"task_set"`
	Start   int          `json:"start"`
	End     int          `json:"end"`
	Items   []ivPlanItem `json:"items"`
}

type ivPlanItem struct {
	Task    string `json:"task"` // the task's title in its set
	Order   int    `json:"order"`
	Minutes int    `json:"minutes"`
	Dropped bool   `json:"dropped"`
}

// ExportInterviews writes the candidates (those changed on or after since,
// all when since is zero) with their forms and working-day plans, the task
// sets the plans use and the question bank, as one JSON file for another
// PC's ImportInterviews.
func (s *Store) ExportInterviews(ctx context.Context, w io.Writer, since model.Date) error {
	if err := s.allow(model.AreaHiring, model.Read); err != nil {
		return err
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	schema, err := schemaOf(ctx, sqlDB, s.d)
	if err != nil {
		return err
	}
	f := ivFile{Format: InterviewsFormat, Version: InterviewsVersion, Schema: schema,
		ExportedAt: s.moment(), Since: since}
	db := s.ctx(ctx)
	sets, err := s.TaskSets(ctx)
	if err != nil {
		return err
	}
	if f.Questions, err = exportQuestions(db); err != nil {
		return err
	}
	if f.Candidates, err = exportCandidates(db, sets, since); err != nil {
		return err
	}
	f.TaskSets = usedSets(sets, f.Candidates)
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

func exportQuestions(db *gorm.DB) ([]ivQuestion, error) {
	var qs []hiring.Question
	if err := db.Order("criterion, position, id").Find(&qs).Error; err != nil {
		return nil, err
	}
	out := []ivQuestion{}
	for _, q := range qs {
		out = append(out, ivQuestion{Ref: q.ID, Criterion: q.Criterion, Text: q.Text, Position: q.Position, Active: q.Active})
	}
	return out, nil
}

// usedSets are the task sets the file's plans name, with their tasks.
func usedSets(sets []hiring.TaskSet, cands []ivCandidate) []ivTaskSet {
	used := map[string]bool{}
	for _, c := range cands {
		for _, f := range c.Forms {
			if f.DayPlan != nil {
				used[f.DayPlan.TaskSet] = true
			}
		}
	}
	out := []ivTaskSet{}
	for _, ts := range sets {
		if !used[ts.Name] {
			continue
		}
		is := ivTaskSet{Name: ts.Name, Tasks: []ivTask{}}
		for _, t := range ts.Tasks {
			is.Tasks = append(is.Tasks, ivTask{Title: t.Title, Personal: t.Personal, Priority: t.Priority, Minutes: t.Minutes, Position: t.Position})
		}
		out = append(out, is)
	}
	return out
}

func exportCandidates(db *gorm.DB, sets []hiring.TaskSet, since model.Date) ([]ivCandidate, error) {
	var cands []hiring.Candidate
	if err := db.Order("id").Find(&cands).Error; err != nil {
		return nil, err
	}
	staff := map[uint]string{}
	var people []model.Staff
	if err := db.Select("id", "uuid").Find(&people).Error; err != nil {
		return nil, err
	}
	for _, p := range people {
		staff[p.ID] = p.UUID
	}
	out := []ivCandidate{}
	for _, c := range cands {
		forms, err := exportForms(db, c.ID, sets)
		if err != nil {
			return nil, err
		}
		if !changedSince(c, forms, since) {
			continue
		}
		ic := ivCandidate{UUID: c.UUID, Name: c.Name, Phone: c.Phone, Email: c.Email, Source: c.Source,
			Status: c.Status, StatusOn: c.StatusOn, Notes: c.Notes, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC(), Forms: forms}
		if c.StaffID != nil {
			ic.StaffUUID = staff[*c.StaffID]
		}
		out = append(out, ic)
	}
	return out, nil
}

// changedSince: the candidate or one of their forms changed on or after
// the day.
func changedSince(c hiring.Candidate, forms []ivForm, since model.Date) bool {
	if since.IsZero() || !c.UpdatedAt.Before(since.Time()) {
		return true
	}
	for _, f := range forms {
		if !f.UpdatedAt.Before(since.Time()) {
			return true
		}
	}
	return false
}

func exportForms(db *gorm.DB, candidateID uint, sets []hiring.TaskSet) ([]ivForm, error) {
	var forms []hiring.Form
	if err := db.Where("candidate_id = ?", candidateID).Order("day, id").Find(&forms).Error; err != nil {
		return nil, err
	}
	if err := withScores(db, forms); err != nil {
		return nil, err
	}
	out := []ivForm{}
	for _, f := range forms {
		fo := ivForm{UUID: f.UUID, Interviewer: f.Interviewer, Day: f.On, Submitted: f.Submitted, Notes: f.Notes,
			UpdatedAt: f.UpdatedAt.UTC(), Scores: []ivScore{}}
		for _, sc := range f.Scores {
			fo.Scores = append(fo.Scores, ivScore{Criterion: sc.Criterion, Score: sc.Score,
				Questions: splitIDs(sc.Questions), Signs: sc.Signs, Notes: sc.Notes})
		}
		plan, ok, err := dayPlanOf(db, f.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			fo.DayPlan = exportPlan(plan, sets)
		}
		out = append(out, fo)
	}
	return out, nil
}

func exportPlan(p hiring.DayPlan, sets []hiring.TaskSet) *ivDayPlan {
	out := &ivDayPlan{Start: p.Start, End: p.End, Items: []ivPlanItem{}}
	titles := map[uint]string{}
	for _, ts := range sets {
		if ts.ID == p.SetID {
			out.TaskSet = ts.Name
		}
		for _, t := range ts.Tasks {
			titles[t.ID] = t.Title
		}
	}
	for _, it := range p.Items {
		out.Items = append(out.Items, ivPlanItem{Task: titles[it.TaskID], Order: it.Order, Minutes: it.Minutes, Dropped: it.Dropped})
	}
	return out
}
