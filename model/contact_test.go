package model

import (
	"errors"
	"testing"
)

func TestContactValidate(t *testing.T) {
	today := d(2026, 11, 27)
	c := Contact{ClientID: 1, On: today, Kind: ContactIntroLecture, Channel: "in_person", Topics: "5, 1,3,1,x",
		NextOn: today.AddDays(7), Outcome: "  записана на программу "}
	if err := c.Validate(today); err != nil {
		t.Fatal(err)
	}
	if c.Topics != "1,3,5" || c.Outcome != "записана на программу" {
		t.Errorf("topics %q outcome %q", c.Topics, c.Outcome)
	}
	call := Contact{ClientID: 1, On: today, Kind: ContactCall, Channel: "phone", Topics: "1,2"}
	if err := call.Validate(today); err != nil || call.Topics != "" {
		t.Errorf("a call keeps topics %q: %v", call.Topics, err)
	}
	for _, tc := range []struct {
		name  string
		c     Contact
		field string
		key   string
	}{
		{"unknown kind", Contact{ClientID: 1, On: today, Kind: "visitation"}, "kind", "err.contact.kind"},
		{"pigeon post", Contact{ClientID: 1, On: today, Kind: ContactMessage, Channel: "pigeon"}, "channel", "err.contact.channel"},
		{"next before this", Contact{ClientID: 1, On: today, Kind: ContactCall, NextOn: today.AddDays(-1)}, "next_on", "err.contact.next_before"},
		{"in the future", Contact{ClientID: 1, On: today.AddDays(1), Kind: ContactNote}, "on", "err.date.future"},
	} {
		var v ValidationErrors
		if err := tc.c.Validate(today); !errors.As(err, &v) || v.For(tc.field) == nil || v.For(tc.field).Key != tc.key {
			t.Errorf("%s: got %v", tc.name, err)
		}
	}
}

func TestFollowUpDue(t *testing.T) {
	today := d(2026, 11, 27)
	for _, tc := range []struct {
		c       Contact
		due     bool
		overdue int
	}{
		{Contact{NextOn: today}, true, 0},
		{Contact{NextOn: today.AddDays(-3)}, true, 3},
		{Contact{NextOn: today.AddDays(1)}, false, 0},
		{Contact{NextOn: today.AddDays(-3), NextDone: true}, false, 3},
		{Contact{}, false, 0},
	} {
		if tc.c.Due(today) != tc.due || (tc.due && tc.c.OverdueDays(today) != tc.overdue) {
			t.Errorf("%+v: due %v overdue %d", tc.c, tc.c.Due(today), tc.c.OverdueDays(today))
		}
	}
	if got := TopicsOf([]uint{4, 2, 2, 0, 9}); got != "2,4,9" {
		t.Errorf("TopicsOf: %q", got)
	}
}
