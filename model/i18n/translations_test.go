package i18n

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"companion/assets"
	"companion/model"
	"companion/model/hiring"
)

// message is one translation: a plain text, or its plural forms.
type message struct {
	file  string
	text  string
	forms map[string]string
}

// texts are the message's plain text or every form of it.
func (m message) texts() []string {
	if m.forms == nil {
		return []string{m.text}
	}
	var out []string
	for _, f := range sortedKeys(m.forms) {
		out = append(out, m.forms[f])
	}
	return out
}

// pluralForms are the forms a language needs (CLDR): Russian tells 1, 2
// and 5 apart and uses "other" for fractions; English tells 1 from the rest.
var pluralForms = map[string][]string{
	"ru": {"few", "many", "one", "other"},
	"en": {"one", "other"},
}

// fyneIDs are Fyne's own message IDs that our files carry to put right what
// Fyne's Russian gets wrong: its file dialog's title is "Save" + " " + "File"
// («Сохранить Файл»), and it swaps Tuesday and Thursday. A key that is
// neither ours (area.name) nor listed here is a typo Fyne would never ask for.
var fyneIDs = map[string]bool{"File": true, "Folder": true, "tuesday": true, "tuesday.short": true,
	"thursday": true, "thursday.short": true}

// loadLanguage reads every translation file of a language from the files
// the program embeds: "ru.json" and every "area.ru.json".
func loadLanguage(t *testing.T, lang string) map[string]message {
	t.Helper()
	names, err := fs.Glob(assets.Translations, "translations/*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no translation files: %v", err)
	}
	out := map[string]message{}
	for _, name := range names {
		base := path.Base(name)
		if base != lang+".json" && !strings.HasSuffix(base, "."+lang+".json") {
			continue
		}
		data, err := fs.ReadFile(assets.Translations, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range duplicateKeys(t, base, data) {
			t.Errorf("%s: %s is there twice", base, k)
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		for k, v := range raw {
			m := message{file: base}
			if err := json.Unmarshal(v, &m.text); err != nil {
				if err := json.Unmarshal(v, &m.forms); err != nil {
					t.Errorf("%s: %s is neither a text nor plural forms: %s", base, k, v)
					continue
				}
			}
			if prev, ok := out[k]; ok {
				t.Errorf("%s is in both %s and %s", k, prev.file, base)
			}
			out[k] = m
		}
	}
	return out
}

// duplicateKeys lists the keys a JSON object names more than once, which
// json.Unmarshal would silently reduce to the last.
func duplicateKeys(t *testing.T, name string, data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	seen := map[string]bool{}
	var dups []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		k, _ := tok.(string)
		if seen[k] {
			dups = append(dups, k)
		}
		seen[k] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return dups
}

var placeholder = regexp.MustCompile(`{{\s*\.([A-Za-z]+)\s*}}`)

// placeholders are the names a text fills in: {{.N}}, {{.Path}}.
func placeholders(texts []string) string {
	set := map[string]bool{}
	for _, s := range texts {
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	return strings.Join(sortedKeys(set), ",")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestEveryKeyIsInBothLanguages(t *testing.T) {
	ru, en := loadLanguage(t, "ru"), loadLanguage(t, "en")
	var missing []string
	for k, m := range ru {
		if _, ok := en[k]; !ok {
			missing = append(missing, fmt.Sprintf("en lacks %s (%s)", k, m.file))
		}
	}
	for k, m := range en {
		if _, ok := ru[k]; !ok {
			missing = append(missing, fmt.Sprintf("ru lacks %s (%s)", k, m.file))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("keys in one language only:\n%s", strings.Join(missing, "\n"))
	}
	for k, r := range ru {
		e, ok := en[k]
		if !ok {
			continue
		}
		if r.file[:strings.Index(r.file, "ru.json")] != e.file[:strings.Index(e.file, "en.json")] {
			t.Errorf("%s is in %s but in %s", k, r.file, e.file)
		}
		if a, b := placeholders(r.texts()), placeholders(e.texts()); a != b {
			t.Errorf("%s fills in {%s} in Russian but {%s} in English", k, a, b)
		}
	}
}

var ourKey = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$`)

func TestTextsAndPluralForms(t *testing.T) {
	for _, lang := range []string{"ru", "en"} {
		for k, m := range loadLanguage(t, lang) {
			if !ourKey.MatchString(k) && !fyneIDs[k] {
				t.Errorf("%s: %q is not a key (area.name) nor one of Fyne's message IDs", m.file, k)
			}
			if m.forms != nil {
				if got, want := strings.Join(sortedKeys(m.forms), ","), strings.Join(pluralForms[lang], ","); got != want {
					t.Errorf("%s: %s has the forms {%s}; %s needs {%s}", m.file, k, got, lang, want)
				}
				if ph := placeholders(m.texts()); !strings.Contains(","+ph+",", ",N,") && strings.Contains(m.texts()[0], "{{") {
					t.Errorf("%s: %s has plural forms but no {{.N}} to count with", m.file, k)
				}
			}
			for _, s := range m.texts() {
				if strings.TrimSpace(s) == "" {
					t.Errorf("%s: %s is empty", m.file, k)
				}
				if _, err := template.New(k).Parse(s); err != nil {
					t.Errorf("%s: %s: %v", m.file, k, err)
				}
			}
			if m.forms != nil {
				// Every form of a key fills in the same names.
				want := placeholders([]string{m.forms["other"]})
				for f, s := range m.forms {
					if got := placeholders([]string{s}); got != want {
						t.Errorf("%s: %s: the form %q fills in {%s}, the form \"other\" {%s}", m.file, k, f, got, want)
					}
				}
			}
		}
	}
}

// runtimeKeys are the families of keys the code builds from a value, with
// every value there is. A family the code builds ("status." + s) that is
// missing here fails the test: add its values.
func runtimeKeys() map[string][]string {
	of := func(n int, f func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	months := of(12, func(i int) string { return strconv.Itoa(i + 1) })
	return map[string][]string{
		"status.":            of(len(model.Statuses), func(i int) string { return string(model.Statuses[i]) }),
		"trust.":             of(len(model.TrustStages), func(i int) string { return string(model.TrustStages[i]) }),
		"trust.filter.":      of(len(model.TrustStages), func(i int) string { return string(model.TrustStages[i]) }),
		"card.status.":       of(len(model.CardStatuses), func(i int) string { return string(model.CardStatuses[i]) }),
		"contact.kind.":      of(len(model.ContactKinds), func(i int) string { return string(model.ContactKinds[i]) }),
		"contact.channel.":   model.Channels,
		"source.":            model.Sources,
		"role.":              of(len(model.Roles), func(i int) string { return string(model.Roles[i]) }),
		"month.short.":       months,
		"backup.kind.":       of(len(model.BackupKinds), func(i int) string { return string(model.BackupKinds[i]) }),
		"program.status.":    model.ProgramStatuses,
		"rec.decision.":      model.RecDecisions,
		"weekday.short.":     of(7, strconv.Itoa),
		"time_of_day.":       append([]string{"any"}, model.TimesOfDay[1:]...),
		"pay.kind.":          model.PayKinds,
		"pay.entry.":         model.EntryKinds,
		"pay.mode.":          {"progressive", "retroactive"},
		"pay.note.":          {"loss"},
		"err.feedback.step.": {"passed_by", "answer", "resolution", "withdrawn"},
		"hiring.criterion.":  hiring.Criteria,
		"hiring.status.":     hiring.Statuses,
		"hiring.rec.":        {hiring.Hire, hiring.HireTrain, hiring.Reject},
		"hiring.priority.":   hiring.Priorities,
		"hiring.method.":     hiring.Methods,
		"feedback.kind.":     model.FeedbackKinds,
		"feedback.state.":    model.FeedbackStates,
		"feedback.to.":       model.FeedbackStates[1:],
		"round.call.":        model.CallStates,
		"proposal.status.":   model.ProposalStatuses,
		"consent.way.":       model.ConsentWays,
		"sales.reason.":      {model.ReasonRecommended, model.ReasonGoesWith, model.ReasonGoal},
		"offer.outcome.":     model.OfferOutcomes,
		"promo.channel.":     model.PromoChannels,
		"promo.excluded.":    {model.ExcludedNoConsent, model.ExcludedWithdrawn},
	}
}

// keyHelpers are functions that put a prefix before the name they are
// given: exErr("column", …) asks for "exchange.err.column".
var keyHelpers = map[string]string{"exErr": "exchange.err."}

// fileExt are the endings of file names, which look like keys: "backup.db".
var fileExt = map[string]bool{"db": true, "json": true, "csv": true, "pdf": true, "xlsx": true, "txt": true,
	"png": true, "ttf": true, "age": true, "tmp": true, "lock": true, "toml": true, "md": true, "log": true}

// codeKeys reads the Go sources of the whole program (not its tests) and
// returns the keys they name and the key families they build at run time.
// A key is a string that a T, L or printLine call is given, that a
// FieldError's Key holds, or any string shaped like a key of a known area
// ("client.phone" where some key starts with "client.").
func codeKeys(t *testing.T, areas map[string]bool) (keys map[string][]string, families map[string][]string) {
	t.Helper()
	keys, families = map[string][]string{}, map[string][]string{}
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); p != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		where := func(n ast.Node) string {
			pos := fset.Position(n.Pos())
			rel, _ := filepath.Rel(root, pos.Filename)
			return fmt.Sprintf("%s:%d", filepath.ToSlash(rel), pos.Line)
		}
		note := func(lit *ast.BasicLit, certain bool) {
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return
			}
			if i := strings.Index(s, "%"); i > 0 && strings.HasSuffix(s[:i], ".") {
				s = s[:i] // fmt.Sprintf("month.short.%d", m)
			}
			area, _, _ := strings.Cut(s, ".")
			if !certain && (!areas[area] || fileExt[s[strings.LastIndex(s, ".")+1:]]) {
				return
			}
			switch {
			case strings.HasSuffix(s, ".") && ourKey.MatchString(strings.TrimSuffix(s, ".")+".x"):
				families[s] = append(families[s], where(lit))
			case ourKey.MatchString(s):
				keys[s] = append(keys[s], where(lit))
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				if prefix, ok := keyHelpers[name]; ok && len(n.Args) > 0 {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if v, err := strconv.Unquote(lit.Value); err == nil {
							keys[prefix+v] = append(keys[prefix+v], where(lit))
						}
					}
				}
				if name == "T" || name == "L" || name == "printLine" {
					for _, a := range n.Args {
						if lit := leftString(a); lit != nil {
							note(lit, true)
						}
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Key" {
					if lit, ok := n.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						note(lit, true)
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					note(n, false)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d keys in the code: the scan is broken", len(keys))
	}
	return keys, families
}

// leftString is the string an expression starts with: "a.b" itself, the
// "status." of "status." + s, or the format of fmt.Sprintf("month.short.%d", m).
func leftString(e ast.Expr) *ast.BasicLit {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return e
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return leftString(e.X)
		}
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(e.Args) > 0 {
			return leftString(e.Args[0])
		}
	case *ast.ParenExpr:
		return leftString(e.X)
	}
	return nil
}

func helperPrefix(prefix string) bool {
	for _, p := range keyHelpers {
		if p == prefix {
			return true
		}
	}
	return false
}

func TestEveryKeyTheCodeAsksForIsTranslated(t *testing.T) {
	langs := map[string]map[string]message{"ru": loadLanguage(t, "ru"), "en": loadLanguage(t, "en")}
	areas := map[string]bool{}
	for k := range langs["en"] {
		if a, _, ok := strings.Cut(k, "."); ok {
			areas[a] = true
		}
	}
	keys, families := codeKeys(t, areas)
	known := runtimeKeys()
	for prefix, at := range families {
		if _, ok := known[prefix]; !ok && !helperPrefix(prefix) {
			t.Errorf("%s builds keys %s… from a value, but the test does not know its values: add them to runtimeKeys",
				at[0], prefix)
		}
	}
	for prefix, values := range known {
		if len(values) == 0 {
			t.Errorf("no values for %s…", prefix)
		}
		for _, v := range values {
			keys[prefix+v] = append(keys[prefix+v], "the values of "+prefix+"…")
		}
	}
	var missing []string
	for _, k := range sortedKeys(keys) {
		for _, lang := range []string{"ru", "en"} {
			if _, ok := langs[lang][k]; !ok {
				missing = append(missing, fmt.Sprintf("%s lacks %s (%s)", lang, k, keys[k][0]))
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("keys the code asks for without a translation:\n%s", strings.Join(missing, "\n"))
	}
}
