package store

import (
	"fmt"
	"strconv"
	"strings"

	"companion/model"
)

// The rules of model written in SQL. Every number and name in them comes
// from model's constants: the queries, the partial index and the triggers
// are all built here, so a threshold changed in model changes them too.
// What the schema keeps of them (ruleObjects) is brought to this build's
// constants each time the database opens (syncRules). Tests hold each to
// its Go rule: rules_sql_test.go, TestStatusFilterAgreesWithTheRule,
// TestAgendaAgreesWithTheRules, TestCardAlertsAgreeWithTheRule.

// sqlText quotes s as an SQL string literal.
func sqlText[S ~string](s S) string { return "'" + strings.ReplaceAll(string(s), "'", "''") + "'" }

// sqlReal writes f as an SQL real literal: always with a point or an
// exponent, so SQLite never takes it for an integer.
func sqlReal(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// riskLimitSQL is the gap after which model.ClientStatus calls the client
// of row r ("c.", "new.", "") at risk: AtRiskIntervalFactor times their
// usual interval (at least UsualIntervalMinDays) once they have
// UsualIntervalVisits visits, else AtRiskAfterDays.
func (d dialect) riskLimitSQL(r string) string {
	return fmt.Sprintf(`CASE
			WHEN %[1]svisit_count >= %[2]d AND %[1]sfirst_visit_on IS NOT NULL
			THEN %[3]s * %[5]s
			ELSE %[4]d END`, r, model.UsualIntervalVisits, sqlReal(model.AtRiskIntervalFactor), model.AtRiskAfterDays,
		d.greatest(sqlReal(model.UsualIntervalMinDays),
			d.real(d.days(r+"last_visit_on", r+"first_visit_on"))+" / ("+r+"visit_count - 1)"))
}

// statusSQL is model.ClientStatus over the clients row c on day @today, so
// the status filter runs in the database.
func (d dialect) statusSQL() string {
	gap := d.days("@today", "c.last_visit_on")
	return fmt.Sprintf(`CASE
	WHEN c.visit_count = 0 OR c.last_visit_on IS NULL THEN %s
	WHEN %s > %d THEN %s
	WHEN %s > %s THEN %s
	ELSE %s END`, sqlText(model.StatusLead), gap, model.LapsedAfterDays, sqlText(model.StatusLapsed),
		gap, d.riskLimitSQL("c."), sqlText(model.StatusAtRisk), sqlText(model.StatusActive))
}

// trustSQL is model.TrustStage over the clients row c on day @today, for
// the trust filter: the visits, and what the client's feedback says (an
// open complaint or low ratings hold trust at building).
func (d dialect) trustSQL() string {
	known := d.days("@today", "c.first_visit_on")
	return fmt.Sprintf(`CASE
	WHEN c.visit_count <= 0 OR c.first_visit_on IS NULL THEN %[1]s
	WHEN c.visit_count < %[4]d OR %[8]s < %[5]d THEN %[1]s
	WHEN c.visit_count >= %[6]d AND %[8]s >= %[7]d AND NOT (%[9]s) THEN %[3]s
	ELSE %[2]s END`, sqlText(model.TrustNew), sqlText(model.TrustBuilding), sqlText(model.TrustTrusted),
		model.TrustBuildingVisits, model.TrustBuildingDays, model.TrustTrustedVisits, model.TrustTrustedDays, known,
		unhappySQL("c.id"))
}

// openComplaintSQL is model.Feedback.Open over the feedback row f.
func openComplaintSQL(f string) string {
	states := make([]string, len(model.OpenStates))
	for i, st := range model.OpenStates {
		states[i] = sqlText(st)
	}
	return f + "kind = " + sqlText(model.FeedbackComplaint) + " AND " + f + "state IN (" + strings.Join(states, ", ") + ")"
}

// ratingsSQL is the average of the ratings given in the client's feedback
// that was not withdrawn (no rating counts as none), NULL when none.
func ratingsSQL(client string) string {
	return "(SELECT avg(CASE WHEN f.rating > 0 THEN f.rating END) FROM feedback f WHERE f.client_id = " + client +
		" AND f.state <> " + sqlText(model.StateWithdrawn) + ")"
}

// unhappySQL is true when the client's feedback holds trust back, as
// model.TrustStage decides it: a complaint still open, or ratings whose
// average is below model.TrustMinRating.
func unhappySQL(client string) string {
	return "EXISTS (SELECT 1 FROM feedback f WHERE f.client_id = " + client + " AND " + openComplaintSQL("f.") + ")" +
		" OR COALESCE(" + ratingsSQL(client) + ", " + sqlReal(model.TrustMinRating) + ") < " + sqlReal(model.TrustMinRating)
}

// riskCapDays bounds the at-risk gap kept in clients.risk_on: a client
// whose gap passes it has lapsed before turning at risk, and Today never
// lists them.
const riskCapDays = model.LapsedAfterDays + 1

// visitDays are the expressions of clients.risk_on, first_day and
// last_day over the columns of row r ("new." in a trigger, "" in an UPDATE
// of every client). risk_on is the day the client turns at risk by
// model.ClientStatus: the last visit + the at-risk gap (rounded down, at
// most riskCapDays) + 1.
func (d dialect) visitDays(r string) (riskOn, firstDay, lastDay string) {
	riskOn = fmt.Sprintf(`CASE WHEN %[1]svisit_count = 0 OR %[1]slast_visit_on IS NULL THEN NULL
		ELSE %[2]s END`, r, d.addDays(r+"last_visit_on",
		"1 + "+d.truncInt(d.least(strconv.Itoa(riskCapDays), d.riskLimitSQL(r)))))
	return riskOn, d.dayNumber(r + "first_visit_on"), d.dayNumber(r + "last_visit_on")
}

// visitDaysSQL sets clients.risk_on, first_day and last_day from row r, as
// the SET list of an UPDATE.
func (d dialect) visitDaysSQL(r string) string {
	riskOn, first, last := d.visitDays(r)
	return "risk_on = " + riskOn + ",\n\t\tfirst_day = " + first + ",\n\t\tlast_day = " + last
}

// The triggers that keep clients.risk_on as the visit summary changes. On
// SQLite two triggers update the row written; on PostgreSQL one function
// sets the row before it is written (schema_postgres.go makes the
// triggers that call it).
func (d dialect) clientsRiskInsertDDL() string {
	return `CREATE TRIGGER clients_risk_ai AFTER INSERT ON clients BEGIN
		UPDATE clients SET ` + d.visitDaysSQL("new.") + ` WHERE id = new.id;
	END`
}

func (d dialect) clientsRiskUpdateDDL() string {
	return `CREATE TRIGGER clients_risk_au AFTER UPDATE OF first_visit_on, last_visit_on, visit_count ON clients BEGIN
		UPDATE clients SET ` + d.visitDaysSQL("new.") + ` WHERE id = new.id;
	END`
}

func (d dialect) clientsRiskFunctionDDL() string {
	riskOn, first, last := d.visitDays("NEW.")
	return `CREATE OR REPLACE FUNCTION clients_risk() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		NEW.risk_on := ` + riskOn + `;
		NEW.first_day := ` + first + `;
		NEW.last_day := ` + last + `;
		RETURN NEW;
	END $$`
}

// atRiskWindow is model.ClientStatus's "at risk" over clients.risk_on on
// day today: risk_on from from to today, and the last visit no earlier than
// lapse (not lapsed).
func atRiskWindow(today model.Date) (from, lapse model.Date) {
	return today.AddDays(-model.LapsedAfterDays + 1), today.AddDays(-model.LapsedAfterDays)
}

// gapDays is the shortest pause between two visits kept in client_gaps:
// longer than the two ActiveDays windows of the retention can be apart.
const gapDays = model.ActiveDays + 1

// longGapSQL picks, of the visits' days with the day before each (prev),
// the pauses client_gaps keeps.
func (d dialect) longGapSQL() string {
	return "prev IS NOT NULL AND " + d.days("day", "prev") + " > " + strconv.Itoa(gapDays)
}

// rebuildGapsSQL makes client_gaps again from every visit.
func (d dialect) rebuildGapsSQL() []string {
	return []string{
		`DELETE FROM client_gaps`,
		`INSERT INTO client_gaps (client_id, after_day, before_day)
			SELECT client_id, prev, day FROM (SELECT client_id, day,
				lag(day) OVER (PARTITION BY client_id ORDER BY day) AS prev FROM visits) AS v
			WHERE ` + d.longGapSQL(),
	}
}

// The cards of model.CardAlertOn: running (started, not used up) and
// ending from @today to @until, or ending later with few visits left.
const runningCardSQL = `cards.valid_from <= @today AND (cards.visits_included = 0 OR cards.visits_used < cards.visits_included)`

// fewVisitsLeftSQL is the "CardAlertVisits visits left or fewer" of the
// card alert over table t ("cards." or ""): the cards_few_left index's
// WHERE, which the query repeats so that SQLite may use the index.
func fewVisitsLeftSQL(t string) string {
	return fmt.Sprintf("%[1]svisits_included > 0 AND %[1]svisits_included - %[1]svisits_used <= %[2]d", t, model.CardAlertVisits)
}

// cardAlertArgs are the days the card alert's queries compare with.
func cardAlertArgs(today model.Date) map[string]any {
	return map[string]any{"today": today, "until": today.AddDays(model.CardAlertDays)}
}

// cardsFewLeftDDL is the partial index that covers the cards with few
// visits left, Today's card alerts (cards_until covers those ending soon).
var cardsFewLeftDDL = `CREATE INDEX cards_few_left ON cards(valid_until, valid_from, visits_included, visits_used, client_id)
		WHERE valid_until IS NOT NULL AND ` + fewVisitsLeftSQL("")

// ruleObject is a part of the schema that carries a rule's numbers: a
// partial index's WHERE, a trigger's body or (on PostgreSQL) a trigger's
// function. Open compares it with the SQL this build generates and makes
// it again when they differ; refresh then brings up to date the rows kept
// by the old rule.
type ruleObject struct {
	kind, name string // "index", "trigger" or "function"
	since      int    // the schema version that made it
	ddl        string
	refresh    []string
}

// refreshRiskSQL recomputes what the risk triggers keep, for every client,
// and the long gaps: those depend on model.ActiveDays, which is
// LapsedAfterDays, which the triggers carry (riskCapDays), so a change of
// it remakes them too.
func (d dialect) refreshRiskSQL() []string {
	return append([]string{`UPDATE clients SET ` + d.visitDaysSQL("")}, d.rebuildGapsSQL()...)
}

// ruleObjects are the parts of the schema generated from model's rules.
func (d dialect) ruleObjects() []ruleObject {
	if d.postgres {
		return []ruleObject{
			{kind: "index", name: "cards_few_left", since: 7, ddl: cardsFewLeftDDL},
			{kind: "function", name: "clients_risk", since: 7, ddl: d.clientsRiskFunctionDDL(), refresh: d.refreshRiskSQL()},
		}
	}
	return []ruleObject{
		{kind: "index", name: "cards_few_left", since: 2, ddl: cardsFewLeftDDL},
		{kind: "trigger", name: "clients_risk_ai", since: 2, ddl: d.clientsRiskInsertDDL(), refresh: d.refreshRiskSQL()},
		{kind: "trigger", name: "clients_risk_au", since: 2, ddl: d.clientsRiskUpdateDDL(), refresh: d.refreshRiskSQL()},
	}
}
