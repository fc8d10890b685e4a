package reports

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// The sheets of the payroll's workbook and their columns: everyone's
// totals, each block's figures, and every row of the CSV.
var (
	peopleSheet = []string{"staff_id", "staff", "role", "block_id", "gross", "tax", "deductions", "advances", "to_pay",
		"year_income"}
	blocksSheet = []string{"block_id", "block", "sales", "cards", "turnover", "consumables", "goods_cost", "extras",
		"salaries", "profit"}
)

// numericCols are the CSV's columns that hold numbers.
var numericCols = map[string]bool{"block_id": true, "staff_id": true, "base": true, "rate": true, "days": true,
	"of_days": true, "amount": true}

// xlsxCells are a CSV row as cells: its numbers as numbers, and its text
// without the quote that keeps Excel from running it as a formula (a cell
// set as text is never run).
func xlsxCells(row []string) []any {
	out := make([]any, len(row))
	for i, s := range row {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && numericCols[payrollCSVHeader[i]] {
			out[i] = n
		} else if len(s) > 1 && s[0] == '\'' {
			out[i] = s[1:]
		} else {
			out[i] = s
		}
	}
	return out
}

// writeSheet writes a sheet with its header in bold, frozen above the rows.
func writeSheet(f *excelize.File, name string, header []string, rows [][]any) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = h
	}
	if err := f.SetSheetRow(name, "A1", &cells); err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(name, cell, &r); err != nil {
			return err
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if err := f.SetRowStyle(name, 1, 1, bold); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	if err := f.SetColWidth(name, "A", last, 14); err != nil {
		return err
	}
	return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
