package clients

import (
	"io"

	"companion/model"
	"companion/model/i18n"
	"companion/reports"
)

// writeRecord writes a client's whole record as PDF or JSON.
func writeRecord(w io.Writer, rec model.ClientRecord, format string, today model.Date) error {
	if format == "pdf" {
		return reports.WriteClientRecordPDF(w, rec, i18n.Lang(), today.Time())
	}
	return reports.WriteClientRecordJSON(w, rec)
}
