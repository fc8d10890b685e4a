package store

import (
	"context"
	"testing"

	"companion/model"
)

func TestContactsAndFollowUps(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	today := s.Today()
	anna := mustCreate(t, s, model.Client{FirstName: "Анна"})
	topics, err := s.IntroTopics(ctx)
	if err != nil || len(topics) < 8 || !topics[0].Active || topics[0].Position != 1 {
		t.Fatalf("seeded topics %+v, %v", topics, err)
	}
	lecture := model.Contact{ClientID: anna.ID, On: today.AddDays(-10), Kind: model.ContactIntroLecture, Channel: "in_person",
		Topics: model.TopicsOf([]uint{topics[2].ID, topics[0].ID}), Outcome: "Записана на замеры", NextOn: today.AddDays(-3)}
	if err := s.AddContact(ctx, &lecture); err != nil {
		t.Fatal(err)
	}
	note := model.Contact{ClientID: anna.ID, On: today.AddDays(-5), Kind: model.ContactNote, Notes: "Просит звонить после 18"}
	if err := s.AddContact(ctx, &note); err != nil {
		t.Fatal(err)
	}
	a, err := s.Agenda(ctx)
	if err != nil || a.FollowUpsTotal != 1 || a.FollowUps[0].Contact.ID != lecture.ID || a.FollowUps[0].OverdueDays != 3 ||
		a.FollowUps[0].Client.FirstName != "Анна" {
		t.Fatalf("follow-ups %+v, %v", a.FollowUps, err)
	}
	// a call today leaves the lecture's follow-up as it was: only the
	// manager closes a follow-up
	call := model.Contact{ClientID: anna.ID, On: today, Kind: model.ContactCall, Channel: "phone", Outcome: "Придёт в субботу",
		NextOn: today.AddDays(3)}
	if err := s.AddContact(ctx, &call); err != nil {
		t.Fatal(err)
	}
	cs, err := s.Contacts(ctx, anna.ID)
	if err != nil || len(cs) != 3 || cs[0].ID != call.ID || cs[2].Topics != "1,3" || cs[2].NextDone {
		t.Fatalf("timeline %+v, %v", cs, err)
	}
	if a, _ := s.Agenda(ctx); a.FollowUpsTotal != 1 || a.FollowUps[0].Contact.ID != lecture.ID {
		t.Errorf("follow-ups after the call: %+v", a.FollowUps)
	}
	if err := s.SetFollowUpDone(ctx, lecture.ID, true); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Agenda(ctx); a.FollowUpsTotal != 0 {
		t.Errorf("a follow-up marked done is still due: %+v", a.FollowUps)
	}
	if err := s.SetFollowUpDone(ctx, lecture.ID, false); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Agenda(ctx); a.FollowUpsTotal != 1 {
		t.Errorf("reopened follow-up not due: %d", a.FollowUpsTotal)
	}
	call.Outcome = "Перенесла на понедельник"
	call.NextOn = today
	if err := s.UpdateContact(ctx, &call); err != nil {
		t.Fatal(err)
	}
	// the most overdue first
	if a, _ := s.Agenda(ctx); a.FollowUpsTotal != 2 || a.FollowUps[0].Contact.ID != lecture.ID ||
		a.FollowUps[1].Contact.Outcome != "Перенесла на понедельник" {
		t.Errorf("after the edit: %+v", a.FollowUps)
	}
	if err := s.SetArchived(ctx, anna.ID, true); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Agenda(ctx); a.FollowUpsTotal != 0 {
		t.Errorf("an archived client's follow-ups: %d", a.FollowUpsTotal)
	}
}

func TestSaveIntroTopics(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	topics, _ := s.IntroTopics(ctx)
	list := []model.IntroTopic{topics[1], {Title: "  Парковка  и вход  ", Active: true}, topics[0]}
	if err := s.SaveIntroTopics(ctx, list); err != nil {
		t.Fatal(err)
	}
	if list[1].ID == 0 || list[1].Title != "Парковка и вход" {
		t.Errorf("new topic %+v", list[1])
	}
	got, _ := s.IntroTopics(ctx)
	if len(got) != len(topics)+1 || got[0].ID != topics[1].ID || got[1].ID != list[1].ID || got[2].ID != topics[0].ID || got[3].Active {
		t.Errorf("saved %+v", got[:4])
	}
	if err := s.SaveIntroTopics(ctx, []model.IntroTopic{{Title: " "}}); fieldKey(err, "line.0.title") != "err.topic.title_required" {
		t.Errorf("empty title: %v", err)
	}
}
