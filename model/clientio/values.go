package clientio

import (
	"strings"

	"companion/model"
)

// cell trims a value, ends its lines with \n alone, and undoes the quote
// that exports put before text starting with = + - @ (so that Excel does
// not run it as a formula) or with a quote.
func cell(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@'", rune(s[1])) {
		return s[1:]
	}
	return s
}

// sourceWords are how salons write where a client came from: whole words,
// and stems that start a word. The first source with a match wins.
var sourceWords = []struct {
	code  string
	words []string
	stems []string
}{
	{"other", []string{"other", "другое", "другой", "прочее", "иное"}, nil},
	{"referral", []string{"друг", "друзья"}, []string{"referr", "рекоменд", "сарафан", "подруг", "знаком", "посовет"}},
	{"walk_in", nil, []string{"walk", "мимо", "вывеск", "проход"}},
	{"advert", []string{"ads"}, []string{"advert", "реклам", "листовк", "флаер", "баннер", "буклет"}},
	{"partner", nil, []string{"partner", "партнер"}},
	{"maps", []string{"гис", "2гис", "2gis", "gis", "google"}, []string{"map", "карт", "яндекс", "yandex", "гугл"}},
	{"social", []string{"вк", "vk", "тг", "ok", "fb"}, []string{"social", "instagram", "инстаграм", "инста", "insta",
		"вконтакт", "соц", "telegram", "телеграм", "facebook", "фейсбук", "одноклассн", "tiktok", "тикток"}},
	{"website", nil, []string{"web", "site", "сайт", "интернет", "internet", "онлайн", "online"}},
}

// sourceCode maps a written source ("Инстаграм", "по рекомендации",
// "2ГИС") to one of model.Sources; "" stays "", anything unknown is "other".
func sourceCode(s string) string {
	words := strings.Fields(model.Fold(s))
	if len(words) == 0 {
		return ""
	}
	for _, src := range sourceWords {
		for _, w := range words {
			if matches(w, src.words, src.stems) {
				return src.code
			}
		}
	}
	return "other"
}

func matches(w string, words, stems []string) bool {
	for _, x := range words {
		if w == x {
			return true
		}
	}
	for _, x := range stems {
		if strings.HasPrefix(w, x) {
			return true
		}
	}
	return false
}

// yesNo reads a consent cell. An empty cell is "no"; ok is false when the
// text says neither yes nor no.
func yesNo(s string) (yes, ok bool) {
	switch strings.Trim(strings.ToLower(s), " .!") {
	case "да", "д", "1", "yes", "y", "true", "+", "согласен", "согласна", "есть", "v", "x", "✓", "✔":
		return true, true
	case "", "нет", "н", "0", "no", "n", "false", "-", "—", "не согласен", "не согласна", "отказ":
		return false, true
	}
	return false, false
}
