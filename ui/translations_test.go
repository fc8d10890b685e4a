package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"companion/model"
)

// loadKeys reads every translation file of a language: "ru.json" and any
// "prefix.ru.json" beside it.
func loadKeys(t *testing.T, lang string) map[string]string {
	t.Helper()
	files, _ := filepath.Glob("../assets/translations/*.json")
	keys := map[string]string{}
	for _, f := range files {
		if filepath.Base(f) != lang+".json" && !strings.HasSuffix(f, "."+lang+".json") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for k, v := range m {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", f, k)
			}
			keys[k] = v
		}
	}
	return keys
}

func TestTranslationsAreComplete(t *testing.T) {
	ru, en := loadKeys(t, "ru"), loadKeys(t, "en")
	var missing []string
	for k := range ru {
		if _, ok := en[k]; !ok {
			missing = append(missing, "en: "+k)
		}
	}
	for k := range en {
		if _, ok := ru[k]; !ok {
			missing = append(missing, "ru: "+k)
		}
	}
	for _, k := range usedKeys(t) {
		if _, ok := ru[k]; !ok {
			missing = append(missing, "ru and en: "+k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("missing translations:\n%s", strings.Join(missing, "\n"))
	}
}

// usedKeys lists the keys the code asks for: literal i18n.T("…") calls, form
// labels, every status and source, and the messages of the model's errors.
func usedKeys(t *testing.T) []string {
	var keys []string
	lit := regexp.MustCompile(`(?:T\(|\.add\("[a-z_]+", |Key: )"([a-z_]+\.[a-z_.]*[a-z_])"`)
	files, _ := filepath.Glob("*.go")
	models, _ := filepath.Glob("../model/*.go")
	for _, f := range append(files, models...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, _ := os.ReadFile(f)
		for _, m := range lit.FindAllStringSubmatch(string(data), -1) {
			keys = append(keys, m[1])
		}
	}
	for _, s := range model.Statuses {
		keys = append(keys, "status."+string(s))
	}
	for _, s := range model.Sources {
		keys = append(keys, "source."+s)
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys in the code: the pattern is broken", len(keys))
	}
	return keys
}
