package model

import (
	"strings"
	"unicode/utf8"
)

// Service is a line of the salon's catalogue: a procedure, a training or a
// product sold over the counter. A visit keeps the name and price it was
// sold at, so editing or archiving a line never changes a past visit.
type Service struct {
	ID          uint
	Name        string
	BlockID     *uint  // the block whose turnover it feeds
	Kind        string // one of ServiceKinds
	Training    bool   // a service that is a training session, not a procedure
	Price       Money
	Minutes     int   // how long it takes; 0 for goods
	Consumables Money // what one session uses up: payroll's consumables
	CostPrice   Money // what the salon pays for a product
	Role        string
	Pros        string // what the manager tells a client in its favour
	Cons        string // its drawbacks and limits
	NewSince    Date   // marked new from this day; zero when it is not new
	Active      bool
	// Contraindications are the names, from the salon's one list, of the
	// conditions the service is not for.
	Contraindications []string `gorm:"-"`
	// GoesWith are the IDs of the lines offered beside this one.
	GoesWith []uint `gorm:"-"`
}

// ServiceKinds are the kinds of catalogue lines.
var ServiceKinds = []string{"service", "product"}

// The kinds of catalogue lines as the manager picks them.
const (
	KindProcedure = "procedure"
	KindTraining  = "training"
	KindProduct   = "product"
)

// CatalogueKinds are the kinds the catalogue form offers.
var CatalogueKinds = []string{KindProcedure, KindTraining, KindProduct}

// CatalogueKind names the service's kind as the form shows it.
func (s *Service) CatalogueKind() string {
	switch {
	case s.Kind == "product":
		return KindProduct
	case s.Training:
		return KindTraining
	}
	return KindProcedure
}

// SetCatalogueKind sets the kind picked in the form; an unknown kind is
// left for Validate to refuse.
func (s *Service) SetCatalogueKind(k string) {
	switch k {
	case KindProduct:
		s.Kind, s.Training = "product", false
	case KindTraining:
		s.Kind, s.Training = "service", true
	case KindProcedure:
		s.Kind, s.Training = "service", false
	default:
		s.Kind = k
	}
}

// IsNew reports whether the service carries the "new" mark on day.
func (s *Service) IsNew(day Date) bool {
	return !s.NewSince.IsZero() && !day.Before(s.NewSince)
}

// SearchKey is what a catalogue search matches: name, role and the
// contraindications, folded as the client search folds them.
func (s *Service) SearchKey() string {
	return Fold(s.Name + " " + s.Role + " " + strings.Join(s.Contraindications, " "))
}

// MatchesSearch reports whether every word of q starts a word of the
// service's search key.
func (s *Service) MatchesSearch(q string) bool {
	return matchWords(s.SearchKey(), q)
}

// matchWords reports whether each word of the folded query is the start of
// some word of key, or is found inside it when it has three letters or more.
func matchWords(key, q string) bool {
	words := strings.Fields(key)
	for _, w := range strings.Fields(Fold(q)) {
		found := false
		for _, k := range words {
			if strings.HasPrefix(k, w) || (utf8.RuneCountInString(w) >= 3 && strings.Contains(k, w)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// maxNote bounds the longer texts of the catalogue and the staff.
const maxNote = 2000

// Validate trims the service and checks what the catalogue needs to bill it.
func (s *Service) Validate() error {
	var errs ValidationErrors
	s.Name = strings.Join(strings.Fields(s.Name), " ")
	s.Role = strings.Join(strings.Fields(s.Role), " ")
	s.Pros, s.Cons = strings.TrimSpace(s.Pros), strings.TrimSpace(s.Cons)
	switch {
	case s.Name == "":
		errs.add("name", "err.service.name_required", nil)
	case utf8.RuneCountInString(s.Name) > maxTitle:
		errs.add("name", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	if !contains(ServiceKinds, s.Kind) {
		errs.add("kind", "err.service.kind", nil)
	}
	if s.Price < 0 {
		errs.add("price", "err.money.negative", nil)
	}
	if s.Minutes < 0 || s.Minutes > 24*60 {
		errs.add("minutes", "err.service.minutes", nil)
	}
	if s.Kind == "service" && s.Minutes == 0 {
		errs.add("minutes", "err.service.minutes_required", nil)
	}
	if s.Consumables < 0 {
		errs.add("consumables", "err.money.negative", nil)
	}
	if s.CostPrice < 0 {
		errs.add("cost_price", "err.money.negative", nil)
	}
	if utf8.RuneCountInString(s.Role) > maxTitle {
		errs.add("role", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	for _, f := range []struct{ name, text string }{{"pros", s.Pros}, {"cons", s.Cons}} {
		if utf8.RuneCountInString(f.text) > maxNote {
			errs.add(f.name, "err.text.too_long", map[string]any{"Max": maxNote})
		}
	}
	if s.Kind == "product" {
		s.Training, s.Minutes, s.Role = false, 0, ""
	} else {
		s.CostPrice = 0
	}
	return errs.OrNil()
}

// Contraindication is a condition from the salon's one list: hypertension,
// pregnancy, varicose veins, skin inflammation.
type Contraindication struct {
	ID   uint
	Name string
}

// Validate trims the name and checks it.
func (c *Contraindication) Validate() error {
	var errs ValidationErrors
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	switch {
	case c.Name == "":
		errs.add("name", "err.staff.name_required", nil)
	case utf8.RuneCountInString(c.Name) > maxTitle:
		errs.add("name", "err.text.too_long", map[string]any{"Max": maxTitle})
	}
	return errs.OrNil()
}
