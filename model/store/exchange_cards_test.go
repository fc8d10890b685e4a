package store

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"companion/model"
)

// The full export carries a card sale's money and its freezes, and the
// round trip gives them back to the kopeck and the file byte for byte.
func TestExchangeCarriesTheCardSale(t *testing.T) {
	src := demoStore(t, 20)
	ctx := context.Background()
	var typeID uint
	src.DB().Raw("SELECT id FROM card_types WHERE active ORDER BY id LIMIT 1").Scan(&typeID)
	sale := model.Card{ClientID: 3, TypeID: typeID, Number: "EX-1", Price: 1_234_567, Discount: 34_567, Paid: 900_001}
	if err := src.SellCard(ctx, &sale); err != nil {
		t.Fatal(err)
	}
	first := exportAll(t, src)
	var doc struct {
		Tables map[string][]map[string]any
	}
	if err := json.Unmarshal(first, &doc); err != nil {
		t.Fatal(err)
	}
	var row map[string]any
	for _, r := range doc.Tables["cards"] {
		if r["number"] == "EX-1" {
			row = r
		}
	}
	if row["price"] != 1_234_567.0 || row["discount"] != 34_567.0 || row["paid"] != 900_001.0 {
		t.Errorf("the export's card row: %v", row)
	}
	if len(doc.Tables["card_freezes"]) == 0 {
		t.Error("the export carries no freezes of the demo's cards")
	}

	dst := openTest(t)
	if _, err := dst.ImportAll(ctx, bytes.NewReader(first)); err != nil {
		t.Fatal(err)
	}
	if second := exportAll(t, dst); !bytes.Equal(first, second) {
		t.Fatalf("the second export differs from the first:\n%s", firstDifference(first, second))
	}
	got := cardOf(t, dst, 3, sale.ID).Card
	if got.Price != sale.Price || got.Discount != sale.Discount || got.Paid != sale.Paid || got.Owed() != 299_999 {
		t.Errorf("the imported sale: %+v", got)
	}
}
