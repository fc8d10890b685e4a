package store

import (
	"context"
	"errors"
	"testing"

	"companion/model"
)

func TestClientRecordAndAnonymize(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	friend := mustCreate(t, s, model.Client{FirstName: "Подруга"})
	anna := mustCreate(t, s, model.Client{LastName: "Иванова", FirstName: "Анна", MiddleName: "Петровна",
		Phone: "+79161234567", Email: "anna@mail.ru", BirthDate: model.NewDate(1990, 3, 5), ReferrerID: &friend.ID,
		PDConsentAt: today.AddDays(-60), HealthConsentAt: today.AddDays(-60), Health: "варикоз",
		NeedsStated: "Похудеть к лету", Goals: "−5 кг", Notes: "Звонить после 18"})
	card := sell(t, s, anna.ID, ss.ten, today.AddDays(-50))
	v := model.Visit{ClientID: anna.ID, On: today.AddDays(-40), Notes: "Пришла с мужем", Lines: []model.VisitLine{ss.line(&card)}}
	if err := s.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	mustVisit(t, s, anna.ID, today.AddDays(-20), ss.line(nil))
	if err := s.AddAssessment(ctx, &model.Assessment{ClientID: anna.ID, On: today.AddDays(-40), WeightKg: 80, HeightCm: 170}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddContact(ctx, &model.Contact{ClientID: anna.ID, On: today.AddDays(-40), Kind: model.ContactIntroLecture,
		Topics: "1,2", Channel: "in_person"}); err != nil {
		t.Fatal(err)
	}
	rec, err := s.ClientRecord(ctx, anna.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Client.FullName() != "Иванова Анна Петровна" || len(rec.Visits) != 2 || len(rec.Cards) != 1 ||
		len(rec.Assessments) != 1 || len(rec.Contacts) != 1 || rec.StaffNames[ss.staff] != "Орлов Артём Сергеевич" ||
		rec.TopicTitles[1] == "" || rec.Cards[0].State.VisitsUsed != 1 || rec.ReferrerName != "Подруга" {
		t.Fatalf("record %+v", rec)
	}
	if _, err := s.ClientRecord(ctx, 999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("no such client: %v", err)
	}

	if err := s.AnonymizeClient(ctx, anna.ID); err != nil {
		t.Fatal(err)
	}
	rec, err = s.ClientRecord(ctx, anna.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := rec.Client
	if !c.Anonymized() || c.Phone != "" || c.Email != "" || !c.BirthDate.IsZero() || c.Health != "" || c.NeedsStated != "" ||
		c.Goals != "" || c.Notes != "" || c.ReferrerID != nil || !c.HealthConsentAt.IsZero() || c.MiddleName != "" {
		t.Errorf("anonymised client keeps %+v", c)
	}
	if len(rec.Assessments) != 0 || len(rec.Contacts) != 0 || len(rec.Visits) != 2 || rec.Visits[1].Notes != "" ||
		rec.Visits[1].Total() != 0 || rec.Visits[0].Total() != model.Rub(700) || len(rec.Cards) != 1 || c.VisitCount != 2 {
		t.Errorf("after anonymising: %+v", rec)
	}
	for _, q := range []string{"иванова", "79161234567", "anna"} {
		if rows, _ := s.ListClients(ctx, model.ClientQuery{Text: q, Archived: true}); len(rows) != 0 {
			t.Errorf("search %q still finds %v", q, names(rows))
		}
	}
	if rows, _ := s.ListClients(ctx, model.ClientQuery{Text: card.Number, Archived: true}); len(rows) != 1 {
		t.Errorf("the card number no longer finds the record of the books")
	}
	var fe *model.ErrForbidden
	if err := s.As(model.RoleInterviewer).AnonymizeClient(ctx, friend.ID); !errors.As(err, &fe) {
		t.Errorf("the interviewer anonymised a client: %v", err)
	}
}
