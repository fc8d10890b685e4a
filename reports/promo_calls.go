package reports

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"companion/model"
	"companion/model/i18n"
)

// promoCallColumns are the call list's columns: blank ones to write the
// channel and the answer in by hand.
var promoCallColumns = []column{{"promo.calls.n", 10, "R"}, {"promo.calls.client", 62, "L"},
	{"promo.calls.phone", 38, "L"}, {"promo.calls.channel", 28, "L"}, {"promo.calls.answer", 42, "L"}}

// WritePromoCalls writes the list of clients to tell of a promotion — only
// those given, which the caller took from the promotion's audience, so
// only clients whose consent to advertising is provable — as A4 pages in
// lang ("ru" or "en", "" for the language in use), dated the promotion's
// first day so the same list gives the same file.
func WritePromoCalls(w io.Writer, p model.Promotion, clients []model.Client, salon, lang string) error {
	words := i18n.In(lang)
	pdf, err := newPDF(p.From.Time())
	if err != nil {
		return err
	}
	r := &recordPDF{pdf: pdf, w: words, lang: words.Lang(), today: p.From}
	pdf.SetTitle(p.Title, true)
	pdf.SetAuthor(strings.TrimSpace(salon+" · Companion"), true)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 4, p.Title+" · "+r.t("record.page", map[string]any{"N": pdf.PageNo()}), "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	pdf.SetFont(fontFamily, "", 9)
	pdf.SetTextColor(110, 110, 110)
	pdf.CellFormat(0, 5, salon, "", 1, "L", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontFamily, "B", 16)
	pdf.MultiCell(0, 8, r.t("promo.calls.title", map[string]any{"Title": p.Title}), "", "L", false)
	pdf.SetFont(fontFamily, "", 10)
	pdf.MultiCell(0, 5, PromoLine(p, words), "", "L", false)
	pdf.MultiCell(0, 5, r.t("promo.calls.consent", map[string]any{"N": len(clients)}), "", "L", false)
	pdf.Ln(3)
	rows := make([][]string, len(clients))
	for i, c := range clients {
		rows[i] = []string{strconv.Itoa(i + 1), c.FullName(), model.FormatPhone(c.Phone), "", ""}
	}
	r.table(promoCallColumns, rows)
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// PromoLine says a promotion's period and discount, as the window and the
// call list both do: a whole percent without decimals.
func PromoLine(p model.Promotion, w i18n.Words) string {
	pct := strconv.FormatInt(int64(p.Percent)/100, 10)
	if p.Percent%100 != 0 {
		pct = w.Decimal(float64(p.Percent) / 100)
	}
	return w.T("promo.period", map[string]any{"From": p.From.Format(w.Lang()), "To": p.To.Format(w.Lang()), "Percent": pct})
}

// WritePromoCallsCSV writes the same list for Excel: UTF-8 with BOM, ';'
// between fields, CRLF, a row a client.
func WritePromoCallsCSV(w io.Writer, p model.Promotion, clients []model.Client, lang string) error {
	words := i18n.In(lang)
	bw := bufio.NewWriter(w)
	bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	head := make([]string, len(promoCallColumns))
	for i, c := range promoCallColumns {
		head[i] = words.T(c.key)
	}
	cw.Write(append(head[1:3], words.T("promo.calls.email"), words.T("promo.calls.promotion")))
	for _, c := range clients {
		cw.Write([]string{safe(c.FullName()), model.FormatPhone(c.Phone), safe(c.Email), safe(p.Title)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
