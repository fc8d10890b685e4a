package assets

import "embed"

// Fonts are the TrueType fonts reports embed in their PDFs: DejaVu Sans,
// regular and bold, which cover Cyrillic (the core PDF fonts do not). Their
// licence is fonts/LICENSE.
//
//go:embed fonts/*.ttf
var Fonts embed.FS
