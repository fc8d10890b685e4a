package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"testing"
	"time"

	"companion/model"
	"companion/model/store/storetest"
)

// The orientation is read in either byte order, after other segments; a
// file without one, or with a broken one, stands as stored.
func TestTheEXIFOrientationIsRead(t *testing.T) {
	plain := quadrantJPEG(t, 16, 16, 0)
	withApp0 := func(seg []byte) []byte {
		app0 := []byte{0xFF, 0xE0, 0x00, 0x06, 'J', 'F', 'I', 'F'}
		return append(append(append(append([]byte{}, plain[:2]...), app0...), seg...), plain[2:]...)
	}
	for _, c := range []struct {
		name string
		data []byte
		want int
	}{
		{"Motorola", withApp0(exifSegment(binary.BigEndian, 6)), 6},
		{"Intel", withApp0(exifSegment(binary.LittleEndian, 8)), 8},
		{"none", plain, 1},
		{"out of range", withApp0(exifSegment(binary.BigEndian, 9)), 1},
		{"cut short", withApp0(exifSegment(binary.BigEndian, 6))[:30], 1},
		{"not a JPEG", []byte("\x89PNG\r\n"), 1},
	} {
		if got := exifOrientation(c.data); got != c.want {
			t.Errorf("%s: orientation %d, want %d", c.name, got, c.want)
		}
	}
}

// Each orientation puts the stored top-left pixel where the person saw
// it, and the turns undo each other.
func TestOrientationsTurnThePixels(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 3, 2))
	for y := 0; y < 2; y++ {
		for x := 0; x < 3; x++ {
			src.SetRGBA(x, y, color.RGBA{R: uint8(10 * (x + 1)), G: uint8(10 * (y + 1)), A: 255})
		}
	}
	corner := src.RGBAAt(0, 0)
	for o, at := range map[int]image.Point{1: {0, 0}, 2: {2, 0}, 3: {2, 1}, 4: {0, 1}, 5: {0, 0}, 6: {1, 0}, 7: {1, 2}, 8: {0, 2}} {
		got := orient(src, o)
		if got.RGBAAt(at.X, at.Y) != corner {
			t.Errorf("orientation %d: the stored top-left is not at %v", o, at)
		}
		if b := got.Bounds(); (o >= 5) != (b.Dx() == 2) {
			t.Errorf("orientation %d: %v", o, b)
		}
	}
	for _, pair := range [][2]int{{6, 8}, {8, 6}, {3, 3}, {2, 2}, {4, 4}, {5, 5}, {7, 7}} {
		if back := orient(orient(src, pair[0]), pair[1]); !bytes.Equal(back.Pix, src.Pix) {
			t.Errorf("orientation %d then %d does not bring the photo back", pair[0], pair[1])
		}
	}
}

// The longest side is brought to 1600 pixels, the proportions kept.
func TestPhotoSizeScalesDownOnly(t *testing.T) {
	for _, c := range [][4]int{{4000, 3000, 1600, 1200}, {3000, 4000, 1200, 1600}, {800, 600, 800, 600},
		{1600, 10, 1600, 10}, {16000, 5, 1600, 1}} {
		if w, h := model.PhotoSize(c[0], c[1]); w != c[2] || h != c[3] {
			t.Errorf("%d×%d is kept at %d×%d, want %d×%d", c[0], c[1], w, h, c[2], c[3])
		}
	}
}

// A database of schema 13 with an assessment, opened by this build, keeps
// it, and the assessment then takes photos.
func TestTheUpgradeToPhotosKeepsTheAssessments(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	where := testDatabase(t)
	clock := WithClock(func() time.Time { return fixedNow })
	restore := olderBuild(t)
	old, err := Open(where, clock)
	if err != nil {
		t.Fatal(err)
	}
	c := oldClient(t, old, "Зуева", "Нина")
	err = old.DB().Exec(`UPDATE clients SET health_consent_at = ? WHERE id = ?`, fixedNow.UTC(), c.ID).Error
	if err == nil {
		err = old.DB().Exec(`INSERT INTO assessments (client_id, day, weight_kg) VALUES (?, '2026-11-20', 71.5)`, c.ID).Error
	}
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	restore()

	s, err := Open(where, clock)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	as, err := s.Assessments(context.Background(), c.ID)
	if err != nil || len(as) != 1 || as[0].WeightKg != 71.5 {
		t.Fatalf("assessments after the upgrade: %+v, %v", as, err)
	}
	p := addPhoto(t, s, as[0], "", quadrantJPEG(t, 100, 100, 0))
	if p.On != model.NewDate(2026, 11, 20) {
		t.Errorf("the photo's day is %v", p.On)
	}
}

// Photos' rows cross between the backends like every other table, and a
// move to a server (migrate-to) takes their files along.
func TestPhotosCrossToTheServer(t *testing.T) {
	needServer(t)
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	ctx := context.Background()
	src := openOn(t, false)
	_, a := photoClient(t, src, "Волкова", true, src.Today())
	p := addPhoto(t, src, a, "анфас", quadrantJPEG(t, 300, 200, 6))
	first := exportAll(t, src)
	pg := openOn(t, true)
	if _, err := pg.ImportAll(ctx, bytes.NewReader(first)); err != nil {
		t.Fatal(err)
	}
	back := openOn(t, false)
	if _, err := back.ImportAll(ctx, bytes.NewReader(exportAll(t, pg))); err != nil {
		t.Fatal(err)
	}
	if again := exportAll(t, back); !bytes.Equal(first, again) {
		t.Fatalf("SQLite → PostgreSQL → SQLite differs:\n%s", firstDifference(first, again))
	}

	addr := storetest.ServerDatabase(t)
	if _, _, err := src.MigrateTo(ctx, addr); err != nil {
		t.Fatal(err)
	}
	dst, err := Open(addr, WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	got, err := dst.ReadPhoto(ctx, p.ID)
	if err != nil || !bytes.Equal(got, mustRead(t, photoFile(t, src, p))) {
		t.Errorf("the server's photo reads %d bytes, %v", len(got), err)
	}
}
