package clients_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"companion/model"
	"companion/ui/uitest"
)

// writeImage writes a w×h picture, JPEG or PNG by the name's extension,
// into dir.
func writeImage(t *testing.T, dir, name string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 128, A: 255})
		}
	}
	var buf bytes.Buffer
	var err error
	if filepath.Ext(name) == ".png" {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, nil)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// A photo is added to the measurement chosen, from a file through the
// chooser, with a caption; it shows with its day beside the later one;
// deleting one, after the question, removes it and its file.
func TestAPhotoIsAddedFromAFileShownWithItsDayAndDeleted(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // where a server's photos go
	today := model.DateOf(uitest.Now)
	tab, c := measuredClient(t, today.AddDays(-30),
		model.Assessment{On: today.AddDays(-14), WeightKg: 80}, model.Assessment{On: today, WeightKg: 76})
	w, s := tab.w, tab.s
	ctx := context.Background()
	dir := t.TempDir()
	writeImage(t, dir, "до.jpg", 2400, 1200)
	writeImage(t, dir, "после.png", 120, 90)
	uitest.FileChoosersOpenIn(dir)
	uitest.TapTab(t, w, "Фото")
	if !uitest.Shows(w, "Фото ещё нет") {
		t.Fatalf("the photos page shows %q", uitest.Texts(w))
	}

	uitest.TapCell(t, w, "80")
	uitest.Tap(t, w, "Добавить фото")
	uitest.ChooseFile(t, w, "до.jpg")
	if !uitest.DialogShows(w, "Фото к замеру от 13.11.2026") {
		t.Fatalf("the photo's form is %q", uitest.DialogTexts(w))
	}
	uitest.Type(t, w, "Подпись", "анфас")
	uitest.Tap(t, w, "Сохранить")
	uitest.Settle()
	stored, _ := s.Photos(ctx, c.ID)
	if len(stored) != 1 || stored[0].Caption != "анфас" || stored[0].On != today.AddDays(-14) || stored[0].Width != 1600 {
		t.Fatalf("stored %+v", stored)
	}
	if !uitest.Shows(w, "13.11.2026 — анфас") || drawn(w) != 1 {
		t.Fatalf("the photo is not shown with its day: %d drawn, %q", drawn(w), uitest.Texts(w))
	}

	uitest.TapCell(t, w, "76")
	uitest.Tap(t, w, "Добавить фото")
	uitest.ChooseFile(t, w, "после.png")
	uitest.Type(t, w, "Подпись", "профиль")
	uitest.Tap(t, w, "Сохранить")
	uitest.Settle()
	if !uitest.Shows(w, "13.11.2026 — анфас") || !uitest.Shows(w, "27.11.2026 — профиль") || drawn(w) != 2 {
		t.Fatalf("before and after are not side by side: %d drawn, %q", drawn(w), uitest.Texts(w))
	}

	stored, _ = s.Photos(ctx, c.ID)
	dataDir, _ := s.PhotosDir()
	file := stored[1].Local(dataDir)
	uitest.Tap(t, w, "Удалить фото") // the later one, on the right
	if !uitest.DialogShows(w, "Удалить фото от 27.11.2026?") {
		t.Fatalf("the deletion asks %q", uitest.DialogTexts(w))
	}
	uitest.Tap(t, w, "Удалить фото")
	uitest.Settle()
	if left, _ := s.Photos(ctx, c.ID); len(left) != 1 || left[0].Caption != "анфас" {
		t.Fatalf("left after the deletion: %+v", left)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("the deleted photo's file stays: %v", err)
	}
	if uitest.Shows(w, "27.11.2026 — профиль") || !uitest.Shows(w, "13.11.2026 — анфас") || drawn(w) != 1 {
		t.Errorf("after the deletion: %d drawn, %q", drawn(w), uitest.Texts(w))
	}
}

// drawn counts the photos drawn in w: the images that are not icons.
func drawn(w fyne.Window) int {
	n := 0
	for _, img := range uitest.Shown[*canvas.Image](w) {
		if img.Image != nil && img.Image.Bounds().Dx() >= 100 {
			n++
		}
	}
	return n
}

// A file that is no photo is refused under the file's name, and nothing is
// kept; a photo whose file was removed from the disk says so in its place.
func TestAFileThatIsNoPhotoIsRefusedAndAMissingOneSaidSo(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	today := model.DateOf(uitest.Now)
	tab, c := measuredClient(t, today.AddDays(-30), model.Assessment{On: today, WeightKg: 80})
	w, s := tab.w, tab.s
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "скан.jpg"), []byte("%PDF-1.4"), 0o600); err != nil {
		t.Fatal(err)
	}
	writeImage(t, dir, "спина.jpg", 200, 300)
	uitest.FileChoosersOpenIn(dir)
	uitest.TapTab(t, w, "Фото")
	uitest.Tap(t, w, "Добавить фото")
	uitest.ChooseFile(t, w, "скан.jpg")
	uitest.Tap(t, w, "Сохранить")
	uitest.Settle()
	if msg := uitest.Message(t, w, "Файл"); msg != "Это не фото: выберите файл JPEG или PNG." {
		t.Errorf("a PDF named .jpg: %q", msg)
	}
	if stored, _ := s.Photos(context.Background(), c.ID); len(stored) != 0 {
		t.Fatalf("stored %+v", stored)
	}
	uitest.Tap(t, w, "Отмена")
	if uitest.Dialogs(w) != 0 {
		t.Fatalf("the form stays after Cancel: %q", uitest.DialogTexts(w))
	}

	uitest.Tap(t, w, "Добавить фото")
	uitest.ChooseFile(t, w, "спина.jpg")
	uitest.Tap(t, w, "Сохранить")
	uitest.Settle()
	stored, _ := s.Photos(context.Background(), c.ID)
	photos, _ := s.PhotosDir()
	if len(stored) != 1 || os.Remove(stored[0].Local(photos)) != nil {
		t.Fatalf("stored %+v", stored)
	}
	tab2 := openClientsOver(t, s, s)
	uitest.TapRow(t, tab2.w, "Волкова Ирина")
	uitest.TapTab(t, tab2.w, "Замеры")
	uitest.TapTab(t, tab2.w, "Фото")
	uitest.Settle()
	if !uitest.Shows(tab2.w, "Файла этого фото нет") || drawn(tab2.w) != 0 {
		t.Errorf("a photo without its file: %q", uitest.Texts(tab2.w))
	}
}
