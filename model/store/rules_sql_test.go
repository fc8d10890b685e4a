package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
	"time"

	"companion/model"
)

// norm is a statement with its whitespace folded, as sameSQL compares.
func norm(q string) string { return strings.Join(strings.Fields(q), " ") }

func itoa(n int) string { return strconv.Itoa(n) }

// The SQL of the rules carries model's constants, nothing typed twice: the
// schema of a new database, the queries and what the store keeps.
func TestRuleSQLCarriesModelsConstants(t *testing.T) {
	onSQLite(t)
	s := openTest(t)
	have, err := schemaSQL(s.DB())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range sqliteSQL.ruleObjects() {
		if got := have[o.kind+" "+o.name]; !sameSQL(got, o.ddl) {
			t.Errorf("%s %s in sqlite_master:\n%s\nthis build makes:\n%s", o.kind, o.name, got, o.ddl)
		}
	}
	risk := []string{
		"min(" + itoa(model.LapsedAfterDays+1) + ",",
		"visit_count >= " + itoa(model.UsualIntervalVisits),
		"THEN " + sqlReal(model.AtRiskIntervalFactor) + " * max(" + sqlReal(model.UsualIntervalMinDays) + ", (julianday(",
		"ELSE " + itoa(model.AtRiskAfterDays) + " END",
	}
	for _, want := range []struct {
		what, sql string
		has       []string
	}{
		{"index cards_few_left", have["index cards_few_left"],
			[]string{"visits_included - visits_used <= " + itoa(model.CardAlertVisits)}},
		{"trigger clients_risk_ai", have["trigger clients_risk_ai"], risk},
		{"trigger clients_risk_au", have["trigger clients_risk_au"], risk},
		{"statusSQL", sqliteSQL.statusSQL(), append(risk[1:], "> "+itoa(model.LapsedAfterDays)+" THEN 'lapsed'")},
		{"trustSQL", sqliteSQL.trustSQL(), []string{"c.visit_count < " + itoa(model.TrustBuildingVisits),
			"< " + itoa(model.TrustBuildingDays) + " THEN 'new'", "c.visit_count >= " + itoa(model.TrustTrustedVisits),
			">= " + itoa(model.TrustTrustedDays) + " AND NOT (", "f.state IN ('new', 'passed', 'answered')",
			"< " + sqlReal(model.TrustMinRating) + ") THEN 'trusted'"}},
		{"fewCards", sqliteSQL.fewCards(), []string{"cards.visits_included - cards.visits_used <= " + itoa(model.CardAlertVisits)}},
		{"longGapSQL", sqliteSQL.longGapSQL(), []string{"> " + itoa(model.ActiveDays+1)}},
	} {
		for _, h := range want.has {
			if !strings.Contains(norm(want.sql), h) {
				t.Errorf("%s lacks %q:\n%s", want.what, h, norm(want.sql))
			}
		}
	}
	// The long gaps are remade with the risk triggers (refreshRiskSQL): the
	// triggers must change whenever the gaps' threshold does.
	if gapDays != riskCapDays {
		t.Errorf("client_gaps keep gaps over %d days, the risk triggers carry %d", gapDays, riskCapDays)
	}
	if sqlReal(2) != "2.0" || sqlReal(1.5) != "1.5" || sqlText("it's") != "'it''s'" {
		t.Errorf("literals: %s %s %s", sqlReal(2), sqlReal(1.5), sqlText("it's"))
	}
}

// ruleRows reads what the store keeps by the rules: each client's at-risk
// day and visit days, and the long gaps.
func ruleRows(t testing.TB, s *Store) string {
	t.Helper()
	var out []string
	for _, q := range []string{
		"SELECT id || ':' || coalesce(risk_on, '-') || ':' || coalesce(CAST(first_day AS TEXT), '-') || ':' || coalesce(CAST(last_day AS TEXT), '-') FROM clients ORDER BY id",
		"SELECT client_id || ':' || after_day || ':' || before_day FROM client_gaps ORDER BY client_id, after_day",
	} {
		var rows []string
		if err := s.DB().Raw(q).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join(rows, " "))
	}
	return strings.Join(out, "\n")
}

// asOtherBuild leaves the database as a build with other thresholds would
// have: the few-left index for one visit fewer, the risk triggers with
// another at-risk gap, and the rows those triggers and the gaps keep by
// that rule.
func asOtherBuild(t testing.TB, s *Store) {
	t.Helper()
	fewer := strings.Replace(cardsFewLeftDDL, "<= "+itoa(model.CardAlertVisits), "<= "+itoa(model.CardAlertVisits-1), 1)
	other := func(q string) string {
		return strings.ReplaceAll(q, "ELSE "+itoa(model.AtRiskAfterDays)+" END", "ELSE "+itoa(model.AtRiskAfterDays+15)+" END")
	}
	d := s.d
	if sameSQL(fewer, cardsFewLeftDDL) || sameSQL(other(d.visitDaysSQL("")), d.visitDaysSQL("")) {
		t.Fatal("the other build's SQL is this one's")
	}
	remake := []string{
		"DROP TRIGGER clients_risk_ai", other(d.clientsRiskInsertDDL()),
		"DROP TRIGGER clients_risk_au", other(d.clientsRiskUpdateDDL()),
	}
	if d.postgres {
		remake = []string{other(d.clientsRiskFunctionDDL()),
			"UPDATE schema_rules SET ddl = " + sqlText(other(d.clientsRiskFunctionDDL())) + " WHERE name = 'function clients_risk'",
			"UPDATE schema_rules SET ddl = " + sqlText(fewer) + " WHERE name = 'index cards_few_left'"}
	}
	for _, q := range append(append([]string{"DROP INDEX cards_few_left", fewer}, remake...),
		"UPDATE clients SET "+other(d.visitDaysSQL("")),
		"DELETE FROM client_gaps",
	) {
		if err := s.DB().Exec(q).Error; err != nil {
			t.Fatalf("%v in %s", err, q)
		}
	}
}

// schemaCookie changes whenever the schema does: SQLite's schema version,
// or the row versions of PostgreSQL's schema_rules.
func schemaCookie(t testing.TB, s *Store) string {
	t.Helper()
	q := "PRAGMA schema_version"
	if s.d.postgres {
		q = "SELECT string_agg(CAST(xmin AS TEXT), ',' ORDER BY name) FROM schema_rules"
	}
	var v string
	if err := s.DB().Raw(q).Scan(&v).Error; err != nil {
		t.Fatal(err)
	}
	return v
}

// ruleSQL reads the rule objects' SQL as the database keeps it.
func ruleSQL(t testing.TB, s *Store) map[string]string {
	t.Helper()
	read := schemaSQL
	if s.d.postgres {
		read = postgresRules
	}
	have, err := read(s.DB())
	if err != nil {
		t.Fatal(err)
	}
	return have
}

// A database whose index and triggers were made with other thresholds is
// brought to this build's on open, with the rows they keep; one already in
// step is only read.
func TestRuleObjectsFollowTheConstantsOnOpen(t *testing.T) {
	path := testDatabase(t)
	clock := WithClock(func() time.Time { return fixedNow })
	s, err := Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	few := mustCreate(t, s, model.Client{LastName: "Мало"})
	card := sell(t, s, few.ID, ss.ten, today.AddDays(-20)) // ends in 40 days
	used := ss.ten.Visits - model.CardAlertVisits
	for i := 0; i < used; i++ { // every day up to today: not at risk
		mustVisit(t, s, few.ID, today.AddDays(i-used+1), ss.line(&card))
	}
	away := mustCreate(t, s, model.Client{LastName: "Пропадал"})
	mustVisit(t, s, away.ID, today.AddDays(-300), ss.line(nil))
	mustVisit(t, s, away.ID, today.AddDays(-model.AtRiskAfterDays-5), ss.line(nil))
	kept := ruleRows(t, s)
	before, err := s.Agenda(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before.ExpiringTotal != 1 || before.AtRiskTotal != 1 || !strings.Contains(kept, fmt.Sprintf("%d:", away.ID)) {
		t.Fatalf("the salon proves nothing: %d cards, %d at risk\n%s", before.ExpiringTotal, before.AtRiskTotal, kept)
	}
	asOtherBuild(t, s)
	if ruleRows(t, s) == kept {
		t.Fatal("the other build keeps the same rows")
	}
	s.Close()

	s, err = Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	have := ruleSQL(t, s)
	for _, o := range s.d.ruleObjects() {
		if !sameSQL(have[o.kind+" "+o.name], o.ddl) {
			t.Errorf("%s %s not brought up to date:\n%s", o.kind, o.name, have[o.kind+" "+o.name])
		}
	}
	if !strings.Contains(have["index cards_few_left"], "<= "+itoa(model.CardAlertVisits)) {
		t.Errorf("cards_few_left: %s", have["index cards_few_left"])
	}
	if got := ruleRows(t, s); got != kept {
		t.Errorf("kept after the open\n%s\nby the rule\n%s", got, kept)
	}
	after, err := s.Agenda(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.ExpiringTotal != 1 || len(after.ExpiringCards) != 1 || after.ExpiringCards[0].Card.Card.ID != card.ID ||
		after.AtRiskTotal != 1 || after.AtRisk[0].ID != away.ID {
		t.Errorf("Today after the open: %d cards, %d at risk", after.ExpiringTotal, after.AtRiskTotal)
	}

	cookie := schemaCookie(t, s)
	s.Close()
	s, err = Open(path, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := schemaCookie(t, s); got != cookie {
		t.Errorf("opening a database in step changed its schema: %s → %s", cookie, got)
	}
}

// A rule object waits for the schema version that makes it: a database
// opened by the first migrations alone (as TestMakeSchemaV1 does) opens.
func TestRuleObjectsWaitForTheirSchemaVersion(t *testing.T) {
	onSQLite(t)
	saved := migrations
	migrations = migrations[:1]
	defer func() { migrations = saved }()
	s := openTest(t)
	have, err := schemaSQL(s.DB())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := have["index cards_few_left"]; ok {
		t.Error("cards_few_left made on a schema without cards")
	}
}

// A full import keeps by this build's rules what the file kept by its own:
// the file may come from a build with other thresholds.
func TestImportKeepsRowsByThisBuildsRules(t *testing.T) {
	src := demoStore(t, 40)
	kept := ruleRows(t, src)
	asOtherBuild(t, src)
	file := exportAll(t, src)

	dst := openTest(t)
	if _, err := dst.ImportAll(context.Background(), bytes.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	if got := ruleRows(t, dst); got != kept || !strings.Contains(kept, "2026-") {
		t.Errorf("imported\n%s\nby the rule\n%s", got, kept)
	}
}

// The cards on Today are those model.CardAlertOn picks, over a salon of
// cards of every kind: used, frozen, unlimited, starting at the first
// visit, ended, of archived clients.
func TestCardAlertsAgreeWithTheRule(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ss := setupSalon(t, s)
	today := s.Today()
	three := model.CardType{Name: "3 посещения", ValidDays: 120, Visits: 3, FreezeDays: 10, Active: true}
	week := model.CardType{Name: "Неделя", ValidDays: 7, Active: true}
	for _, ct := range []*model.CardType{&three, &week} {
		if err := s.SaveCardType(ctx, ct); err != nil {
			t.Fatal(err)
		}
	}
	types := []model.CardType{ss.ten, ss.month, three, week}
	r := rand.New(rand.NewSource(5))
	var clients []uint
	for i := 0; i < 80; i++ {
		c := mustCreate(t, s, model.Client{FirstName: fmt.Sprintf("Клиент%02d", i)})
		clients = append(clients, c.ID)
		card := sell(t, s, c.ID, types[r.Intn(len(types))], today.AddDays(-r.Intn(130)))
		useCard(t, s, ss, r, card, today)
		if r.Intn(5) == 0 {
			from := today.AddDays(-r.Intn(20) + 3)
			refused(t, s.FreezeCard(ctx, card.ID, from, from.AddDays(r.Intn(5))))
		}
		if i%15 == 7 {
			if err := s.SetArchived(ctx, c.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := map[uint]bool{}
	var soon, few, quiet int
	for i, id := range clients {
		views, err := s.Cards(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range views {
			switch {
			case !model.CardAlertOn(v.State, today):
				quiet++
			case i%15 != 7:
				want[v.Card.ID] = true
				if v.State.ValidTo.After(today.AddDays(model.CardAlertDays)) {
					few++
				} else {
					soon++
				}
			}
		}
	}
	t.Logf("%d ending soon, %d with few visits, %d quiet", soon, few, quiet)
	if soon == 0 || few == 0 || quiet == 0 || len(want) > model.AgendaLimit {
		t.Fatalf("the salon proves nothing: %d ending soon, %d with few visits, %d quiet", soon, few, quiet)
	}
	a, err := s.Agenda(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[uint]bool{}
	for _, e := range a.ExpiringCards {
		got[e.Card.Card.ID] = true
		if !want[e.Card.Card.ID] {
			t.Errorf("card %d on Today, the rule says no: %+v", e.Card.Card.ID, e.Card.State)
		}
	}
	if a.ExpiringTotal != len(want) || len(got) != len(want) {
		t.Errorf("Today: %d cards of %d, the rule says %d (%d soon, %d few)", len(got), a.ExpiringTotal, len(want), soon, few)
	}
}

// useCard takes some of a card's visits, on days from its sale to today.
func useCard(t testing.TB, s *Store, ss salonSetup, r *rand.Rand, c model.Card, today model.Date) {
	t.Helper()
	n := r.Intn(11)
	if c.VisitsIncluded > 0 {
		n = r.Intn(c.VisitsIncluded + 1)
	}
	span := today.DaysSince(c.SoldOn) + 1
	for k := 0; k < n; k++ {
		v := model.Visit{ClientID: c.ClientID, On: c.SoldOn.AddDays(r.Intn(span)), Lines: []model.VisitLine{ss.line(&c)}}
		refused(t, s.AddVisit(context.Background(), &v))
	}
}

// refused fails the test unless err is nil or the store's refusal of what
// a person asked (a card that cannot take the visit, a freeze too long).
func refused(t testing.TB, err error) {
	t.Helper()
	var fe *model.FieldError
	var ve model.ValidationErrors
	if err != nil && !errors.As(err, &fe) && !errors.As(err, &ve) {
		t.Fatal(err)
	}
}
