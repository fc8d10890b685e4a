package i18n

import (
	"strconv"

	"companion/model"
)

// AboutLines are the lines of Help → About and of `companion --version`,
// each a label and its value in the language in use: the two say the same.
func AboutLines(a model.About) [][2]string {
	db := T("dist.about.database")
	if a.OnServer {
		db = T("dist.about.server")
	}
	return [][2]string{
		{T("dist.about.version"), a.Version},
		{db, a.Database},
		{T("dist.about.schema"), strconv.Itoa(a.Schema)},
		{T("dist.about.folder"), a.DataDir},
	}
}

// UpgradeText tells the person once that a newer program brought the
// database to its schema, and where the copy of it as it was is kept.
func UpgradeText(u model.SchemaUpgrade) string {
	args := map[string]any{"From": u.From, "To": u.To, "Backup": u.Backup}
	if u.Backup == "" {
		return T("dist.upgrade.text_server", args)
	}
	return T("dist.upgrade.text", args)
}
