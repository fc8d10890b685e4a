package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"companion/model"
	"companion/model/hiring"
)

func ivErr(key string, args map[string]any) error {
	return &model.FieldError{Key: key, Args: args}
}

// ImportInterviews reads an interviews file from another PC, all of it or
// nothing. Candidates and forms are matched by their UUIDs: new ones are
// added, the same ones change nothing (importing twice changes nothing),
// and of two that differ the newer (UpdatedAt) is kept. A form edited on
// both sides since the file's "since" day (or at all, without one) is
// reported as a conflict with the side that won. Task sets are matched by
// name, their tasks by title, questions by criterion and text; missing ones
// are added. A file of a newer format or schema is refused.
func (s *Store) ImportInterviews(ctx context.Context, r io.Reader) (hiring.InterviewsImport, error) {
	var res hiring.InterviewsImport
	if err := s.allow(model.AreaHiring, model.Write); err != nil {
		return res, err
	}
	f, err := s.readInterviews(ctx, r)
	if err != nil {
		return res, err
	}
	err = s.ctx(ctx).Transaction(func(tx *gorm.DB) error {
		im := &ivImport{tx: tx, file: f, res: &res}
		if err := im.questions(); err != nil {
			return err
		}
		if err := im.taskSets(); err != nil {
			return err
		}
		for _, c := range f.Candidates {
			if err := im.candidate(c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return hiring.InterviewsImport{}, err
	}
	return res, nil
}

// readInterviews decodes and checks the whole file before anything is
// written.
func (s *Store) readInterviews(ctx context.Context, r io.Reader) (*ivFile, error) {
	var f ivFile
	dec := json.NewDecoder(r)
	if err := dec.Decode(&f); err != nil {
		return nil, ivErr("exchange.interviews.json", map[string]any{"Detail": err.Error()})
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, ivErr("exchange.interviews.json", map[string]any{"Detail": "data after the end of the file"})
	}
	if f.Format != InterviewsFormat || f.Version < 1 {
		return nil, ivErr("exchange.interviews.format", nil)
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return nil, err
	}
	schema, err := schemaOf(ctx, sqlDB, s.d)
	if err != nil {
		return nil, err
	}
	if f.Version > InterviewsVersion || f.Schema > schema {
		return nil, ivErr("exchange.interviews.newer", map[string]any{"Version": f.Version, "Schema": f.Schema, "Ours": schema})
	}
	if where := checkInterviews(&f); where != "" {
		return nil, ivErr("exchange.interviews.bad", map[string]any{"Where": where})
	}
	return &f, nil
}

// checkInterviews names the first record of the file that cannot be
// imported, or "" when every one can.
func checkInterviews(f *ivFile) string {
	refs := map[uint]bool{}
	for i, q := range f.Questions {
		if !slices.Contains(hiring.Criteria, q.Criterion) || strings.TrimSpace(q.Text) == "" || refs[q.Ref] {
			return fmt.Sprintf("questions[%d]", i)
		}
		refs[q.Ref] = true
	}
	tasks := map[string]map[string]bool{}
	for i, ts := range f.TaskSets {
		if strings.TrimSpace(ts.Name) == "" || tasks[ts.Name] != nil {
			return fmt.Sprintf("task_sets[%d]", i)
		}
		tasks[ts.Name] = map[string]bool{}
		for j, t := range ts.Tasks {
			if strings.TrimSpace(t.Title) == "" || !slices.Contains(hiring.Priorities, t.Priority) || t.Minutes <= 0 {
				return fmt.Sprintf("task_sets[%d].tasks[%d]", i, j)
			}
			tasks[ts.Name][t.Title] = true
		}
	}
	uuids := map[string]bool{}
	for i, c := range f.Candidates {
		where := fmt.Sprintf("candidates[%d]", i)
		if c.UUID == "" || uuids[c.UUID] || strings.TrimSpace(c.Name) == "" || !slices.Contains(hiring.Statuses, c.Status) || c.UpdatedAt.IsZero() {
			return where
		}
		uuids[c.UUID] = true
		for j, fo := range c.Forms {
			if w, ok := checkForm(fo, refs, tasks, uuids); !ok {
				return fmt.Sprintf("%s.forms[%d]%s", where, j, w)
			}
		}
	}
	return ""
}

// checkForm reports whether a form can be imported, and where it cannot.
func checkForm(fo ivForm, refs map[uint]bool, tasks map[string]map[string]bool, uuids map[string]bool) (string, bool) {
	if fo.UUID == "" || uuids[fo.UUID] || fo.Interviewer == "" || fo.Day.IsZero() || fo.UpdatedAt.IsZero() {
		return "", false
	}
	uuids[fo.UUID] = true
	for k, sc := range fo.Scores {
		if !slices.Contains(hiring.Criteria, sc.Criterion) || sc.Score < 0 || sc.Score > 5 {
			return fmt.Sprintf(".scores[%d]", k), false
		}
		for _, q := range sc.Questions {
			if !refs[q] {
				return fmt.Sprintf(".scores[%d]", k), false
			}
		}
	}
	if p := fo.DayPlan; p != nil {
		if tasks[p.TaskSet] == nil || p.Start < 0 || p.End > 24*60 || p.End <= p.Start {
			return ".day_plan", false
		}
		for k, it := range p.Items {
			if !tasks[p.TaskSet][it.Task] {
				return fmt.Sprintf(".day_plan.items[%d]", k), false
			}
		}
	}
	return "", true
}

func splitIDs(s string) []uint {
	out := []uint{}
	for _, part := range strings.Split(s, ",") {
		if v, err := strconv.ParseUint(strings.TrimSpace(part), 10, 64); err == nil {
			out = append(out, uint(v))
		}
	}
	return out
}

func joinIDs(ids []uint) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatUint(uint64(id), 10)
	}
	return strings.Join(parts, ",")
}

// dayPlanOf reads a form's working-day plan with its items.
func dayPlanOf(db *gorm.DB, formID uint) (hiring.DayPlan, bool, error) {
	var p hiring.DayPlan
	if err := db.Where("form_id = ?", formID).Take(&p).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return p, false, nil
	} else if err != nil {
		return p, false, err
	}
	err := db.Where("plan_id = ?", p.ID).Order("ord, task_id").Find(&p.Items).Error
	return p, true, err
}
