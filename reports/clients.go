// Package reports writes what the salon takes out of Companion: client
// lists for Excel and JSON, and PDF reports, as plain functions over model
// values, each to an io.Writer.
package reports

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
	"time"

	"companion/model"
	"companion/model/i18n"
)

// clientHeaders are the CSV column titles. They are the file's format, the
// same whatever the window calls a field, and model/clientio reads them back.
var clientHeaders = map[string][]string{
	"ru": {"Фамилия", "Имя", "Отчество", "Телефон", "Email", "Дата рождения", "Источник", "Теги",
		"Согласие на рассылку", "Комментарий"},
	"en": {"Last name", "First name", "Middle name", "Phone", "Email", "Birth date", "Source", "Tags",
		"Marketing consent", "Notes"},
}

// WriteClientsCSV writes clients the way Excel opens them with a double
// click: UTF-8 with BOM, ';' between fields, CRLF, titles and dates in the
// language lang ("ru" or "en", "" for the language in use; anything else
// is English). A source and a consent read as the window says them.
func WriteClientsCSV(w io.Writer, cs []model.Client, lang string) error {
	words := i18n.In(lang)
	bw := bufio.NewWriter(w)
	bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	cw.Write(clientHeaders[words.Lang()])
	for i := range cs {
		cw.Write(clientRecord(&cs[i], words))
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

func clientRecord(c *model.Client, w i18n.Words) []string {
	consent := w.T("export.csv.no")
	if c.MarketingConsent {
		consent = w.T("export.csv.yes")
	}
	source := ""
	if c.Source != "" {
		source = w.T("source." + c.Source)
	}
	return []string{safe(c.LastName), safe(c.FirstName), safe(c.MiddleName), model.FormatPhone(c.Phone),
		safe(c.Email), c.BirthDate.Format(w.Lang()), source, safe(c.Tags), consent, safe(c.Notes)}
}

// safe puts a quote before text that Excel would run as a formula
// (=, +, -, @ first), and before a quote so that one survives;
// model/clientio takes it off again.
func safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@'", rune(s[0])) {
		return "'" + s
	}
	return s
}

// clientJSON is a client in a JSON export: snake_case names that do not
// change with the Go fields, dates as 2006-01-02 or null.
type clientJSON struct {
	ID                 uint       `json:"id"`
	UUID               string     `json:"uuid"`
	LastName           string     `json:"last_name"`
	FirstName          string     `json:"first_name"`
	MiddleName         string     `json:"middle_name"`
	Phone              string     `json:"phone"`
	Email              string     `json:"email"`
	BirthDate          *string    `json:"birth_date"`
	Source             string     `json:"source"`
	ReferrerID         *uint      `json:"referrer_id"`
	PDConsentAt        *string    `json:"pd_consent_at"`
	HealthConsentAt    *string    `json:"health_consent_at"`
	MarketingConsent   bool       `json:"marketing_consent"`
	MarketingConsentAt *string    `json:"marketing_consent_at"`
	Tags               string     `json:"tags"`
	Notes              string     `json:"notes"`
	Health             string     `json:"health"`
	NeedsStated        string     `json:"needs_stated"`
	NeedsObserved      string     `json:"needs_observed"`
	Goals              string     `json:"goals"`
	FirstVisitOn       *string    `json:"first_visit_on"`
	LastVisitOn        *string    `json:"last_visit_on"`
	VisitCount         int        `json:"visit_count"`
	CardNumbers        string     `json:"card_numbers"`
	ArchivedAt         *time.Time `json:"archived_at"`
	CreatedAt          time.Time  `json:"created_at"`
	UpdatedAt          time.Time  `json:"updated_at"`
}

func isoOrNil(d model.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.ISO()
	return &s
}

func toJSON(c *model.Client) clientJSON {
	return clientJSON{ID: c.ID, UUID: c.UUID, LastName: c.LastName, FirstName: c.FirstName, MiddleName: c.MiddleName,
		Phone: c.Phone, Email: c.Email, BirthDate: isoOrNil(c.BirthDate), Source: c.Source, ReferrerID: c.ReferrerID,
		PDConsentAt: isoOrNil(c.PDConsentAt), HealthConsentAt: isoOrNil(c.HealthConsentAt),
		MarketingConsent: c.MarketingConsent, MarketingConsentAt: isoOrNil(c.MarketingConsentAt), Tags: c.Tags,
		Notes: c.Notes, Health: c.Health, NeedsStated: c.NeedsStated, NeedsObserved: c.NeedsObserved, Goals: c.Goals,
		FirstVisitOn: isoOrNil(c.FirstVisitOn), LastVisitOn: isoOrNil(c.LastVisitOn), VisitCount: c.VisitCount,
		CardNumbers: c.CardNumbers, ArchivedAt: utcOrNil(c.ArchivedAt), CreatedAt: c.CreatedAt.UTC(),
		UpdatedAt: c.UpdatedAt.UTC()}
}

func utcOrNil(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// WriteClientsJSON writes the clients' whole profiles as an indented JSON
// array, for another program or a careful archive.
func WriteClientsJSON(w io.Writer, cs []model.Client) error {
	out := make([]clientJSON, len(cs))
	for i := range cs {
		out[i] = toJSON(&cs[i])
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
