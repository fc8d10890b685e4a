package reports

import (
	"io"
	"time"

	"companion/model/i18n"
)

// WriteRecoveryCode writes the owner's recovery code on an A4 page, to be
// printed and kept away from the computer: the code in large digits, when
// it was issued, what it is for and what to do with the file.
func WriteRecoveryCode(w io.Writer, code string, issued time.Time) error {
	pdf, err := newPDF(issued)
	if err != nil {
		return err
	}
	pdf.SetMargins(20, 20, 20)
	pdf.AddPage()
	pdf.SetFont(fontFamily, "B", 16)
	pdf.MultiCell(0, 8, i18n.T("ownercode.code.title"), "", "L", false)
	pdf.SetFont(fontFamily, "", 10)
	pdf.MultiCell(0, 6, i18n.T("ownercode.pdf.issued", map[string]any{"When": i18n.FormatDateTime(issued)}), "", "L", false)
	pdf.Ln(8)
	pdf.SetFont(fontFamily, "B", 24)
	pdf.CellFormat(0, 18, code, "1", 1, "C", false, 0, "")
	pdf.Ln(8)
	pdf.SetFont(fontFamily, "", 11)
	for _, key := range []string{"ownercode.code.about", "ownercode.code.keep", "ownercode.pdf.use", "ownercode.pdf.file"} {
		pdf.MultiCell(0, 6, i18n.T(key), "", "L", false)
		pdf.Ln(3)
	}
	return pdf.Output(w)
}
