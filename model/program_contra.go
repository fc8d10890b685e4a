package model

import (
	"strings"
	"unicode/utf8"
)

// StemLetters: two words of a contraindication match when they share
// their first StemLetters letters (or the whole of the shorter one), so
// «гипертония» finds «гипертоническая болезнь» and «беременность»
// finds «беременна», but «гипертония» never finds «гипотония».
const StemLetters = 5

// MatchContraindications lists the contraindications, of the names given,
// that the client's own words name: the health notes of the profile and the
// contraindications of the latest assessment. A name with commas lists
// alternatives («простуда, температура»): any one of them matches. Every word
// of three letters or more of an alternative must be found.
func MatchContraindications(names []string, texts ...string) []string {
	words := strings.Fields(Fold(strings.Join(texts, " ")))
	var out []string
	for _, name := range names {
		for _, alt := range strings.Split(name, ",") {
			if alternativeFound(strings.Fields(Fold(alt)), words) {
				out = append(out, name)
				break
			}
		}
	}
	return out
}

func alternativeFound(alt, words []string) bool {
	checked := 0
	for _, a := range alt {
		if utf8.RuneCountInString(a) < 3 {
			continue
		}
		checked++
		found := false
		for _, w := range words {
			if sameStem(a, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return checked > 0
}

// sameStem reports whether a and b share StemLetters letters, or the
// whole of the shorter one when it is shorter than that.
func sameStem(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	need := min(StemLetters, len(ra), len(rb))
	if len(rb) < 3 {
		return false
	}
	for i := 0; i < need; i++ {
		if ra[i] != rb[i] {
			return false
		}
	}
	return true
}

// MarkContraindicated sets each item's Contraindicated to the client's
// conditions its service is not for (services by ID), given the client's
// health texts; an item that no longer matches loses its override.
func MarkContraindicated(p *Program, services map[uint]Service, texts ...string) {
	for i := range p.Items {
		it := &p.Items[i]
		found := MatchContraindications(services[it.ServiceID].Contraindications, texts...)
		it.Contraindicated = strings.Join(found, ", ")
		if it.Contraindicated == "" {
			it.Override = ""
		}
	}
}
