package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"companion/model"
)

// openPhotoTest is openTest with the data folder in the test's folder: a
// database on a server keeps its photos there.
func openPhotoTest(t *testing.T) *Store {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	return openTest(t)
}

// photoClient adds a client with the given consents and one assessment of
// theirs on day, and returns both.
func photoClient(t *testing.T, s *Store, name string, pd bool, day model.Date) (model.Client, model.Assessment) {
	t.Helper()
	c := model.Client{LastName: name, FirstName: "Анна", HealthConsentAt: day.AddDays(-1)}
	if pd {
		c.PDConsentAt = day.AddDays(-1)
	}
	c = mustCreate(t, s, c)
	a := model.Assessment{ClientID: c.ID, On: day, WeightKg: 70}
	if err := s.AddAssessment(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	return c, a
}

// quadrantJPEG is a w×h JPEG, blue with its top-left quarter red, with an
// EXIF block giving orientation (0: none).
func quadrantJPEG(t *testing.T, w, h, orientation int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{B: 255, A: 255}
			if x < w/2 && y < h/2 {
				c = color.RGBA{R: 255, A: 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if orientation == 0 {
		return data
	}
	return append(append(append([]byte{}, data[:2]...), exifSegment(binary.BigEndian, orientation)...), data[2:]...)
}

// exifSegment is a JPEG APP1 segment with an EXIF block holding only the
// orientation tag, in the byte order given.
func exifSegment(order binary.AppendByteOrder, orientation int) []byte {
	tiff := []byte("MM\x00\x2a")
	if order.String() == binary.LittleEndian.String() {
		tiff = []byte("II\x2a\x00")
	}
	tiff = order.AppendUint32(tiff, 8)
	tiff = order.AppendUint16(tiff, 1)      // one entry
	tiff = order.AppendUint16(tiff, 0x0112) // orientation
	tiff = order.AppendUint16(tiff, 3)      // SHORT
	tiff = order.AppendUint32(tiff, 1)      // one value
	tiff = append(order.AppendUint16(tiff, uint16(orientation)), 0, 0)
	tiff = order.AppendUint32(tiff, 0) // no next directory
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	return append(seg, payload...)
}

func addPhoto(t *testing.T, s *Store, a model.Assessment, caption string, data []byte) model.Photo {
	t.Helper()
	p := model.Photo{AssessmentID: a.ID, Caption: caption}
	if err := s.AddPhoto(context.Background(), &p, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	return p
}

func photoFile(t *testing.T, s *Store, p model.Photo) string {
	t.Helper()
	dir, err := s.PhotosDir()
	if err != nil {
		t.Fatal(err)
	}
	return p.Local(dir)
}

func redAt(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r>>8 > 200 && g>>8 < 60 && b>>8 < 60
}

func blueAt(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return b>>8 > 200 && r>>8 < 60 && g>>8 < 60
}

// A large photo from a phone held upright (stored sideways with EXIF
// orientation 6) is kept scaled down and upright: its longest side 1600
// pixels, taller than wide, and the red corner where the person saw it.
func TestALargeRotatedPhotoIsKeptUprightAndSmaller(t *testing.T) {
	s := openPhotoTest(t)
	ctx := context.Background()
	day := s.Today().AddDays(-3)
	c, a := photoClient(t, s, "Волкова", false, day)
	p := addPhoto(t, s, a, "  анфас ", quadrantJPEG(t, 3200, 2000, 6))
	if p.Width != 1000 || p.Height != 1600 || p.ClientID != c.ID || p.On != day || p.Caption != "анфас" {
		t.Fatalf("stored %+v", p)
	}
	dir, _ := s.PhotosDir()
	if s.d.postgres {
		if data, _ := DataDir(); dir != filepath.Join(data, "photos", serverDatabaseName(s.Path())) {
			t.Errorf("a server's photos are in %s", dir)
		}
	} else if dir != filepath.Join(filepath.Dir(s.Path()), "photos") {
		t.Errorf("the photos are in %s, not beside the database", dir)
	}
	if want := filepath.Join(dir, c.UUID, p.UUID+".jpg"); photoFile(t, s, p) != want {
		t.Errorf("the file is %s, not %s", photoFile(t, s, p), want)
	}
	data, err := s.ReadPhoto(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil || format != "jpeg" {
		t.Fatalf("the kept file is %s: %v", format, err)
	}
	if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 1600 {
		t.Fatalf("the kept image is %v", b)
	}
	if !redAt(img, 900, 100) || !blueAt(img, 100, 100) || !blueAt(img, 900, 1500) {
		t.Errorf("the photo is not upright: top right %v, top left %v, bottom right %v",
			img.At(900, 100), img.At(100, 100), img.At(900, 1500))
	}
	got, err := s.Photos(ctx, c.ID)
	if err != nil || len(got) != 1 || got[0].ID != p.ID || got[0].Caption != "анфас" || got[0].On != day {
		t.Fatalf("the client's photos: %+v, %v", got, err)
	}
	log, _ := s.AuditLog(ctx, 1, 0)
	if len(log) != 1 || log[0].Table != "assessment_photos" || log[0].Action != "create" || log[0].Client != "Волкова Анна" {
		t.Errorf("the photo is logged as %+v", log)
	}
}

// A small PNG is kept at its size; a file that is no image, a photo of an
// assessment gone, and a caption too long are refused, and nothing stays
// in the photos folder.
func TestAPhotoMustBeAnImageOfAnAssessment(t *testing.T) {
	s := openPhotoTest(t)
	ctx := context.Background()
	_, a := photoClient(t, s, "Орлова", false, s.Today())
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 300, 200))); err != nil {
		t.Fatal(err)
	}
	if p := addPhoto(t, s, a, "", buf.Bytes()); p.Width != 300 || p.Height != 200 {
		t.Errorf("a small PNG is kept at %d×%d", p.Width, p.Height)
	}
	bad := model.Photo{AssessmentID: a.ID}
	if err := s.AddPhoto(ctx, &bad, bytes.NewReader([]byte("%PDF-1.4 not a photo"))); !errors.Is(err, model.ErrPhotoNotImage) {
		t.Errorf("a PDF as a photo: %v", err)
	}
	gone := model.Photo{AssessmentID: a.ID + 100}
	if err := s.AddPhoto(ctx, &gone, bytes.NewReader(buf.Bytes())); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a photo of no assessment: %v", err)
	}
	long := model.Photo{AssessmentID: a.ID, Caption: string(bytes.Repeat([]byte("я"), 101))}
	if err := s.AddPhoto(ctx, &long, bytes.NewReader(buf.Bytes())); fieldKey(err, "caption") != "err.text.too_long" {
		t.Errorf("a caption of 101 letters: %v", err)
	}
	dir, _ := s.PhotosDir()
	if n := countFiles(t, dir); n != 1 {
		t.Errorf("%d files in the photos folder, not the one photo kept", n)
	}
	var fe *model.ErrForbidden
	if _, err := s.As(model.RoleInterviewer).Photos(ctx, a.ClientID); !errors.As(err, &fe) {
		t.Errorf("the interviewer saw the photos: %v", err)
	}
}

// countFiles counts the files under dir.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return n
}

// Deleting a photo removes its file and notes it; deleting an assessment
// removes its photos with their files; the other photos stay.
func TestDeletingAPhotoRemovesItsFile(t *testing.T) {
	s := openPhotoTest(t)
	ctx := context.Background()
	today := s.Today()
	c, before := photoClient(t, s, "Зуева", false, today.AddDays(-60))
	after := model.Assessment{ClientID: c.ID, On: today, WeightKg: 64}
	if err := s.AddAssessment(ctx, &after); err != nil {
		t.Fatal(err)
	}
	img := quadrantJPEG(t, 400, 300, 0)
	first, second := addPhoto(t, s, before, "до", img), addPhoto(t, s, after, "после", img)
	third := addPhoto(t, s, after, "профиль", img)
	if err := s.DeletePhoto(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(photoFile(t, s, second)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the deleted photo's file stays: %v", err)
	}
	if _, err := s.ReadPhoto(ctx, second.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the deleted photo reads: %v", err)
	}
	if err := s.DeletePhoto(ctx, second.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleted twice: %v", err)
	}
	log, _ := s.AuditLog(ctx, 1, 0)
	if len(log) != 1 || log[0].Action != "delete" || log[0].Table != "assessment_photos" || log[0].RecordID != second.ID {
		t.Errorf("the deletion is logged as %+v", log)
	}
	if err := s.DeleteAssessment(ctx, after.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(photoFile(t, s, third)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the photo of the deleted assessment stays: %v", err)
	}
	got, _ := s.Photos(ctx, c.ID)
	if len(got) != 1 || got[0].ID != first.ID {
		t.Fatalf("left: %+v", got)
	}
	if _, err := os.Stat(photoFile(t, s, first)); err != nil {
		t.Errorf("the photo kept lost its file: %v", err)
	}
	if err := os.Remove(photoFile(t, s, first)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReadPhoto(ctx, first.ID); !errors.Is(err, model.ErrPhotoMissing) {
		t.Errorf("a photo whose file was removed by hand: %v", err)
	}
	if err := s.DeletePhoto(ctx, first.ID); err != nil {
		t.Errorf("a photo whose file is gone cannot be deleted: %v", err)
	}
}

// Anonymising a client removes all their photos, rows and files, and
// their folder; another client's photos stay.
func TestAnonymisingRemovesEveryPhoto(t *testing.T) {
	s := openPhotoTest(t)
	ctx := context.Background()
	c, a := photoClient(t, s, "Иванова", true, s.Today())
	other, b := photoClient(t, s, "Петрова", true, s.Today())
	img := quadrantJPEG(t, 200, 200, 0)
	addPhoto(t, s, a, "до", img)
	addPhoto(t, s, a, "после", img)
	kept := addPhoto(t, s, b, "", img)
	stray := filepath.Join(filepath.Dir(photoFile(t, s, kept)), "..", c.UUID, "копия.jpg")
	if err := os.WriteFile(stray, img, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.AnonymizeClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Photos(ctx, c.ID); len(got) != 0 {
		t.Errorf("the anonymised client keeps %d photos", len(got))
	}
	dir, _ := s.PhotosDir()
	if _, err := os.Stat(filepath.Join(dir, c.UUID)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the anonymised client's photos folder stays: %v", err)
	}
	if got, _ := s.Photos(ctx, other.ID); len(got) != 1 || countFiles(t, dir) != 1 {
		t.Errorf("the other client's photos: %d rows, %d files", len(got), countFiles(t, dir))
	}
}

// A full export carries the photos' rows but no image; asked to carry the
// photos, it copies only those of clients who agreed to both personal and
// health data, and an import takes them back into its own photos folder.
func TestPhotosLeaveOnlyWithTheClientsConsent(t *testing.T) {
	s := openPhotoTest(t)
	ctx := context.Background()
	agreed, a := photoClient(t, s, "Согласна", true, s.Today())
	_, b := photoClient(t, s, "Безсогласия", false, s.Today())
	img := quadrantJPEG(t, 200, 200, 0)
	pa, pb := addPhoto(t, s, a, "", img), addPhoto(t, s, b, "", img)
	file := exportAll(t, s)
	if bytes.Contains(file, []byte("base64")) || !bytes.Contains(file, []byte(pb.File)) {
		t.Errorf("the full export does not carry the photos' rows alone")
	}
	out := model.PhotosFolderOf(filepath.Join(t.TempDir(), "salon.json"))
	sum, err := s.ExportPhotos(ctx, out)
	if err != nil || sum != (model.PhotoCopy{Copied: 1, Withheld: 1}) {
		t.Fatalf("the photos exported: %+v, %v", sum, err)
	}
	if countFiles(t, out) != 1 {
		t.Fatalf("%d files exported", countFiles(t, out))
	}
	if _, err := os.Stat(pb.Local(out)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the photo of a client without consent left: %v", err)
	}
	if got, _ := os.ReadFile(pa.Local(out)); !bytes.Equal(got, mustRead(t, photoFile(t, s, pa))) {
		t.Error("the exported photo is not the one kept")
	}
	if !agreed.PhotosMayLeave() {
		t.Error("a client who agreed to both may not take the photos")
	}

	dst := openTest(t)
	if _, err := dst.ImportAll(ctx, bytes.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	sum, err = dst.ImportPhotos(ctx, out)
	if err != nil || sum != (model.PhotoCopy{Copied: 1, Missing: 1}) {
		t.Fatalf("the photos imported: %+v, %v", sum, err)
	}
	if got, err := dst.ReadPhoto(ctx, pa.ID); err != nil || !bytes.Equal(got, mustRead(t, pa.Local(out))) {
		t.Errorf("the imported photo reads %d bytes, %v", len(got), err)
	}
	if _, err := dst.ReadPhoto(ctx, pb.ID); !errors.Is(err, model.ErrPhotoMissing) {
		t.Errorf("the photo not exported: %v", err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
