package store

import (
	"strings"

	"gorm.io/gorm"
)

// dialect writes what SQLite and PostgreSQL spell differently, side by
// side, so that every query of the store is written once for both. Dates
// are ISO text ('2026-11-27') on both.
type dialect struct{ postgres bool }

var (
	sqliteSQL   = dialect{}
	postgresSQL = dialect{postgres: true}
)

// name is the engine's name as a person knows it.
func (d dialect) name() string {
	if d.postgres {
		return "PostgreSQL"
	}
	return "SQLite"
}

// days is the number of days from the ISO date b to the ISO date a.
func (d dialect) days(a, b string) string {
	if d.postgres {
		return "(CAST(" + a + " AS date) - CAST(" + b + " AS date))"
	}
	return "(julianday(" + a + ") - julianday(" + b + "))"
}

// addDays is the ISO date n days after the ISO date day.
func (d dialect) addDays(day, n string) string {
	if d.postgres {
		return "to_char(CAST(" + day + " AS date) + CAST(" + n + " AS integer), 'YYYY-MM-DD')"
	}
	return "date(" + day + ", '+' || (" + n + ") || ' days')"
}

// dayNumber is the ISO date day as days since 1970-01-01.
func (d dialect) dayNumber(day string) string {
	if d.postgres {
		return "(CAST(" + day + " AS date) - DATE '1970-01-01')"
	}
	return "CAST(julianday(" + day + ") - 2440587.5 AS INTEGER)"
}

// greatest and least are the larger and the smaller of their arguments.
func (d dialect) greatest(args ...string) string { return d.call("greatest", "max", args) }
func (d dialect) least(args ...string) string    { return d.call("least", "min", args) }

func (d dialect) call(pg, lite string, args []string) string {
	f := lite
	if d.postgres {
		f = pg
	}
	return f + "(" + strings.Join(args, ", ") + ")"
}

// indexedBy names the index SQLite must read a table through: its planner
// cannot know that a partial index holds few rows. PostgreSQL's knows
// from its statistics, and has no such clause.
func (d dialect) indexedBy(index string) string {
	if d.postgres {
		return ""
	}
	return " INDEXED BY " + index
}

// real makes the integer x a real number, so that dividing it divides
// exactly (SQLite's day counts are real already).
func (d dialect) real(x string) string {
	if d.postgres {
		return "CAST(" + x + " AS double precision)"
	}
	return x
}

// truncInt is the real x without its fraction, as an integer (SQLite's
// CAST truncates; PostgreSQL's rounds).
func (d dialect) truncInt(x string) string {
	if d.postgres {
		return "CAST(trunc(" + x + ") AS INTEGER)"
	}
	return "CAST(" + x + " AS INTEGER)"
}

// isFalse is true when the boolean column col is false, written as
// SQLite's partial indexes have it (col = 0).
func (d dialect) isFalse(col string) string {
	if d.postgres {
		return "NOT " + col
	}
	return col + " = 0"
}

// dialectOf is the dialect of the database db talks to.
func dialectOf(db *gorm.DB) dialect { return dialect{postgres: db.Dialector.Name() == "postgres"} }

// crossJoin is a join whose tables SQLite must read in the order written
// (CROSS JOIN); PostgreSQL chooses well, and its CROSS JOIN takes no ON.
func (d dialect) crossJoin() string {
	if d.postgres {
		return "JOIN"
	}
	return "CROSS JOIN"
}

// onlyDigits is true when the text col holds digits only (and something).
func (d dialect) onlyDigits(col string) string {
	if d.postgres {
		return col + " ~ '^[0-9]+$'"
	}
	return col + " <> '' AND " + col + " NOT GLOB '*[^0-9]*'"
}

// textsOf is a table of the texts of a JSON array, given as its one
// parameter, in the column value of alias: a list of any length as one
// parameter, where a parameter each would cost SQLite's driver more the
// longer the list (sqlite_rows.go). Read first (crossJoin), it looks each
// text up in an index.
func (d dialect) textsOf(alias string) string {
	if d.postgres {
		return "jsonb_array_elements_text(CAST(? AS jsonb)) AS " + alias + "(value)"
	}
	return "json_each(?) AS " + alias
}
