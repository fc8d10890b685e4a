package kit

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
)

// PrefLastFolder is the preference that keeps the folder a file was last
// chosen in; the file choosers open there next time. It is Fyne's own key,
// so that its chooser and ours agree.
const PrefLastFolder = "fyne:fileDialogLastFolder"

// AskOpenPath asks for a file to read, of the given extensions, and hands
// its path to then; nothing happens when the person cancels. The person
// may pick the file or type its name, an absolute path or a path from ~.
func AskOpenPath(w fyne.Window, exts []string, then func(path string)) {
	askPath(w, false, "", exts, then)
}

// AskSavePath asks where to write a file, suggesting name, and hands the
// path to then, which writes it whole (atomicfile). The chooser itself
// never creates or empties the file: an export that fails leaves the old
// file as it was. Nothing happens when the person cancels.
func AskSavePath(w fyne.Window, name string, then func(path string)) {
	askPath(w, true, name, nil, then)
}

// askPath shows Fyne's chooser in its save form (it has a line to type
// on) and takes over its confirm button: Fyne's own would open the file
// through storage.Writer, which empties it, and would take a typed path
// as a name inside the folder shown.
func askPath(w fyne.Window, save bool, name string, exts []string, then func(path string)) {
	d := dialog.NewFileSave(func(fyne.URIWriteCloser, error) {}, w)
	confirm := lang.L("Open")
	d.SetTitleText(i18n.T("files.open.title"))
	if save {
		confirm = lang.L("Save")
		d.SetTitleText(i18n.T("files.save.title"))
	}
	d.SetConfirmText(confirm)
	d.SetFileName(name)
	var filter storage.FileFilter
	if len(exts) > 0 {
		filter = storage.NewExtensionFileFilter(exts)
	}
	d.SetFilter(filter)
	if start := startFolder(); start != nil {
		d.SetLocation(start)
	}
	d.Resize(fyne.NewSize(760, 480))
	TrackDialog(w, d)
	d.Show()
	entry, button := chooserParts(w.Canvas().Overlays().Top(), confirm)
	if entry == nil || button == nil {
		return // not Fyne's chooser: a native one, nothing to take over
	}
	c := &chooser{w: w, d: d, entry: entry, save: save, name: name, then: then}
	button.OnTapped = c.confirm
	d.SetFilter(filter) // the file rows take the new button: a double click confirms through it too
}

// chooser is one file chooser shown, with what its confirm button does.
type chooser struct {
	w     fyne.Window
	d     *dialog.FileDialog
	entry *widget.Entry
	save  bool
	name  string
	then  func(path string)
}

// confirm takes what the line holds: a folder opens in the chooser; a file
// to save is asked about before it is replaced; a file to open must exist.
func (c *chooser) confirm() {
	path := ResolvePath(c.entry.Text, currentFolder())
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		if l, err := storage.ListerForURI(storage.NewFileURI(path)); err == nil {
			c.d.SetLocation(l)
			c.entry.SetText(c.name)
		}
	case !c.save && err != nil:
		ShowError(&model.FieldError{Key: "files.err.no_file", Args: map[string]any{"Path": path}}, c.w)
	case c.save && !isDir(filepath.Dir(path)):
		ShowError(&model.FieldError{Key: "files.err.no_folder", Args: map[string]any{"Path": filepath.Dir(path)}}, c.w)
	case c.save && err == nil:
		AskBeforeLoss(c.w, i18n.T("files.replace.title"), i18n.T("files.replace", map[string]any{"Path": path}),
			i18n.T("files.replace.keep"), i18n.T("files.replace.ok"), func() { c.done(path) }, nil)
	default:
		c.done(path)
	}
}

// done closes the chooser, remembers the folder and hands the path on.
func (c *chooser) done(path string) {
	fyne.CurrentApp().Preferences().SetString(PrefLastFolder, storage.NewFileURI(filepath.Dir(path)).String())
	c.d.Hide()
	c.then(path)
}

// ResolvePath is the file a person means by what they typed in a chooser
// showing folder dir: an absolute path as it is, ~ for the home folder,
// anything else inside dir.
func ResolvePath(typed, dir string) string {
	typed = strings.TrimSpace(typed)
	if typed == "~" || strings.HasPrefix(typed, "~/") || strings.HasPrefix(typed, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			typed = filepath.Join(home, typed[1:])
		}
	}
	if !filepath.IsAbs(typed) {
		typed = filepath.Join(dir, typed)
	}
	return filepath.Clean(typed)
}

// startFolder is where a chooser opens when no file was chosen before:
// Documents, else the home folder. It is nil when the last folder is still
// there (Fyne opens it itself).
func startFolder() fyne.ListableURI {
	if last := lastFolder(); last != "" && isDir(last) {
		return nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	for _, dir := range []string{filepath.Join(home, "Documents"), filepath.Join(home, "Документы"), home} {
		if isDir(dir) {
			if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
				return l
			}
		}
	}
	return nil
}

// currentFolder is the folder the chooser shows: Fyne keeps it in
// PrefLastFolder as the person moves.
func currentFolder() string {
	if last := lastFolder(); last != "" {
		return last
	}
	home, _ := os.UserHomeDir()
	return home
}

// lastFolder is the path kept in PrefLastFolder, or "".
func lastFolder() string {
	u, err := storage.ParseURI(fyne.CurrentApp().Preferences().String(PrefLastFolder))
	if err != nil || u.Scheme() != "file" {
		return ""
	}
	return u.Path()
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// chooserParts finds the line to type on and the confirm button in Fyne's
// file chooser shown as root.
func chooserParts(root fyne.CanvasObject, confirm string) (entry *widget.Entry, button *widget.Button) {
	eachPart(root, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			if entry == nil {
				entry = x
			}
		case *widget.Button:
			if x.Text == confirm {
				button = x
			}
		}
	})
	return entry, button
}

// eachPart calls f for o and what it holds, through containers, scrolls,
// splits and pop-ups.
func eachPart(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			eachPart(c, f)
		}
	case *widget.PopUp:
		eachPart(x.Content, f)
	case *container.Scroll:
		eachPart(x.Content, f)
	case *container.Split:
		eachPart(x.Leading, f)
		eachPart(x.Trailing, f)
	}
}
