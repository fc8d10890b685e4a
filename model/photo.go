package model

import (
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Photo is a picture of a client taken with an assessment — before a
// course, after it — to be set side by side with another. A photo of the
// body is health data: it is added only with the client's consent to the
// processing of health data. The image is a file in the photos folder
// beside the database, never a value in it, and leaves the salon only as
// PhotosMayLeave allows.
type Photo struct {
	ID           uint
	UUID         string
	AssessmentID uint
	ClientID     uint
	// File is where the image is inside the photos folder, with forward
	// slashes: the client's UUID, then the photo's ("…/….jpg").
	File      string
	On        Date `gorm:"column:day"` // the day of the assessment it belongs to
	Caption   string
	Width     int // pixels, as kept: upright and scaled down
	Height    int
	CreatedAt time.Time
}

// TableName keeps the photos beside the assessments they belong to.
func (Photo) TableName() string { return "assessment_photos" }

// How a photo is kept. A photo from a phone is many times larger than a
// screen shows side by side; its longest side is scaled down to
// PhotoMaxSide and it is saved as JPEG of PhotoQuality. A file larger than
// PhotoMaxBytes, or an image of more than PhotoMaxPixels, is refused before
// it is read whole.
const (
	PhotoMaxSide   = 1600
	PhotoQuality   = 85
	PhotoMaxBytes  = 50 << 20
	PhotoMaxPixels = 100_000_000
	maxCaption     = 100
)

// PhotoExtensions are the files a photo is added from.
var PhotoExtensions = []string{".jpg", ".jpeg", ".png"}

// Errors of adding and reading a photo.
var (
	// ErrPhotoNotImage: the file is not a JPEG or PNG image.
	ErrPhotoNotImage = &FieldError{Field: "file", Key: "photo.err.not_image"}
	// ErrPhotoMissing: the photo's file is not in the photos folder of this
	// computer (removed by hand, or added on another computer).
	ErrPhotoMissing = &FieldError{Key: "photo.err.missing"}
	// ErrPhotoTooLarge: the file or the image is too large to be a photo.
	ErrPhotoTooLarge = &FieldError{Field: "file", Key: "photo.err.too_large", Args: map[string]any{"MB": PhotoMaxBytes >> 20}}
)

// PhotoSize is the size a photo of w×h pixels is kept at: its longest side
// at most PhotoMaxSide, the proportions kept, never scaled up.
func PhotoSize(w, h int) (int, int) {
	long := max(w, h)
	if long <= PhotoMaxSide || w <= 0 || h <= 0 {
		return w, h
	}
	scale := func(n int) int { return max(1, (n*PhotoMaxSide+long/2)/long) }
	return scale(w), scale(h)
}

// Validate trims the caption and checks its length.
func (p *Photo) Validate() error {
	var errs ValidationErrors
	p.Caption = strings.TrimSpace(p.Caption)
	if utf8.RuneCountInString(p.Caption) > maxCaption {
		errs.add("caption", "err.text.too_long", map[string]any{"Max": maxCaption})
	}
	return errs.OrNil()
}

// Local is the photo's file inside the photos folder dir, or "" when the
// name would lead out of it.
func (p Photo) Local(dir string) string {
	name := filepath.FromSlash(p.File)
	if p.File == "" || !filepath.IsLocal(name) {
		return ""
	}
	return filepath.Join(dir, name)
}

// PhotosMayLeave reports whether the client's photos may be copied out of
// the salon — into an export the owner asked for with the photos. They
// may only with both consents on record, to the processing of personal
// data and of health data, and never once the client is anonymised.
func (c *Client) PhotosMayLeave() bool {
	return !c.PDConsentAt.IsZero() && !c.HealthConsentAt.IsZero() && !c.Anonymized()
}

// BeforeAfter picks the two photos shown side by side first: the earliest
// and the latest of photos kept oldest first (their indexes); -1 when
// there is none to show on that side.
func BeforeAfter(photos []Photo) (before, after int) {
	switch len(photos) {
	case 0:
		return -1, -1
	case 1:
		return 0, -1
	}
	return 0, len(photos) - 1
}

// PhotosFolderOf is the folder an export at path keeps the photos in when
// asked to carry them: salon.json keeps them in salon-photos beside it, and
// an import of salon.json takes them from there.
func PhotosFolderOf(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + "-photos"
}

// PhotoCopy counts what a copy of photos did: copied, withheld for want of
// the client's consent (PhotosMayLeave), and missing from the folder.
type PhotoCopy struct {
	Copied, Withheld, Missing int
}
