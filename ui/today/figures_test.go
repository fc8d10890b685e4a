package today_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"companion/model"
	"companion/model/i18n"
	"companion/ui/uitest"
)

// Thirteen clients added this month, none of whom has come yet, show as
// added to the base beside the figure of first visits; an archived client
// is not counted.
func TestTodayCountsClientsAddedThisMonth(t *testing.T) {
	s, _ := uitest.OpenStore(t)
	ctx := context.Background()
	var last model.Client
	for i := 0; i < 14; i++ {
		last = model.Client{LastName: "Новикова", FirstName: fmt.Sprintf("Анна%02d", i)}
		if err := s.CreateClient(ctx, &last); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetArchived(ctx, last.ID, true); err != nil {
		t.Fatal(err)
	}
	f := openToday(t, s)
	want := i18n.T("today.fig.added", map[string]any{"N": 13})
	if !uitest.Shows(f.w, want) {
		t.Errorf("Today does not say %q; it shows %q", want, uitest.Texts(f.w))
	}
	if title := i18n.T("today.chart.title"); strings.Contains(title, "ктивн") || !uitest.Shows(f.w, title) {
		t.Errorf("the chart is titled %q: not the words of the active clients' figure, which counts 90 days", title)
	}
}
