package model

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ContactKind is what a contact with a client was.
type ContactKind string

// The kinds of contact, in the order a relationship meets them.
const (
	ContactFirstVisit   ContactKind = "first_visit"
	ContactIntroLecture ContactKind = "intro_lecture"
	ContactConsultation ContactKind = "consultation"
	ContactCall         ContactKind = "call"
	ContactMessage      ContactKind = "message"
	ContactVisit        ContactKind = "visit"
	ContactNote         ContactKind = "note"
)

// ContactKinds lists the kinds for a picker.
var ContactKinds = []ContactKind{ContactFirstVisit, ContactIntroLecture, ContactConsultation, ContactCall,
	ContactMessage, ContactVisit, ContactNote}

// Channels are the ways a contact happens, as stored.
var Channels = []string{"in_person", "phone", "whatsapp", "telegram", "sms", "email"}

// Contact is one entry of a client's timeline: what happened, how, with
// what outcome, and when to get in touch next.
type Contact struct {
	ID        uint
	ClientID  uint
	On        Date `gorm:"column:day"`
	Kind      ContactKind
	Channel   string // one of Channels; "" for a note
	Outcome   string
	Notes     string
	NextOn    Date // the next contact to make; unset for none
	NextDone  bool // the next contact was made
	Topics    string
	CreatedAt time.Time
}

// Topics are carried as IDs of IntroTopic, comma separated, in order:
// "1,2,5". Only a first visit and an intro lecture carry them.

// TopicIDs reads the covered topics.
func (c Contact) TopicIDs() []uint {
	var out []uint
	for _, p := range strings.Split(c.Topics, ",") {
		if n, err := strconv.ParseUint(strings.TrimSpace(p), 10, 32); err == nil && n > 0 {
			out = append(out, uint(n))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TopicsOf writes topic IDs as Contact.Topics holds them.
func TopicsOf(ids []uint) string {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	parts := make([]string, 0, len(ids))
	for _, id := range ids {
		if id > 0 {
			parts = append(parts, strconv.FormatUint(uint64(id), 10))
		}
	}
	return strings.Join(parts, ",")
}

// HasTopics reports whether a kind of contact records intro topics.
func (k ContactKind) HasTopics() bool { return k == ContactFirstVisit || k == ContactIntroLecture }

// Due reports whether the next contact is to be made by today and is not.
func (c Contact) Due(today Date) bool {
	return !c.NextOn.IsZero() && !c.NextDone && !c.NextOn.After(today)
}

// OverdueDays is how many days the next contact is late: 0 when due today.
func (c Contact) OverdueDays(today Date) int { return max(0, today.DaysSince(c.NextOn)) }

// Validate trims the contact and checks it: a day not after today, a known
// kind and channel, the next contact not before this one. Topics are kept
// in their stored form, and only for the kinds that have them.
func (c *Contact) Validate(today Date) error {
	var errs ValidationErrors
	c.Outcome = strings.TrimSpace(c.Outcome)
	c.Notes = strings.TrimSpace(c.Notes)
	if c.ClientID == 0 {
		errs.add("client", "err.visit.client_required", nil)
	}
	switch {
	case c.On.IsZero():
		errs.add("on", "err.date.required", nil)
	case c.On.After(today):
		errs.add("on", "err.date.future", nil)
	}
	if !slices.Contains(ContactKinds, c.Kind) {
		errs.add("kind", "err.contact.kind", nil)
	}
	if c.Channel != "" && !contains(Channels, c.Channel) {
		errs.add("channel", "err.contact.channel", nil)
	}
	if !c.NextOn.IsZero() && !c.On.IsZero() && c.NextOn.Before(c.On) {
		errs.add("next_on", "err.contact.next_before", nil)
	}
	if c.NextOn.IsZero() {
		c.NextDone = false
	}
	if c.Kind.HasTopics() {
		c.Topics = TopicsOf(c.TopicIDs())
	} else {
		c.Topics = ""
	}
	if utf8.RuneCountInString(c.Outcome) > maxTitle*2 {
		errs.add("outcome", "err.text.too_long", map[string]any{"Max": maxTitle * 2})
	}
	if utf8.RuneCountInString(c.Notes) > maxText {
		errs.add("notes", "err.text.too_long", map[string]any{"Max": maxText})
	}
	return errs.OrNil()
}

// IntroTopic is an item of the salon's checklist for the intro lecture: what
// a new client is told at the first visit.
type IntroTopic struct {
	ID       uint
	Title    string
	Position int
	Active   bool // inactive topics are kept for the lectures that covered them
}

// Validate trims the topic and checks its title.
func (t *IntroTopic) Validate() error {
	var errs ValidationErrors
	t.Title = strings.Join(strings.Fields(t.Title), " ")
	switch {
	case t.Title == "":
		errs.add("title", "err.topic.title_required", nil)
	case utf8.RuneCountInString(t.Title) > maxTitle*2:
		errs.add("title", "err.text.too_long", map[string]any{"Max": maxTitle * 2})
	}
	return errs.OrNil()
}
