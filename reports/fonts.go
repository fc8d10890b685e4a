package reports

import (
	"fmt"
	"time"

	"github.com/jung-kurt/gofpdf"

	"companion/assets"
)

// fontFamily is the embedded UTF-8 font every PDF writes in: the core PDF
// fonts have no Cyrillic.
const fontFamily = "DejaVu"

// newPDF starts an A4 document in the embedded font, deterministic for a
// given creation time: objects in a fixed order, the dates set.
func newPDF(created time.Time) (*gofpdf.Fpdf, error) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	for _, f := range [][2]string{{"", "fonts/DejaVuSans.ttf"}, {"B", "fonts/DejaVuSans-Bold.ttf"}} {
		style, file := f[0], f[1]
		data, err := assets.Fonts.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", file, err)
		}
		pdf.AddUTF8FontFromBytes(fontFamily, style, data)
	}
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCreator("Companion", true)
	pdf.SetFont(fontFamily, "", 10)
	return pdf, pdf.Error()
}
