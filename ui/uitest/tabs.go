package uitest

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// windowTabs are the outermost tabs in w: the window's own, not the pages
// of a profile inside one of them; nil when w has none.
func windowTabs(w fyne.Window) *container.AppTabs {
	var found *container.AppTabs
	eachShown(w.Canvas().Content(), nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok && found == nil {
			found = tabs
		}
	})
	return found
}

// TabTitles are the titles of the window's own tabs in w, in order; nil
// when w has no tabs.
func TabTitles(w fyne.Window) []string {
	var titles []string
	asUI(func() {
		if tabs := windowTabs(w); tabs != nil {
			for _, it := range tabs.Items {
				titles = append(titles, it.Text)
			}
		}
	})
	return titles
}

// SelectedTab is the title of the window's own tab that shows in w, or ""
// when none does.
func SelectedTab(w fyne.Window) string {
	if tabs := windowTabs(w); tabs != nil && tabs.Selected() != nil {
		return tabs.Selected().Text
	}
	return ""
}

// SelectedPages are the titles of the selected tab of every set of tabs
// that shows in w, outermost first: the window's tab, then the page of the
// profile inside it.
func SelectedPages(w fyne.Window) []string {
	var out []string
	eachShown(w.Canvas().Content(), nil, func(o fyne.CanvasObject, _ []fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok && tabs.Selected() != nil {
			out = append(out, tabs.Selected().Text)
		}
	})
	return out
}
