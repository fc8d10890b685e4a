package cli

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"companion/model"
	"companion/model/store"
)

// salonWithPhotos makes a database file with two clients, each with a
// photo: one who agreed to personal and health data, one only to health
// data.
func salonWithPhotos(t *testing.T, db string) (agreed, not model.Photo) {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 40, 30))); err != nil {
		t.Fatal(err)
	}
	day := s.Today().AddDays(-1)
	var out [2]model.Photo
	for i, pd := range []bool{true, false} {
		c := model.Client{LastName: []string{"Согласна", "Несогласна"}[i], HealthConsentAt: day}
		if pd {
			c.PDConsentAt = day
		}
		if err := s.CreateClient(ctx, &c); err != nil {
			t.Fatal(err)
		}
		a := model.Assessment{ClientID: c.ID, On: day, WeightKg: 60}
		if err := s.AddAssessment(ctx, &a); err != nil {
			t.Fatal(err)
		}
		out[i] = model.Photo{AssessmentID: a.ID}
		if err := s.AddPhoto(ctx, &out[i], bytes.NewReader(buf.Bytes())); err != nil {
			t.Fatal(err)
		}
	}
	return out[0], out[1]
}

// export --all --with-photos copies beside the file only the photos of the
// clients who agreed to both; import takes them into the new database's
// photos folder.
func TestExportAllWithPhotosKeepsToTheConsent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "salon.db")
	agreed, not := salonWithPhotos(t, db)
	file := filepath.Join(dir, "out", "salon.json")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"export", "--all", "--db", db, "--with-photos"}, &bytes.Buffer{}); err == nil {
		t.Error("photos exported to standard output")
	}
	runOK(t, "export", "--all", "--db", db, "--out", file)
	photos := filepath.Join(dir, "out", "salon-photos")
	if _, err := os.Stat(photos); !os.IsNotExist(err) {
		t.Fatalf("the photos left without --with-photos: %v", err)
	}
	out := runOK(t, "export", "--all", "--db", db, "--with-photos", "--out", file)
	if !strings.Contains(out, photos) || !strings.Contains(out, ": 1") {
		t.Errorf("export printed %q", out)
	}
	if _, err := os.Stat(agreed.Local(photos)); err != nil {
		t.Errorf("the photo of the client who agreed is not there: %v", err)
	}
	if _, err := os.Stat(not.Local(photos)); !os.IsNotExist(err) {
		t.Errorf("the photo of the client who did not agree left: %v", err)
	}

	fresh := filepath.Join(dir, "fresh", "salon.db")
	if err := os.MkdirAll(filepath.Dir(fresh), 0o700); err != nil {
		t.Fatal(err)
	}
	out = runOK(t, "import", "--db", fresh, file)
	if !strings.Contains(out, photos) {
		t.Errorf("import printed %q", out)
	}
	kept := filepath.Join(filepath.Dir(fresh), "photos")
	if _, err := os.Stat(agreed.Local(kept)); err != nil {
		t.Errorf("the imported photo is not in the new photos folder: %v", err)
	}
	if _, err := os.Stat(not.Local(kept)); !os.IsNotExist(err) {
		t.Errorf("a photo never exported is there: %v", err)
	}
}
