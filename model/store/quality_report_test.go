package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"companion/model"
)

// The month's report lists who works now and who left with a figure in
// it, counts each answer once for the salon, and takes the complaints open
// and the proposals up to the month's end.
func TestQualityReportReadsTheMonth(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	left := model.Staff{Name: "Уволенная Анна", Role: "косметолог", Active: false}
	gone := model.Staff{Name: "Ушедший Пётр", Role: "тренер", Active: false}
	for _, st := range []*model.Staff{&left, &gone} {
		if err := s.SaveStaff(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	add := func(staff *uint, kind, words string, day model.Date) model.Feedback {
		f := model.Feedback{ClientID: ps.client.ID, StaffID: staff, ServiceID: &ps.peel.ID, Kind: kind, Words: words, On: day}
		if err := s.AddFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
		return f
	}
	october, november := model.NewDate(2026, 10, 20), model.NewDate(2026, 11, 25)
	add(&ps.cosmetologist.ID, model.FeedbackComplaint, "Октябрьская жалоба", october)
	add(&ps.cosmetologist.ID, model.FeedbackComplaint, "Ноябрьская жалоба", november)
	add(&left.ID, model.FeedbackThanks, "Спасибо Анне", november)
	wrong := add(&ps.director.ID, model.FeedbackComplaint, "Ошибка", november)
	if _, err := s.MoveFeedback(ctx, wrong.ID, model.StateWithdrawn, model.Feedback{Withdrawn: "не тот клиент"}); err != nil {
		t.Fatal(err)
	}
	p := model.Proposal{Title: "Памятка после пилинга", OwnerID: &ps.cosmetologist.ID}
	if err := s.SaveProposal(ctx, &p); err != nil {
		t.Fatal(err)
	}

	q, err := s.QualityReport(ctx, november.AddDays(3))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, st := range q.Staff {
		names = append(names, st.Staff.Name)
	}
	if want := []string{"Белова Екатерина", "Смирнова Ольга", "Уволенная Анна"}; !slices.Equal(names, want) {
		t.Errorf("staff %v, want %v", names, want)
	}
	if q.Month != model.NewDate(2026, 11, 1) || q.Today != s.Today() || q.Complaints != 1 || q.NPS.Score.Known() {
		t.Errorf("the month: %+v", q)
	}
	if len(q.ByService) != 1 || q.ByService[0] != (model.Count{Name: "Пилинг", N: 1}) ||
		len(q.ByStaff) != 1 || q.ByStaff[0] != (model.Count{Name: "Белова Екатерина", N: 1}) {
		t.Errorf("topics %+v %+v", q.ByService, q.ByStaff)
	}
	if len(q.Open) != 2 || q.Open[0].Words != "Октябрьская жалоба" || !q.Open[0].Overdue || q.Open[1].Overdue ||
		q.Open[0].Staff != "Белова Екатерина" || q.Open[0].Client != "Иванова Мария" || q.Open[0].Service != "Пилинг" {
		t.Errorf("open complaints %+v", q.Open)
	}
	if len(q.Proposals) != 1 || q.Proposals[0].Owner != "Белова Екатерина" {
		t.Errorf("proposals %+v", q.Proposals)
	}

	q, err = s.QualityReport(ctx, october)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Open) != 1 || q.Open[0].Words != "Октябрьская жалоба" || len(q.Proposals) != 0 || q.Complaints != 1 {
		t.Errorf("October's open complaints %+v, proposals %+v", q.Open, q.Proposals)
	}
	if _, err := s.As(model.RoleInterviewer).QualityReport(ctx, october); !errors.As(err, new(*model.ErrForbidden)) {
		t.Errorf("the interviewer reads the quality report: %v", err)
	}
}

func TestFeedbackSheetOfOneStaffMember(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	for _, f := range []model.Feedback{
		{StaffID: &ps.cosmetologist.ID, Kind: model.FeedbackThanks, Rating: 5, Words: "Золотые руки", On: model.NewDate(2026, 11, 3)},
		{StaffID: &ps.cosmetologist.ID, Kind: model.FeedbackComplaint, Rating: 2, Words: "Опоздала", On: model.NewDate(2026, 11, 9)},
		{StaffID: &ps.cosmetologist.ID, Kind: model.FeedbackSuggestion, Words: "Музыку потише", On: model.NewDate(2026, 11, 9)},
		{StaffID: &ps.cosmetologist.ID, Kind: model.FeedbackThanks, Words: "Октябрь", On: model.NewDate(2026, 10, 30)},
		{StaffID: &ps.director.ID, Kind: model.FeedbackThanks, Words: "Директору", On: model.NewDate(2026, 11, 9)},
	} {
		f.ClientID, f.ServiceID = ps.client.ID, &ps.peel.ID
		if err := s.AddFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	sh, err := s.FeedbackSheet(ctx, ps.cosmetologist.ID, model.NewDate(2026, 11, 15))
	if err != nil {
		t.Fatal(err)
	}
	if sh.Staff.Name != "Белова Екатерина" || sh.Month != model.NewDate(2026, 11, 1) || sh.Today != s.Today() ||
		len(sh.Thanks) != 1 || sh.Thanks[0].Words != "Золотые руки" || sh.Thanks[0].Client != "Иванова Мария" ||
		sh.Thanks[0].Service != "Пилинг" || len(sh.Complaints) != 1 || sh.Complaints[0].Rating != 2 ||
		sh.Score.Thanks != 1 || sh.Score.Complaints != 1 || sh.Score.Rating != (model.Figure{Value: 3.5, N: 2}) {
		t.Errorf("the sheet %+v", sh)
	}
	if _, err := s.FeedbackSheet(ctx, 99999, sh.Month); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an unknown staff member: %v", err)
	}
}
