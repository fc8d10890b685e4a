package store

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"companion/model"
)

// Agenda gathers the manager's Today page. The lists stop at
// model.AgendaLimit rows each, with their totals beside them. Everything
// reads indexes and the small summaries kept on visit writes (risk_on,
// month_stats, client_gaps), never the visits themselves.
func (s *Store) Agenda(ctx context.Context) (model.Agenda, error) {
	if err := s.allow(model.AreaClients, model.Read); err != nil {
		return model.Agenda{}, err
	}
	today := s.Today()
	a := model.Agenda{Today: today}
	db := s.ctx(ctx)
	for _, step := range []func(*gorm.DB, model.Date, *model.Agenda) error{
		s.followUps, s.expiringCards, atRisk, birthdays, figures, activeByMonth,
		s.programsBehind, waitingRecommendations, overdueComplaints,
	} {
		if err := step(db, today, &a); err != nil {
			return model.Agenda{}, err
		}
	}
	return a, nil
}

// clientRows reads the list rows of the given clients, keyed by ID.
func clientRows(db *gorm.DB, ids []uint) (map[uint]model.ClientRow, error) {
	out := make(map[uint]model.ClientRow, len(ids))
	for start := 0; start < len(ids); start += 500 {
		var rows []model.ClientRow
		err := db.Raw("SELECT "+listColumns+" FROM clients c WHERE c.id IN ?", ids[start:min(start+500, len(ids))]).
			Scan(&rows).Error
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r.ID] = r
		}
	}
	return out, nil
}

func (d dialect) dueWhere() string {
	return `FROM contacts k JOIN clients c ON c.id = k.client_id
	WHERE ` + d.isFalse("k.next_done") + ` AND k.next_on IS NOT NULL AND k.next_on <= @today AND c.archived_at IS NULL`
}

// countDue counts the follow-ups due from the index alone, less those of
// archived clients, who are few: reading each client of a long list would
// cost more than the rest of the page.
func (d dialect) countDue() string {
	return `SELECT (SELECT count(*) FROM contacts k
		WHERE ` + d.isFalse("k.next_done") + ` AND k.next_on IS NOT NULL AND k.next_on <= @today)
	- (SELECT count(*) FROM clients c` + d.indexedBy("clients_archived") + ` ` + d.crossJoin() + ` contacts k ON k.client_id = c.id
		WHERE c.archived_at IS NOT NULL AND ` + d.isFalse("k.next_done") + ` AND k.next_on IS NOT NULL AND k.next_on <= @today)`
}

func (s *Store) followUps(db *gorm.DB, today model.Date, a *model.Agenda) error {
	args := map[string]any{"today": today, "limit": model.AgendaLimit}
	if err := db.Raw(dialectOf(db).countDue(), args).Scan(&a.FollowUpsTotal).Error; err != nil {
		return err
	}
	var cs []model.Contact
	if err := db.Raw("SELECT k.* "+dialectOf(db).dueWhere()+" ORDER BY k.next_on, k.id LIMIT @limit", args).Scan(&cs).Error; err != nil {
		return err
	}
	ids := make([]uint, len(cs))
	for i, c := range cs {
		ids[i] = c.ClientID
	}
	rows, err := clientRows(db, ids)
	if err != nil {
		return err
	}
	a.FollowUps = make([]model.FollowUp, len(cs))
	for i, c := range cs {
		a.FollowUps[i] = model.FollowUp{Contact: c, Client: rows[c.ClientID], OverdueDays: c.OverdueDays(today)}
	}
	return nil
}

// The cards Today warns of (model.CardAlertOn, rules_sql.go) end within
// the alert days (soon) or, ending later, have few visits left (few); each
// kind reads its own partial index, which covers it.
func (d dialect) soonCards() string {
	return `FROM cards` + d.indexedBy("cards_until") + ` WHERE cards.valid_until IS NOT NULL
		AND cards.valid_until BETWEEN @today AND @until AND ` + runningCardSQL
}

func (d dialect) fewCards() string {
	return `FROM cards` + d.indexedBy("cards_few_left") + ` WHERE cards.valid_until IS NOT NULL AND ` + fewVisitsLeftSQL("cards.") + `
		AND cards.valid_until > @until AND ` + runningCardSQL
}

func (d dialect) countCards() string {
	return `SELECT (SELECT count(*) ` + d.soonCards() + `) + (SELECT count(*) ` + d.fewCards() + `)
	- (SELECT count(*) FROM clients c` + d.indexedBy("clients_archived") + ` ` + d.crossJoin() + ` cards ON cards.client_id = c.id
		WHERE c.archived_at IS NOT NULL AND cards.valid_until IS NOT NULL AND cards.valid_until >= @today
		AND (cards.valid_until <= @until OR ` + fewVisitsLeftSQL("cards.") + `)
		AND ` + runningCardSQL + `)`
}

func (s *Store) expiringCards(db *gorm.DB, today model.Date, a *model.Agenda) error {
	args := cardAlertArgs(today)
	args["limit"] = model.AgendaLimit
	d := dialectOf(db)
	if err := db.Raw(d.countCards(), args).Scan(&a.ExpiringTotal).Error; err != nil {
		return err
	}
	// the first of each kind by the last valid day, the soon ones first
	var ids []uint
	for _, from := range []string{d.soonCards(), d.fewCards()} {
		var more []uint
		err := db.Raw("SELECT cards.id "+from+` AND NOT EXISTS (SELECT 1 FROM clients c
			WHERE c.id = cards.client_id AND c.archived_at IS NOT NULL) ORDER BY cards.valid_until, cards.id LIMIT @limit`,
			args).Scan(&more).Error
		if err != nil {
			return err
		}
		ids = append(ids, more...)
	}
	ids = ids[:min(len(ids), model.AgendaLimit)]
	a.ExpiringCards = []model.CardAlert{}
	if len(ids) == 0 {
		return nil
	}
	cr, err := loadCardRows(db.Where("id IN ?", ids))
	if err != nil {
		return err
	}
	pos := map[uint]int{}
	for i, id := range ids {
		pos[id] = i
	}
	slices.SortFunc(cr, func(x, y cardRow) int { return cmp.Compare(pos[x.ID], pos[y.ID]) })
	views, err := cardViews(db, cr, today)
	if err != nil {
		return err
	}
	clientIDs := make([]uint, len(views))
	for i, v := range views {
		clientIDs[i] = v.Card.ClientID
	}
	rows, err := clientRows(db, clientIDs)
	if err != nil {
		return err
	}
	a.ExpiringCards = make([]model.CardAlert, len(views))
	for i, v := range views {
		a.ExpiringCards[i] = model.CardAlert{Card: v, Client: rows[v.Card.ClientID]}
	}
	return nil
}

// atRiskWhere is model.ClientStatus's "at risk" over clients.risk_on: the
// day of turning at risk has come and the client has not lapsed
// (atRiskWindow).
func (d dialect) atRiskWhere() string {
	return `FROM clients c` + d.indexedBy("clients_risk") + ` WHERE c.risk_on IS NOT NULL
		AND c.risk_on BETWEEN @from AND @today AND c.last_visit_on >= @lapse`
}

func (d dialect) countAtRisk() string {
	return `SELECT (SELECT count(*) ` + d.atRiskWhere() + `)
		- (SELECT count(*) FROM clients c` + d.indexedBy("clients_archived") + ` WHERE c.archived_at IS NOT NULL
			AND c.risk_on BETWEEN @from AND @today AND c.last_visit_on >= @lapse)`
}

func atRisk(db *gorm.DB, today model.Date, a *model.Agenda) error {
	from, lapse := atRiskWindow(today)
	args := map[string]any{"today": today, "from": from, "lapse": lapse, "limit": model.AgendaLimit}
	d := dialectOf(db)
	if err := db.Raw(d.countAtRisk(), args).Scan(&a.AtRiskTotal).Error; err != nil {
		return err
	}
	a.AtRisk = []model.ClientRow{}
	return db.Raw("SELECT "+listColumns+" "+d.atRiskWhere()+" AND c.archived_at IS NULL ORDER BY c.risk_on DESC, c.id LIMIT @limit",
		args).Scan(&a.AtRisk).Error
}

func birthdays(db *gorm.DB, today model.Date, a *model.Agenda) error {
	keys := birthdayKeys(today, model.BirthdayDays)
	in := make([]string, len(keys))
	order := make([]string, len(keys))
	for i, k := range keys {
		in[i] = strconv.Itoa(k)
		order[i] = " WHEN " + in[i] + " THEN " + strconv.Itoa(i)
	}
	a.Birthdays = []model.ClientRow{}
	return db.Raw("SELECT "+listColumns+" FROM clients c WHERE c.archived_at IS NULL AND c.birth_md IN ("+
		strings.Join(in, ", ")+") ORDER BY CASE c.birth_md"+strings.Join(order, "")+" END, c.name_key, c.id LIMIT ?",
		model.AgendaLimit).Scan(&a.Birthdays).Error
}

// dayNumber is a date as clients.first_day and last_day hold it: days
// since 1970-01-01.
func dayNumber(d model.Date) int64 { return d.Time().Unix() / 86400 }

// figures computes model.Retention as model.FiguresOf defines it, in one
// pass over an index of the clients' first and last visits, and their long
// gaps: a client with a visit in a window is one whose visits span it,
// unless a gap does.
func figures(db *gorm.DB, today model.Date, a *model.Agenda) error {
	prevFrom, prevTo, curFrom := model.RetentionWindows(today)
	args := map[string]any{"today": dayNumber(today), "prev_from": dayNumber(prevFrom), "prev_to": dayNumber(prevTo),
		"cur_from": dayNumber(curFrom), "month": dayNumber(model.MonthOf(today)), "gap_from": prevFrom, "gap_to": prevTo,
		"added_from": model.MonthOf(today).Time().UTC()}
	d := dialectOf(db)
	var all, archived retentionCounts
	if err := db.Raw(figuresSQL("clients"+d.indexedBy("clients_days")+" WHERE last_day IS NOT NULL"), args).Scan(&all).Error; err != nil {
		return err
	}
	if err := db.Raw(figuresSQL("clients"+d.indexedBy("clients_archived")+" WHERE archived_at IS NOT NULL"), args).Scan(&archived).Error; err != nil {
		return err
	}
	w := all.minus(archived)
	a.Figures = model.Retention{Active: w.Active, NewThisMonth: w.New, Retention90: model.Ratio(w.Kept-w.Gaps, w.Base-w.Gaps)}
	err := db.Raw(`SELECT count(*) FROM clients`+d.indexedBy("clients_created")+` WHERE created_at >= @added_from
		AND archived_at IS NULL`, args).Scan(&a.Figures.AddedThisMonth).Error
	if err != nil {
		return err
	}
	if w.Visited > 0 {
		a.Figures.AvgLifetimeDays = w.Lived / float64(w.Visited)
	}
	return nil
}

// figuresSQL counts the retention figures over the clients of from. They
// count clients in the base: over all clients with a visit, less the
// archived (and anonymised) ones, who are few.
func figuresSQL(from string) string {
	return `SELECT count(*) FILTER (WHERE last_day IS NOT NULL) AS visited,
			count(*) FILTER (WHERE last_day >= @cur_from) AS active,
			count(*) FILTER (WHERE last_day >= @prev_from AND first_day <= @prev_to) AS base,
			count(*) FILTER (WHERE first_day <= @prev_to AND last_day >= @cur_from) AS kept,
			coalesce(sum(CASE WHEN last_day IS NULL THEN 0 WHEN last_day >= @cur_from THEN @today ELSE last_day END
				- first_day), 0) AS lived,
			(SELECT count(*) FROM client_gaps g WHERE g.before_day > @gap_to AND g.after_day < @gap_from
				AND g.client_id IN (SELECT id FROM ` + from + `)) AS gaps,
			count(*) FILTER (WHERE first_day BETWEEN @month AND @today) AS new
		FROM ` + from
}

// retentionCounts are the sums the retention figures are made of.
type retentionCounts struct {
	Visited, Active, Base, Kept, Gaps, New int
	Lived                                  float64
}

func (r retentionCounts) minus(o retentionCounts) retentionCounts {
	return retentionCounts{Visited: r.Visited - o.Visited, Active: r.Active - o.Active, Base: r.Base - o.Base,
		Kept: r.Kept - o.Kept, Gaps: r.Gaps - o.Gaps, New: r.New - o.New, Lived: r.Lived - o.Lived}
}

func activeByMonth(db *gorm.DB, today model.Date, a *model.Agenda) error {
	months := model.ChartMonthsTo(today, model.ChartMonths)
	var rows []struct {
		Month   string
		Clients int
	}
	err := db.Raw("SELECT month, clients FROM month_stats WHERE month >= ? AND month <= ? ORDER BY month",
		months[0].ISO()[:7], today.ISO()[:7]).Scan(&rows).Error
	if err != nil {
		return err
	}
	byMonth := map[string]int{}
	for _, r := range rows {
		byMonth[r.Month] = r.Clients
	}
	a.ActiveByMonth = make([]model.MonthCount, len(months))
	for i, m := range months {
		a.ActiveByMonth[i] = model.MonthCount{Month: m, Count: byMonth[m.ISO()[:7]]}
	}
	return nil
}
