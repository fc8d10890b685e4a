package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"testing"
	"time"

	"companion/model"
)

// BenchmarkToday computes the Today page over the benchmark salon (100,000
// clients, about 1.2 million visits) and, side by side in the same run, the
// same figures read from the visits themselves (scan), the way Today would
// cost without the summaries kept on visit writes. Both must agree before
// their times mean anything.
func BenchmarkToday(b *testing.B) {
	if testServer != "" {
		b.Skip("its reference, the scan of the visits, is written in SQLite's SQL")
	}
	s := openBench(b)
	ctx := context.Background()
	sqlDB, err := s.DB().DB()
	if err != nil {
		b.Fatal(err)
	}
	var visits, clients int64
	s.DB().Raw("SELECT count(*) FROM visits").Scan(&visits)
	s.DB().Raw("SELECT count(*) FROM clients").Scan(&clients)
	a, err := s.Agenda(ctx)
	if err != nil {
		b.Fatal(err)
	}
	ref, err := scanFigures(ctx, sqlDB, s.Today())
	if err != nil {
		b.Fatal(err)
	}
	if !sameFigures(a, ref) {
		b.Fatalf("the store and the scan disagree:\n%+v %v at risk %d\n%+v %v at risk %d", a.Figures, a.ActiveByMonth,
			a.AtRiskTotal, ref.Figures, ref.ActiveByMonth, ref.AtRiskTotal)
	}
	b.Logf("%d clients, %d visits: follow-ups %d, cards %d, at risk %d, birthdays %d; %+v", clients, visits,
		a.FollowUpsTotal, a.ExpiringTotal, a.AtRiskTotal, len(a.Birthdays), a.Figures)
	var store, scan []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := s.Agenda(ctx); err != nil {
			b.Fatal(err)
		}
		store = append(store, time.Since(start))
		start = time.Now()
		if _, err := scanFigures(ctx, sqlDB, s.Today()); err != nil {
			b.Fatal(err)
		}
		scan = append(scan, time.Since(start))
	}
	b.StopTimer()
	b.ReportMetric(percentile(store, 50), "p50-ms")
	b.ReportMetric(percentile(store, 95), "p95-ms")
	b.ReportMetric(percentile(scan, 50), "scan-p50-ms")
	b.ReportMetric(percentile(scan, 95), "scan-p95-ms")
	b.ReportMetric(percentile(scan, 50)/percentile(store, 50), "scan/store-p50")
}

func sameFigures(a, ref model.Agenda) bool {
	f, g := a.Figures, ref.Figures
	return f.Active == g.Active && f.NewThisMonth == g.NewThisMonth && math.Abs(f.Retention90-g.Retention90) < 1e-9 &&
		math.Abs(f.AvgLifetimeDays-g.AvgLifetimeDays) < 1e-6 && fmt.Sprint(a.ActiveByMonth) == fmt.Sprint(ref.ActiveByMonth) &&
		a.AtRiskTotal == ref.AtRiskTotal
}

// scanFigures works the figures, the monthly chart and the number of
// clients at risk out of the visits and the clients' status rule in SQL,
// without the summaries: the reference for Agenda and what it would cost.
func scanFigures(ctx context.Context, db *sql.DB, today model.Date) (model.Agenda, error) {
	var a model.Agenda
	prevFrom, prevTo, curFrom := model.RetentionWindows(today)
	t, pf, pt, cf := today.ISO(), prevFrom.ISO(), prevTo.ISO(), curFrom.ISO()
	var base, kept int
	var lifetime sql.NullFloat64
	err := db.QueryRowContext(ctx, `SELECT count(DISTINCT client_id) FROM visits WHERE day >= ?`, cf).Scan(&a.Figures.Active)
	if err != nil {
		return a, err
	}
	err = db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(cur), 0) FROM (SELECT client_id, max(day >= ?) AS cur,
		max(day <= ?) AS prev FROM visits WHERE day >= ? GROUP BY client_id) WHERE prev`, cf, pt, pf).Scan(&base, &kept)
	if err != nil {
		return a, err
	}
	err = db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE f >= ?),
		avg(julianday(CASE WHEN l >= ? THEN ? ELSE l END) - julianday(f))
		FROM (SELECT min(day) AS f, max(day) AS l FROM visits GROUP BY client_id)`,
		model.MonthOf(today).ISO(), cf, t).Scan(&a.Figures.NewThisMonth, &lifetime)
	if err != nil {
		return a, err
	}
	a.Figures.Retention90, a.Figures.AvgLifetimeDays = model.Ratio(kept, base), lifetime.Float64
	months := model.ChartMonthsTo(today, model.ChartMonths)
	rows, err := db.QueryContext(ctx, `SELECT substr(day, 1, 7), count(DISTINCT client_id) FROM visits
		WHERE day >= ? GROUP BY 1`, months[0].ISO())
	if err != nil {
		return a, err
	}
	counts := map[string]int{}
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			rows.Close()
			return a, err
		}
		counts[m] = n
	}
	rows.Close()
	for _, m := range months {
		a.ActiveByMonth = append(a.ActiveByMonth, model.MonthCount{Month: m, Count: counts[m.ISO()[:7]]})
	}
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM clients c WHERE c.archived_at IS NULL AND (`+sqliteSQL.statusSQL()+`) = 'at_risk'`,
		sql.Named("today", t)).Scan(&a.AtRiskTotal)
	return a, err
}

// profileClient finds the benchmark's client with 200 visits, adding them
// through the store the first time (the file is kept between runs).
func profileClient(b *testing.B, s *Store) uint {
	b.Helper()
	ctx := context.Background()
	const phone = "+79990002000"
	if c, err := s.ClientByPhone(ctx, phone); err == nil {
		return c.ID
	}
	today := s.Today()
	c := model.Client{LastName: "Постоянная", FirstName: "Клиентка", Phone: phone, HealthConsentAt: today.AddDays(-400)}
	if err := s.CreateClient(ctx, &c); err != nil {
		b.Fatal(err)
	}
	var types []model.CardType
	s.DB().Where("visits = 0 AND active").Order("valid_days DESC").Find(&types)
	var service model.Service
	s.DB().Where("kind = 'service'").Order("id").Take(&service)
	var trainer model.Staff
	s.DB().Where("role = 'тренер'").Order("id").Take(&trainer)
	var card model.Card
	for i := 0; i < 200; i++ {
		day := today.AddDays(-398 + 2*i)
		if i%100 == 0 && len(types) > 0 {
			card = model.Card{ClientID: c.ID, TypeID: types[0].ID, SoldOn: day}
			if err := s.SellCard(ctx, &card); err != nil {
				b.Fatal(err)
			}
		}
		l := model.VisitLine{ServiceID: &service.ID, Name: service.Name, StaffID: &trainer.ID, Qty: 1, Price: service.Price}
		if card.ID != 0 {
			l.PaidBy, l.CardID = model.PaidCard, &card.ID
		}
		v := model.Visit{ClientID: c.ID, On: day, Lines: []model.VisitLine{l, {Name: "Вода 0,5 л", Qty: 1, Price: model.Rub(90)}}}
		if err := s.AddVisit(ctx, &v); err != nil {
			b.Fatalf("visit %d: %v", i, err)
		}
		if i%20 == 0 {
			s.AddContact(ctx, &model.Contact{ClientID: c.ID, On: day, Kind: model.ContactCall, Channel: "phone",
				Outcome: "Всё хорошо", NextOn: day.AddDays(30)})
			s.AddAssessment(ctx, &model.Assessment{ClientID: c.ID, On: day, WeightKg: 80 - float64(i)/20, HeightCm: 170})
		}
	}
	return c.ID
}

// BenchmarkClientProfile opens the profile of a client with 200 visits:
// the whole record (profile, visits with lines, cards, assessments,
// contacts) through the store, and side by side the visits with their
// lines read over database/sql and scanned by hand (raw).
func BenchmarkClientProfile(b *testing.B) {
	s := openBench(b)
	ctx := context.Background()
	id := profileClient(b, s)
	sqlDB, err := s.DB().DB()
	if err != nil {
		b.Fatal(err)
	}
	rec, err := s.ClientRecord(ctx, id)
	if err != nil || len(rec.Visits) != 200 {
		b.Fatalf("%d visits, %v", len(rec.Visits), err)
	}
	if n, err := rawVisits(ctx, sqlDB, id); err != nil || n != 400 {
		b.Fatalf("raw: %d lines, %v", n, err)
	}
	var store, visits, raw []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := s.ClientRecord(ctx, id); err != nil {
			b.Fatal(err)
		}
		store = append(store, time.Since(start))
		start = time.Now()
		if _, err := s.Visits(ctx, id); err != nil {
			b.Fatal(err)
		}
		visits = append(visits, time.Since(start))
		start = time.Now()
		if _, err := rawVisits(ctx, sqlDB, id); err != nil {
			b.Fatal(err)
		}
		raw = append(raw, time.Since(start))
	}
	b.StopTimer()
	b.ReportMetric(percentile(store, 50), "p50-ms")
	b.ReportMetric(percentile(store, 95), "p95-ms")
	b.ReportMetric(percentile(visits, 50), "visits-p50-ms")
	b.ReportMetric(percentile(visits, 95), "visits-p95-ms")
	b.ReportMetric(percentile(raw, 50), "raw-p50-ms")
	b.ReportMetric(percentile(raw, 95), "raw-p95-ms")
	b.ReportMetric(percentile(visits, 50)/percentile(raw, 50), "visits/raw-p50")
}

// rawVisits reads a client's visits and lines in one join over
// database/sql, scanning by hand, and returns the number of lines.
func rawVisits(ctx context.Context, db *sql.DB, clientID uint) (int, error) {
	rows, err := db.QueryContext(ctx, `SELECT v.id, v.uuid, v.day, v.notes, l.id, l.service_id, l.name, l.staff_id, l.qty,
		l.price, l.discount, l.paid_by, l.card_id FROM visits v JOIN visit_lines l ON l.visit_id = v.id
		WHERE v.client_id = ? ORDER BY v.day DESC, v.id DESC, l.id`, clientID)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var out []model.Visit
	for rows.Next() {
		var v model.Visit
		var l model.VisitLine
		var service, staff, card sql.NullInt64
		if err := rows.Scan(&v.ID, &v.UUID, &v.On, &v.Notes, &l.ID, &service, &l.Name, &staff, &l.Qty, &l.Price,
			&l.Discount, &l.PaidBy, &card); err != nil {
			return 0, err
		}
		if n := len(out); n == 0 || out[n-1].ID != v.ID {
			out = append(out, v)
		}
		out[len(out)-1].Lines = append(out[len(out)-1].Lines, l)
	}
	n := 0
	for _, v := range out {
		n += len(v.Lines)
	}
	return n, rows.Err()
}
