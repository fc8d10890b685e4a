package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"

	"companion/model"
)

// everyField is a client with every field the profile and the summary
// hold filled in.
func everyField(referrer uint, phone string) model.Client {
	day := model.NewDate(2026, 3, 14)
	return model.Client{LastName: "Ёлкина", FirstName: "Вера", MiddleName: "Павловна", Phone: phone,
		Email: "vera@mail.ru", BirthDate: model.NewDate(1988, 7, 1), Source: "referral", ReferrerID: &referrer,
		PDConsentAt: day, HealthConsentAt: day, MarketingConsent: true, MarketingConsentAt: day, MarketingConsentHow: "paper",
		Tags: "vip, йога", Notes: "любит чай", Health: "гипертония", NeedsStated: "похудеть",
		NeedsObserved: "устаёт", Goals: "минус 5 кг", GoalWeightKg: 62.5, GoalWaistCm: 70,
		PreferredDays: model.AllWeekdays &^ 1, PreferredTime: "evening",
		FirstVisitOn: model.NewDate(2026, 1, 10), LastVisitOn: model.NewDate(2026, 11, 2), VisitCount: 9,
		CardNumbers: "900001"}
}

// objectsOf is the SQL of every index and trigger (SQLite) or the rules'
// (PostgreSQL).
func objectsOf(t *testing.T, s *Store) map[string]string {
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

// clientRow reads a client's row as the database keeps it, every column
// but the keys.
func clientRow(t *testing.T, s *Store, id uint) map[string]any {
	t.Helper()
	row := map[string]any{}
	if err := s.DB().Raw("SELECT * FROM clients WHERE id = ?", id).Take(&row).Error; err != nil {
		t.Fatal(err)
	}
	delete(row, "id")
	delete(row, "uuid")
	return row
}

// otherFields is a client whose every field but the name differs from
// everyField's, with text a JSON or SQL writer must take care of.
func otherFields(phone string) model.Client {
	return model.Client{LastName: "Ёлкина", FirstName: "Вера", Phone: phone, Source: "other",
		MarketingConsentHow: "sms", MarketingWithdrawnAt: model.NewDate(2026, 10, 1),
		Tags: `a,b`, Notes: "«кавычки» \"двойные\", 'одинарные', \\ слэш\nстрока\tтаб ✓",
		GoalWeightKg: 71.3, GoalWaistCm: 88, PreferredTime: "morning"}
}

// The statement written by hand for many clients writes each column as
// GORM and the search keys do for one client, on both backends: the
// profile, the summary and the rules' columns (risk_on, first_day,
// last_day); and the audit of their health data the same way. The batch
// holds clients of two kinds: a column is the same in every row of it or
// differs from row to row.
func TestTheBatchWritesWhatCreateClientWrites(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ref := mustCreate(t, s, model.Client{LastName: "Петрова", FirstName: "Анна"})
	kinds := []func(phone string) model.Client{func(p string) model.Client { return everyField(ref.ID, p) }, otherFields}
	twins := make([]model.Client, len(kinds))
	for k, kind := range kinds {
		twins[k] = kind(fmt.Sprintf("+7916000000%d", k+1))
		if err := s.CreateClient(ctx, &twins[k]); err != nil {
			t.Fatal(err)
		}
	}
	many := make([]*model.Client, insertBatch+3) // a full batch and the rest
	for i := range many {
		c := kinds[i%2](fmt.Sprintf("+7916%07d", i+10))
		many[i] = &c
	}
	before := objectsOf(t, s)
	if err := s.CreateClients(ctx, many); err != nil {
		t.Fatal(err)
	}
	if after := objectsOf(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("the schema after a batch differs:\n%v\nbefore:\n%v", after, before)
	}
	for i, c := range many {
		want, got := clientRow(t, s, twins[i%2].ID), clientRow(t, s, c.ID)
		want["phone"], want["search_key"] = got["phone"], got["search_key"] // each its own phone
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the batch wrote\n%v\nCreateClient wrote\n%v", got, want)
		}
	}
	if got, err := s.Client(ctx, many[1].ID); err != nil || got.UUID != many[1].UUID || got.Notes != twins[1].Notes {
		t.Errorf("client %d is read back as %+v, %v", many[1].ID, got, err)
	}
	for _, q := range []string{"елкина вера", "лкин"} { // the word index, the trigram index
		rows, err := s.ListClients(ctx, model.ClientQuery{Text: q})
		if err != nil || len(rows) != len(many)+2 {
			t.Errorf("the search %q finds %d of %d, %v", q, len(rows), len(many)+2, err)
		}
	}
	if n, err := s.VerifyAudit(ctx); err != nil || n != (len(many)+1)/2+1 {
		t.Errorf("the audit log holds %d entries (%v), want one per client with health data", n, err)
	}
}

// A phone taken after the import was checked (by someone else meanwhile)
// stops the batch: the error names the row and the client who has the
// phone, and nothing of the batch is written. So does a phone twice in
// the batch itself. A batch large enough to set the indexes aside
// (setAsideIndexes) finds the row all the same, and leaves the schema as
// it was.
func TestABatchNamesTheRowWhosePhoneIsTaken(t *testing.T) {
	for _, n := range []int{insertBatch + 10, bulkRows + 10} {
		for _, twice := range []bool{false, true} {
			t.Run(fmt.Sprintf("%d rows, twice in the batch %v", n, twice), func(t *testing.T) {
				s := openTest(t)
				ctx := context.Background()
				mustCreate(t, s, model.Client{LastName: "Петрова", FirstName: "Анна", Phone: "+79160000077"})
				schema := indexesAndTriggers(t, s)
				var batch []*model.Client
				for i := range n {
					batch = append(batch, &model.Client{LastName: fmt.Sprintf("Клиентова%d", i), FirstName: "Ольга",
						Phone: fmt.Sprintf("+7916%07d", 100+i)})
				}
				bad := n - 6
				if batch[bad].Phone = "+79160000077"; twice {
					batch[bad].Phone = batch[4].Phone
				}
				err := s.CreateClients(ctx, batch)
				var re *RowError
				var fe *model.FieldError
				if !errors.As(err, &re) || re.Index != bad || !errors.As(err, &fe) || (!twice && fe.Args["Name"] != "Петрова Анна") {
					t.Fatalf("got %v", err)
				}
				if n := count(t, s); n != 1 {
					t.Errorf("%d clients after a refused batch", n)
				}
				if after := indexesAndTriggers(t, s); !maps.Equal(after, schema) {
					t.Errorf("the schema after a refused batch differs:\n%v\n%v", after, schema)
				}
			})
		}
	}
}

// A cancelled batch leaves nothing behind, whichever batch it stopped in.
func TestACancelledBatchWritesNothing(t *testing.T) {
	s := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	var batch []*model.Client
	for i := range 3 * insertBatch {
		batch = append(batch, &model.Client{LastName: fmt.Sprintf("Клиентова%d", i), FirstName: "Ольга"})
	}
	err := s.createClients(ctx, batch, func(done, _ int) {
		if done >= 2*insertBatch {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
	if n := count(t, s); n != 0 {
		t.Errorf("%d clients after a cancelled batch", n)
	}
}

// Triggers on insert that this build does not know (a later schema's) are
// left to do their work row by row: the batch neither drops nor changes
// them, and the search finds its clients all the same.
func TestABatchLeavesTriggersItDoesNotKnowAlone(t *testing.T) {
	onSQLite(t)
	s := openTest(t)
	for _, q := range []string{"DROP TRIGGER clients_ai", strings.Replace(clientsSearchInsertDDL, "ON clients", "ON clients WHEN 1", 1)} {
		if err := s.DB().Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	before := objectsOf(t, s)
	var batch []*model.Client
	for i := range 30 {
		batch = append(batch, &model.Client{LastName: fmt.Sprintf("Клиентова%d", i), FirstName: "Ольга"})
	}
	if err := s.CreateClients(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	if after := objectsOf(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("the batch changed the triggers it does not know")
	}
	if rows, err := s.ListClients(context.Background(), model.ClientQuery{Text: "ольга"}); err != nil || len(rows) != 30 {
		t.Errorf("the search finds %d of 30, %v", len(rows), err)
	}
}

// The batch's columns are every column GORM writes for a new client, and
// the search keys: a field added to model.Client must be added to the
// batch's statement too (newClientColumns, newClientArgs).
func TestTheBatchWritesEveryColumnOfAClient(t *testing.T) {
	sch, err := schema.Parse(&model.Client{}, &sync.Map{}, schema.NamingStrategy{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"search_key", "name_key", "birth_md"}
	for _, f := range sch.Fields {
		if f.DBName != "" && f.Creatable && f.DBName != "id" {
			want = append(want, f.DBName)
		}
	}
	got := slices.Clone(newClientColumns)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the batch writes\n%v\nGORM and the keys write\n%v", got, want)
	}
	if args := newClientArgs(nil, &model.Client{}); len(args) != len(newClientColumns) {
		t.Errorf("%d values for %d columns", len(args), len(newClientColumns))
	}
}

// indexesAndTriggers is the SQL of the indexes and triggers of s's database, by
// name.
func indexesAndTriggers(t *testing.T, s *Store) map[string]string {
	t.Helper()
	if !s.d.postgres {
		sch, err := schemaSQL(s.DB())
		if err != nil {
			t.Fatal(err)
		}
		return sch
	}
	var rows []struct{ Name, Def string }
	err := s.DB().Raw("SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() " +
		"UNION ALL SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal").Scan(&rows).Error
	if err != nil {
		t.Fatal(err)
	}
	sch := map[string]string{}
	for _, r := range rows {
		sch[r.Name] = r.Def
	}
	return sch
}

// Should a statement's rows not have the IDs after the largest, in their
// order, the batch reads each one's ID by its UUID.
func TestABatchReadsTheIDsItCannotCount(t *testing.T) {
	onSQLite(t)
	s := openTest(t)
	ctx := context.Background()
	var batch []*model.Client
	for i := range 3 {
		batch = append(batch, &model.Client{LastName: fmt.Sprintf("Клиентова%d", i), FirstName: "Ольга"})
	}
	if err := s.CreateClients(ctx, batch); err != nil {
		t.Fatal(err)
	}
	var part []*model.Client // the same rows, the other way round
	for i := range batch {
		c := *batch[len(batch)-1-i]
		c.ID = 0
		part = append(part, &c)
	}
	err := s.DB().Transaction(func(tx *gorm.DB) error {
		return (&clientInserter{s: s, ctx: ctx, tx: tx}).sequentialIDs(part)
	})
	for i, c := range part {
		if want := batch[len(batch)-1-i].ID; err != nil || c.ID != want || want == 0 {
			t.Errorf("%s has ID %d, want %d (%v)", c.LastName, c.ID, want, err)
		}
	}
}
