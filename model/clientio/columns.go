package clientio

import (
	"errors"
	"strings"

	"companion/model"
)

// field is a client field a column can fill.
type field int

const (
	fName field = iota // "Фамилия Имя Отчество" in one column
	fLast
	fFirst
	fMiddle
	fPhone
	fEmail
	fBirth
	fNotes
	fSource
	fTags
	fConsent
	nFields
)

// titles are the column titles people use, folded by headerKey.
var titles = map[field][]string{
	fName: {"фио", "ф и о", "клиент", "full name", "name", "фамилия имя отчество", "фамилия имя", "имя клиента",
		"client", "client name", "customer"},
	fLast:   {"фамилия", "last name", "surname", "family name"},
	fFirst:  {"имя", "first name", "given name"},
	fMiddle: {"отчество", "middle name", "patronymic"},
	fPhone: {"телефон", "тел", "моб телефон", "мобильный", "мобильный телефон", "номер телефона", "сотовый",
		"phone", "mobile", "phone number", "mobile phone", "tel"},
	fEmail: {"email", "e mail", "почта", "эл почта", "электронная почта", "mail"},
	fBirth: {"дата рождения", "день рождения", "др", "birth date", "birthday", "date of birth", "birthdate", "dob"},
	fNotes: {"комментарий", "комментарии", "примечание", "примечания", "заметки", "notes", "note", "comment",
		"comments"},
	fSource:  {"источник", "откуда узнал", "откуда узнала", "откуда узнали", "source"},
	fTags:    {"теги", "метки", "tags"},
	fConsent: {"согласие на рассылку", "рассылка", "marketing consent"},
}

// headers maps a folded title to its field.
var headers = func() map[string]field {
	m := map[string]field{}
	for f, ts := range titles {
		for _, t := range ts {
			m[t] = f
		}
	}
	return m
}()

// headerKey folds a column title: case, ё, punctuation and anything in
// brackets ("Дата рождения (ДД.ММ.ГГГГ)") do not matter.
func headerKey(h string) string {
	if i := strings.IndexAny(h, "(["); i > 0 {
		h = h[:i]
	}
	return model.Fold(h)
}

// columns lists, for every field, the columns that fill it, in file order.
type columns [nFields][]int

// mapHeader reads the header record. It returns the titles of the columns
// it does not know; untitled columns are left out of that list.
func mapHeader(rec []string) (columns, []string) {
	var cols columns
	var ignored []string
	for i, h := range rec {
		if f, ok := headers[headerKey(h)]; ok {
			cols[f] = append(cols[f], i)
		} else if t := strings.TrimSpace(h); t != "" {
			ignored = append(ignored, t)
		}
	}
	return cols, ignored
}

func (c *columns) hasName() bool {
	return len(c[fName]) > 0 || len(c[fLast]) > 0 || len(c[fFirst]) > 0
}

// get returns the first non-empty value of the field's columns, cleaned.
func (c *columns) get(rec []string, f field) string {
	for _, i := range c[f] {
		if i < len(rec) {
			if v := cell(rec[i]); v != "" {
				return v
			}
		}
	}
	return ""
}

// row builds and validates the client of one record.
func (c *columns) row(rec []string, line int, today model.Date) Row {
	cl := model.Client{
		LastName: c.get(rec, fLast), FirstName: c.get(rec, fFirst), MiddleName: c.get(rec, fMiddle),
		Phone: c.get(rec, fPhone), Email: c.get(rec, fEmail), Notes: c.get(rec, fNotes),
		Tags: strings.ReplaceAll(c.get(rec, fTags), ";", ","), Source: sourceCode(c.get(rec, fSource)),
	}
	if cl.LastName == "" && cl.FirstName == "" && cl.MiddleName == "" {
		cl.LastName, cl.FirstName, cl.MiddleName = model.SplitFullName(c.get(rec, fName))
	}
	var own []*model.FieldError
	if d, err := model.ParseDate(c.get(rec, fBirth)); err != nil {
		own = append(own, &model.FieldError{Field: "birth_date", Key: model.ErrBadDate.Key, Args: map[string]any{"Value": c.get(rec, fBirth)}})
	} else {
		cl.BirthDate = d
	}
	if yes, ok := yesNo(c.get(rec, fConsent)); !ok {
		own = append(own, &model.FieldError{Field: "marketing_consent", Key: KeyConsent, Args: map[string]any{"Value": c.get(rec, fConsent)}})
	} else if yes {
		cl.MarketingConsent = true
		cl.MarketingConsentAt = today
	}
	var errs model.ValidationErrors
	if err := cl.Validate(today); err != nil && !errors.As(err, &errs) {
		errs = model.ValidationErrors{{Key: KeyUnreadable, Args: map[string]any{"Line": line}}}
	}
	return Row{Line: line, Client: cl, Errors: append(errs, own...)}
}
