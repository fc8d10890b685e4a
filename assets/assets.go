// Package assets holds what the program carries inside it: translations,
// the icon and the fonts.
package assets

import "embed"

// Translations are the UI strings, one JSON file per language.
//
//go:embed translations/*.json
var Translations embed.FS
