package store

import (
	"context"
	"testing"

	"companion/model"
)

func TestAComplaintsLoopEndsOnTheClientsTimeline(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	f := model.Feedback{ClientID: ps.client.ID, StaffID: &ps.cosmetologist.ID, ServiceID: &ps.peel.ID, Kind: model.FeedbackComplaint,
		Rating: 2, Words: "После пилинга сильное покраснение, мастер не предупредила", On: s.Today().AddDays(-5)}
	if err := s.AddFeedback(ctx, &f); err != nil {
		t.Fatal(err)
	}
	open, _ := s.FeedbackList(ctx, FeedbackQuery{OpenOnly: true})
	if len(open) != 1 || open[0].Staff != ps.cosmetologist.Name || open[0].Client != "Иванова Мария" || !open[0].Overdue(s.Today()) {
		t.Fatalf("open complaints: %+v", open)
	}
	if a, err := s.Agenda(ctx); err != nil || len(a.Overdue) != 1 || a.Overdue[0].Client.ID != ps.client.ID {
		t.Errorf("Today's overdue complaints: %v %+v", err, a.Overdue)
	}
	if avg, n, err := s.ClientStanding(ctx, ps.client.ID); err != nil || avg != 2 || n != 1 {
		t.Errorf("standing: %v %v %v", avg, n, err)
	}
	if _, err := s.MoveFeedback(ctx, f.ID, model.StateResolved, model.Feedback{}); fieldKey(err, "resolution") != "err.feedback.step.resolution" {
		t.Errorf("resolved without what was done: %v", err)
	}
	steps := []struct {
		to   string
		step model.Feedback
	}{
		{model.StatePassed, model.Feedback{PassedBy: "Смирнова О. В."}},
		{model.StateAnswered, model.Feedback{Answer: "Не предупредила о покраснении, исправлюсь"}},
		{model.StateResolved, model.Feedback{Resolution: "Успокаивающая маска бесплатно", Compensation: "Маска 1 500 ₽"}},
		{model.StateClosed, model.Feedback{Satisfied: true, ContactNote: "Покраснение прошло, довольна"}},
	}
	for _, st := range steps {
		if _, err := s.MoveFeedback(ctx, f.ID, st.to, st.step); err != nil {
			t.Fatalf("to %s: %v", st.to, err)
		}
	}
	rows, _ := s.FeedbackList(ctx, FeedbackQuery{ClientID: ps.client.ID})
	if len(rows) != 1 || rows[0].State != model.StateClosed || rows[0].Compensation == "" || rows[0].ContactedOn != s.Today() {
		t.Errorf("closed: %+v", rows)
	}
	contacts, _ := s.Contacts(ctx, ps.client.ID)
	if len(contacts) != 1 || contacts[0].Kind != model.ContactCall || contacts[0].Notes != "Покраснение прошло, довольна" {
		t.Errorf("the timeline: %+v", contacts)
	}
	if _, n, _ := s.ClientStanding(ctx, ps.client.ID); n != 0 {
		t.Errorf("a closed complaint still open: %d", n)
	}
	if a, _ := s.Agenda(ctx); len(a.Overdue) != 0 {
		t.Errorf("a closed complaint on Today: %+v", a.Overdue)
	}
	thanks := model.Feedback{ClientID: ps.client.ID, StaffID: &ps.cosmetologist.ID, Kind: model.FeedbackThanks, Rating: 5,
		Words: "Спасибо Екатерине за заботу", On: s.Today()}
	if err := s.AddFeedback(ctx, &thanks); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MoveFeedback(ctx, thanks.ID, model.StatePassed, model.Feedback{PassedBy: "Смирнова О. В."}); err != nil {
		t.Fatal(err)
	}
	pm, _ := s.Payroll(ctx, s.Today())
	if p, _ := pm.Result.Person(ps.cosmetologist.ID); len(p.Recognition) != 1 || p.Recognition[0].Source != "client" {
		t.Errorf("the thanks is not on the payslip: %+v", p.Recognition)
	}
}

func TestARoundCallsTheVisitorsWithTheirStandardsAndScoresThem(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	for _, st := range []model.Standard{
		{Group: "Приветствие", Text: "Поздоровались по имени", Active: true},
		{Group: "Гигиена", Text: "Руки обработаны при клиенте", Roles: "косметолог", Active: true, ServiceIDs: []uint{ps.peel.ID}},
		{Group: "Фитнес", Text: "Тренер показал технику", Roles: "тренер", Active: true},
	} {
		if err := s.SaveStandard(ctx, &st); err != nil {
			t.Fatal(err)
		}
	}
	other := mustCreate(t, s, model.Client{LastName: "Петрова", FirstName: "Ольга"})
	for _, c := range []uint{ps.client.ID, other.ID} {
		v := model.Visit{ClientID: c, On: model.NewDate(2026, 11, 10), Lines: []model.VisitLine{{ServiceID: &ps.peel.ID,
			Name: ps.peel.Name, StaffID: &ps.cosmetologist.ID, Qty: 1, Price: ps.peel.Price}}}
		if err := s.AddVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	r := model.CheckRound{Kind: model.RoundCalls, Title: "Ноябрь", From: model.NewDate(2026, 11, 1), To: model.NewDate(2026, 11, 26), Seed: 7}
	if err := s.StartRound(ctx, &r); err != nil {
		t.Fatal(err)
	}
	calls, err := s.RoundCalls(ctx, r.ID)
	if err != nil || len(calls) != 2 || len(calls[0].Marks) != 2 {
		t.Fatalf("cards: %v %+v", err, calls)
	}
	nine := 9
	calls[0].State, calls[0].NPS, calls[0].Comment = model.CallDone, &nine, "Всё понравилось"
	calls[0].Marks[0].Kept, calls[0].Marks[1].Kept = true, false
	if err := s.RecordCall(ctx, &calls[0]); err != nil {
		t.Fatal(err)
	}
	byStaff, byService, err := s.QualityScores(ctx, s.Today())
	if err != nil {
		t.Fatal(err)
	}
	sc := byStaff[ps.cosmetologist.ID]
	if sc.NPS != (model.Figure{Value: 100, N: 1}) || sc.Kept != (model.Figure{Value: 50, N: 2}) || sc.NPS.Enough() {
		t.Errorf("the cosmetologist's November: %+v", sc)
	}
	if byService[ps.peel.ID].NPS.N != 1 {
		t.Errorf("the peel's: %+v", byService[ps.peel.ID])
	}
	again := model.CheckRound{Kind: model.RoundCalls, Title: "Повтор", From: r.From, To: r.To}
	if err := s.StartRound(ctx, &again); err != nil {
		t.Fatal(err)
	}
	if calls, _ := s.RoundCalls(ctx, again.ID); len(calls) != 1 || *calls[0].ClientID == ps.client.ID {
		t.Errorf("a client asked this month is asked again: %+v", calls)
	}
	mystery := model.CheckRound{Kind: model.RoundMystery, Title: "Тайный покупатель", From: r.From, To: r.To, StaffID: &ps.cosmetologist.ID}
	if err := s.StartRound(ctx, &mystery); err != nil {
		t.Fatal(err)
	}
	if calls, _ := s.RoundCalls(ctx, mystery.ID); len(calls) != 1 || calls[0].ClientID != nil || len(calls[0].Marks) != 1 {
		t.Errorf("the mystery checklist: %+v", calls)
	}
}

func TestProposalsKeepTheirFeedback(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps := newPayrollSalon(t, s)
	f := model.Feedback{ClientID: ps.client.ID, Kind: model.FeedbackSuggestion, Words: "Поставьте кулер с водой", On: s.Today()}
	if err := s.AddFeedback(ctx, &f); err != nil {
		t.Fatal(err)
	}
	p := model.Proposal{Title: "Кулер в зоне ожидания", OwnerID: &ps.director.ID, FeedbackIDs: []uint{f.ID}}
	if err := s.SaveProposal(ctx, &p); err != nil {
		t.Fatal(err)
	}
	p.Status = model.ProposalDone
	if fieldKey(s.SaveProposal(ctx, &p), "result") != "err.proposal.result" {
		t.Error("done without a result")
	}
	p.Result = "Поставили 01.12, клиенты довольны"
	if err := s.SaveProposal(ctx, &p); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Proposals(ctx)
	if len(list) != 1 || list[0].Status != model.ProposalDone || len(list[0].FeedbackIDs) != 1 {
		t.Errorf("proposals %+v", list)
	}
}
