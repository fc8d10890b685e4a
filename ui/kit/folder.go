package kit

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"companion/model/i18n"
)

// OpenURL opens a link with the system's own program; tests replace it to
// see what would open.
var OpenURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }

// FolderURL is the file:// link of a folder, as the system's file manager
// takes it on every system (file:///C:/Users/… on Windows).
func FolderURL(dir string) *url.URL {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}

// OpenFolder shows the folder in the system's file manager, off the UI
// goroutine (the opener may wait), and says so over w when it cannot.
func OpenFolder(w fyne.Window, dir string) {
	Background(func() {
		if err := OpenURL(FolderURL(dir)); err != nil {
			ShowError(err, w)
		}
	})
}

// FolderRow is a folder's path, wrapped, with the button that opens it.
func FolderRow(w fyne.Window, dir string) fyne.CanvasObject {
	path := widget.NewLabel(dir)
	path.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(i18n.T("dist.folder.open"), theme.FolderOpenIcon(), func() { OpenFolder(w, dir) })
	return container.NewVBox(path, container.NewHBox(open))
}
