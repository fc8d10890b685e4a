package settings

import (
	"net"
	"net/url"
	"strconv"
	"strings"

	"companion/model"
)

// DefaultServerPort is PostgreSQL's own port.
const DefaultServerPort = "5432"

// ServerFields are the parts of a PostgreSQL server's address as the
// owner types them in Settings; Query keeps what the form does not show
// (such as sslmode=disable) from an address saved before.
type ServerFields struct {
	Host, Port, Database, User, Password string
	Query                                string
}

// Validate says which field is missing or wrong, each in a sentence.
func (f ServerFields) Validate() model.ValidationErrors {
	var errs model.ValidationErrors
	need := func(field, value, key string) {
		if strings.TrimSpace(value) == "" {
			errs = append(errs, &model.FieldError{Field: field, Key: key})
		}
	}
	need("host", f.Host, "database.err.host_required")
	if n, err := strconv.Atoi(strings.TrimSpace(f.Port)); err != nil || n < 1 || n > 65535 {
		errs = append(errs, &model.FieldError{Field: "port", Key: "database.err.port"})
	}
	need("database", f.Database, "database.err.database_required")
	need("user", f.User, "database.err.user_required")
	return errs
}

// URL is the postgres:// address of the fields, user and password escaped.
func (f ServerFields) URL() string {
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(strings.TrimSpace(f.Host), strings.TrimSpace(f.Port)),
		Path: "/" + strings.TrimSpace(f.Database), RawQuery: f.Query}
	if f.Password != "" {
		u.User = url.UserPassword(strings.TrimSpace(f.User), f.Password)
	} else {
		u.User = url.User(strings.TrimSpace(f.User))
	}
	return u.String()
}

// ParseServerAddress reads a postgres:// address back into its fields;
// ok is false for a file or another kind of address. A missing port is
// PostgreSQL's own.
func ParseServerAddress(addr string) (f ServerFields, ok bool) {
	if !model.IsPostgres(addr) {
		return f, false
	}
	u, err := url.Parse(addr)
	if err != nil {
		return f, false
	}
	f.Host, f.Port = u.Hostname(), u.Port()
	if f.Port == "" {
		f.Port = DefaultServerPort
	}
	f.Database = strings.TrimPrefix(u.Path, "/")
	if u.User != nil {
		f.User = u.User.Username()
		f.Password, _ = u.User.Password()
	}
	f.Query = u.RawQuery
	return f, true
}
