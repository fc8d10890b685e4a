package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
)

// programSetup adds to setupSalon a massage with a contraindication and a
// client who has hypertension in her health notes.
func programSetup(t *testing.T, s *Store) (salonSetup, model.Service, model.Client) {
	t.Helper()
	ctx := context.Background()
	ss := setupSalon(t, s)
	massage := model.Service{Name: "Классический массаж", Kind: "service", Price: model.Rub(3000), Minutes: 60, Active: true,
		Contraindications: []string{"гипертония", "варикоз"}}
	if err := s.SaveService(ctx, &massage); err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, s, model.Client{LastName: "Соколова", FirstName: "Анна", HealthConsentAt: model.NewDate(2026, 10, 1),
		Health: "Гипертоническая болезнь", PreferredDays: model.Weekdays(1<<0 | 1<<2 | 1<<4)})
	return ss, massage, c
}

func TestProgramRefusesAContraindicatedServiceWithoutTheManagersReason(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss, massage, c := programSetup(t, s)
	p := model.Program{ClientID: c.ID, Title: "Коррекция фигуры", Status: model.ProgramActive,
		StartOn: model.NewDate(2026, 11, 2), GoalBy: model.NewDate(2026, 12, 28), Days: c.PreferredDays, WeightChangeKg: -5,
		Items: []model.ProgramItem{
			{ServiceID: ss.gym.ID, Name: ss.gym.Name, Price: ss.gym.Price, Sessions: 16, PerWeek: 2, StaffID: &ss.staff},
			{ServiceID: massage.ID, Name: massage.Name, Price: massage.Price, Sessions: 5, PerWeek: 1},
		}}
	err := s.SaveProgram(ctx, &p)
	if key := fieldKey(err, model.LineField(1, "override")); key != "err.program.override_required" {
		t.Fatalf("a contraindicated massage was not refused: %v", err)
	}
	if vs, _ := s.Programs(ctx, c.ID); len(vs) != 0 {
		t.Fatalf("a refused program was stored: %+v", vs)
	}
	p.Items[1].Override = "Давление под контролем, терапевт разрешил"
	if err := s.SaveProgram(ctx, &p); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Programs(ctx, c.ID)
	if err != nil || len(vs) != 1 {
		t.Fatalf("programs: %v %+v", err, vs)
	}
	it := vs[0].Program.Items[1]
	if it.Contraindicated != "гипертония" || it.Override == "" || vs[0].Program.Version != 1 {
		t.Errorf("the item does not keep what was confirmed: %+v", vs[0].Program)
	}
	entries, err := s.AuditLog(ctx, 10, 0)
	if err != nil || len(entries) == 0 || entries[0].Table != "programs" {
		t.Errorf("the override is not in the audit log: %v %+v", err, entries)
	}
}

func TestProgramProgressFollowsTheVisits(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss, _, c := programSetup(t, s)
	// Mondays and Wednesdays from 2 November: 8 due by Friday 27 November
	p := model.Program{ClientID: c.ID, Title: "Сила", Status: model.ProgramActive, StartOn: model.NewDate(2026, 11, 2),
		Days: model.Weekdays(1<<0 | 1<<2), Items: []model.ProgramItem{{ServiceID: ss.gym.ID, Name: ss.gym.Name,
			Price: ss.gym.Price, Sessions: 12, PerWeek: 2}}}
	if err := s.SaveProgram(ctx, &p); err != nil {
		t.Fatal(err)
	}
	behind, err := s.ProgramsBehind(ctx)
	if err != nil || len(behind) != 1 || behind[0].Client.ID != c.ID {
		t.Fatalf("a program with nothing done is not behind: %v %+v", err, behind)
	}
	for _, day := range []int{2, 4, 9, 11, 16, 18} {
		mustVisit(t, s, c.ID, model.NewDate(2026, 11, day), ss.line(nil))
	}
	v, err := s.Program(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if pr := v.Progress; pr.Done != 6 || pr.Due != 8 || pr.Percent != 50 || pr.Behind {
		t.Errorf("6 of 8 due: %+v", pr)
	}
	if v.Price.Total != model.Rub(700*12) || v.Price.ToPay != v.Price.Total {
		t.Errorf("price: %+v", v.Price)
	}
	if behind, _ := s.ProgramsBehind(ctx); len(behind) != 0 {
		t.Errorf("a program on schedule is behind: %+v", behind)
	}
}

func TestProgramSaveFromAnOldReadIsRefused(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss, _, c := programSetup(t, s)
	p := model.Program{ClientID: c.ID, Title: "Черновик", Status: model.ProgramDraft, StartOn: model.NewDate(2026, 12, 1)}
	if err := s.SaveProgram(ctx, &p); err != nil {
		t.Fatal(err)
	}
	other := p
	p.Items = []model.ProgramItem{{ServiceID: ss.gym.ID, Name: ss.gym.Name, Sessions: 4, PerWeek: 1}}
	if err := s.SaveProgram(ctx, &p); err != nil || p.Version != 2 {
		t.Fatalf("second save: %v, version %d", err, p.Version)
	}
	other.Status = model.ProgramCancelled
	if err := s.SaveProgram(ctx, &other); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a save over another's change: %v", err)
	}
	p.Status = model.ProgramActive
	p.Items = nil
	if key := fieldKey(s.SaveProgram(ctx, &p), "items"); key != "err.program.items_required" {
		t.Errorf("an active program without items: %q", key)
	}
}

func TestRecommendationAddedToTheProgramLeavesTheWaitingList(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss, massage, c := programSetup(t, s)
	p := model.Program{ClientID: c.ID, Title: "Спина", Status: model.ProgramActive, StartOn: model.NewDate(2026, 11, 23),
		Items: []model.ProgramItem{{ServiceID: ss.gym.ID, Name: ss.gym.Name, Sessions: 4, PerWeek: 1}}}
	if err := s.SaveProgram(ctx, &p); err != nil {
		t.Fatal(err)
	}
	recs := []model.Recommendation{
		{ClientID: c.ID, StaffID: ss.staff, ServiceID: massage.ID, Reason: "Зажим в шейном отделе", On: model.NewDate(2026, 11, 20)},
		{ClientID: c.ID, StaffID: ss.staff, ServiceID: ss.gym.ID, Reason: "Больше кардио", On: model.NewDate(2026, 11, 25)},
	}
	for i := range recs {
		if err := s.AddRecommendation(ctx, &recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if waiting, err := s.WaitingRecommendations(ctx); err != nil || len(waiting) != 2 || waiting[0].Client.ID != c.ID {
		t.Fatalf("waiting: %v %+v", err, waiting)
	}
	r := recs[0]
	r.Decision, r.ProgramID = model.RecAdded, &p.ID
	if err := s.DecideRecommendation(ctx, &r, &model.ProgramItem{Sessions: 5, PerWeek: 1}); fieldKey(err, model.LineField(1, "override")) == "" {
		t.Fatalf("a contraindicated recommendation went in without a reason: %v", err)
	}
	if err := s.DecideRecommendation(ctx, &r, &model.ProgramItem{Sessions: 5, PerWeek: 1, Override: "Разрешено врачом"}); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Program(ctx, p.ID); len(v.Program.Items) != 2 || v.Program.Items[1].Name != massage.Name || v.Program.Items[1].Price != massage.Price {
		t.Errorf("the massage is not in the program: %+v", v.Program.Items)
	}
	d := recs[1]
	d.Decision = model.RecDeclined
	if key := fieldKey(s.DecideRecommendation(ctx, &d, nil), "note"); key != "err.rec.decline_reason" {
		t.Errorf("declined without a reason: %q", key)
	}
	d.Note = "Клиентка не любит кардио"
	if err := s.DecideRecommendation(ctx, &d, nil); err != nil {
		t.Fatal(err)
	}
	if waiting, _ := s.WaitingRecommendations(ctx); len(waiting) != 0 {
		t.Errorf("decided recommendations still wait: %+v", waiting)
	}
	rows, err := s.Recommendations(ctx, c.ID)
	if err != nil || len(rows) != 2 || rows[0].Decision != model.RecDeclined || rows[0].Staff == "" || rows[1].Service != massage.Name {
		t.Errorf("history: %v %+v", err, rows)
	}
}

func TestProgramsForAClientWithoutHealthConsentCheckNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	_, massage, _ := programSetup(t, s)
	c := mustCreate(t, s, model.Client{LastName: "Петров", FirstName: "Иван"})
	p := model.Program{ClientID: c.ID, Title: "Массаж", Status: model.ProgramDraft, StartOn: model.NewDate(2026, 12, 1),
		Items: []model.ProgramItem{{ServiceID: massage.ID, Name: massage.Name, Sessions: 5, PerWeek: 1, Override: "что-то"}}}
	if err := s.SaveProgram(ctx, &p); err != nil {
		t.Fatal(err)
	}
	v, _ := s.Program(ctx, p.ID)
	if it := v.Program.Items[0]; it.Contraindicated != "" || it.Override != "" {
		t.Errorf("health data stored without consent: %+v", it)
	}
	b, err := s.ProgramBasis(ctx, c.ID)
	if err != nil || b.HealthConsent || b.Latest != nil || len(b.Services) == 0 {
		t.Errorf("basis: %v %+v", err, b)
	}
}

func TestTemplatesKeepTheirItemsAndRefuseATakenName(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss, massage, _ := programSetup(t, s)
	tpl := model.ProgramTemplate{Name: "Антистресс, 4 недели", Weeks: 4, Items: []model.TemplateItem{
		{ServiceID: massage.ID, Sessions: 4, PerWeek: 1}, {ServiceID: ss.gym.ID, Sessions: 8, PerWeek: 2}}}
	if err := s.SaveProgramTemplate(ctx, &tpl); err != nil {
		t.Fatal(err)
	}
	again := model.ProgramTemplate{Name: "Антистресс, 4 недели", Weeks: 2, Items: tpl.Items[:1]}
	if key := fieldKey(s.SaveProgramTemplate(ctx, &again), "name"); key != "err.program.template_taken" {
		t.Errorf("a taken name: %q", key)
	}
	list, err := s.ProgramTemplates(ctx)
	if err != nil || len(list) != 1 || len(list[0].Items) != 2 || list[0].Items[1].Sessions != 8 {
		t.Errorf("templates: %v %+v", err, list)
	}
	if err := s.As(model.RoleInterviewer).SaveProgramTemplate(ctx, &tpl); err == nil {
		t.Error("the interviewer saved a template")
	}
}
