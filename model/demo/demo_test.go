package demo

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"companion/model"
)

var today = model.NewDate(2026, time.November, 27)

func TestSameSeedSameSalon(t *testing.T) {
	a, b := Salon(1, today, 200), Salon(1, today, 200)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two salons from one seed differ")
	}
	if c := Salon(2, today, 200); reflect.DeepEqual(a.Clients, c.Clients) {
		t.Fatal("another seed gave the same clients")
	}
}

func TestEveryClientValidatesAsStored(t *testing.T) {
	d := Salon(1, today, 2000)
	if len(d.Clients) != 2000 || len(d.Blocks) != 3 || len(d.Staff) < 10 {
		t.Fatalf("%d clients, %d blocks, %d staff", len(d.Clients), len(d.Blocks), len(d.Staff))
	}
	for i, c := range d.Clients {
		v := c.Client
		if err := v.Validate(today); err != nil {
			t.Fatalf("client %d %s: %v", i, c.FullName(), err)
		}
		if !reflect.DeepEqual(v, c.Client) {
			t.Errorf("client %d is not in its stored form:\n%+v\n%+v", i, c.Client, v)
		}
		if c.Referrer >= i || (c.Referrer >= 0 && c.Source != "referral") {
			t.Errorf("client %d: referrer %d, source %s", i, c.Referrer, c.Source)
		}
		if c.CreatedAt.IsZero() || model.DateOf(c.CreatedAt).After(today) {
			t.Errorf("client %d created %v", i, c.CreatedAt)
		}
		if c.VisitCount > 0 && (c.FirstVisitOn.After(c.LastVisitOn) || c.LastVisitOn.After(today)) {
			t.Errorf("client %d visits %v–%v", i, c.FirstVisitOn, c.LastVisitOn)
		}
		if !c.BirthDate.IsZero() {
			if age := today.Year() - c.BirthDate.Year(); age < 18 || age > 71 {
				t.Errorf("client %d is %d", i, age)
			}
		}
	}
	for i, s := range d.Staff {
		if s.Block < 0 || s.Block >= len(d.Blocks) || s.UUID == "" || s.HiredOn.After(today) {
			t.Errorf("staff %d: %+v", i, s)
		}
		if p, err := model.NormalizePhone(s.Phone); err != nil || p != s.Phone {
			t.Errorf("staff %d phone %q: %v", i, s.Phone, err)
		}
	}
}

func TestPhonesAreUniqueRussianMobiles(t *testing.T) {
	d := Salon(3, today, 5000)
	seen := map[string]bool{}
	none := 0
	for _, c := range d.Clients {
		if c.Phone == "" {
			none++
			continue
		}
		if seen[c.Phone] || !strings.HasPrefix(c.Phone, "+79") || len(c.Phone) != 12 {
			t.Errorf("phone %q repeated or not a Russian mobile", c.Phone)
		}
		seen[c.Phone] = true
	}
	if none == 0 || none > len(d.Clients)/10 {
		t.Errorf("%d clients without a phone", none)
	}
}

func TestTheSalonLooksReal(t *testing.T) {
	d := Salon(1, today, DefaultClients)
	n := float64(len(d.Clients))
	status := map[model.Status]int{}
	var referred, marketing, health, latin, yo, email, birthdays, women int
	for _, c := range d.Clients {
		status[c.Status(today)]++
		if c.Referrer >= 0 {
			referred++
		}
		if c.MarketingConsent {
			marketing++
		}
		if c.Health != "" {
			health++
		}
		if c.MiddleName == "" && strings.ContainsAny(c.LastName, "abcdefghijklmnopqrstuvwxyz") {
			latin++
		}
		if strings.ContainsRune(c.FullName(), 'ё') {
			yo++
		}
		if c.Email != "" {
			email++
		}
		if days := nextBirthday(c.BirthDate); days >= 0 && days < 7 {
			birthdays++
		}
		if strings.HasSuffix(c.MiddleName, "на") {
			women++
			if feminine(c.LastName) != c.LastName {
				t.Errorf("%s: a woman with a masculine surname", c.FullName())
			}
		}
	}
	t.Logf("statuses %v, referred %d, marketing %d, health %d, latin %d, ё %d, email %d, birthdays %d, women %d",
		status, referred, marketing, health, latin, yo, email, birthdays, women)
	for _, st := range model.Statuses {
		if share := float64(status[st]) / n; share < 0.04 || share > 0.7 {
			t.Errorf("status %s: %d of %d", st, status[st], len(d.Clients))
		}
	}
	if status[model.StatusActive] < status[model.StatusLapsed] {
		t.Errorf("fewer active clients than lapsed: %v", status)
	}
	within := func(what string, got int, lo, hi float64) {
		if share := float64(got) / n; share < lo || share > hi {
			t.Errorf("%s: %d of %d", what, got, len(d.Clients))
		}
	}
	within("referred", referred, 0.12, 0.28)
	within("marketing consent", marketing, 0.5, 0.7)
	within("health notes", health, 0.05, 0.3)
	within("women", women, 0.55, 0.8)
	within("emails", email, 0.05, 0.25)
	if latin == 0 || yo == 0 || birthdays < 3 {
		t.Errorf("latin %d, ё %d, birthdays this week %d", latin, yo, birthdays)
	}
	for _, c := range d.Clients[:12] {
		t.Logf("%-40s %s %s %s visits %d %s–%s %q %q %q %q %q", c.FullName(), c.Phone, c.BirthDate, c.Source,
			c.VisitCount, c.FirstVisitOn, c.LastVisitOn, c.Tags, c.NeedsStated, c.NeedsObserved, c.Goals, c.Notes)
	}
}

// nextBirthday is the number of days from today to the next birthday, or -1.
func nextBirthday(b model.Date) int {
	if b.IsZero() {
		return -1
	}
	for i := 0; i < 366; i++ {
		d := today.AddDays(i)
		if d.Month() == b.Month() && d.Day() == b.Day() {
			return i
		}
	}
	return -1
}

func TestFeminineSurnames(t *testing.T) {
	for in, want := range map[string]string{"Иванов": "Иванова", "Семёнов": "Семёнова", "Ильин": "Ильина",
		"Вишневский": "Вишневская", "Троицкий": "Троицкая", "Толстой": "Толстая", "Шевченко": "Шевченко",
		"Черных": "Черных", "Ковальчук": "Ковальчук", "Григорян": "Григорян", "Цой": "Цой", "Алиев": "Алиева"} {
		if got := feminine(in); got != want {
			t.Errorf("feminine(%s) = %s, want %s", in, got, want)
		}
	}
	if shortName("Каримова Алина Рустамовна") != "Каримова А. Р." {
		t.Error(shortName("Каримова Алина Рустамовна"))
	}
}
