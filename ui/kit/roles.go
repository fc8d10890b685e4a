package kit

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"companion/model"
	"companion/model/i18n"
)

// PINStore is what the sign-in and the owner's PIN settings need.
type PINStore interface {
	AccessMode(ctx context.Context) (string, error)
	SetSingleUser(ctx context.Context) error
	SetPIN(ctx context.Context, role model.Role, pin string) error
	RemovePIN(ctx context.Context, role model.Role) error
	HasPIN(ctx context.Context, role model.Role) (bool, error)
	// NewRecoveryCode issues the owner a new one-time code for a forgotten
	// PIN, shown once; ResetOwnerPIN spends it on a new owner's PIN and
	// hands back the code that replaces it.
	NewRecoveryCode(ctx context.Context) (string, error)
	ResetOwnerPIN(ctx context.Context, code, pin string) (string, error)
}

// RolesWithPIN are the roles that can sign in, in the order of model.Roles.
func RolesWithPIN(ctx context.Context, s PINStore) ([]model.Role, error) {
	var roles []model.Role
	for _, r := range model.Roles {
		has, err := s.HasPIN(ctx, r)
		if err != nil {
			return nil, err
		}
		if has {
			roles = append(roles, r)
		}
	}
	return roles, nil
}

// Wrapped is a label whose text wraps at word boundaries.
func Wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// roleOf finds the role whose name is label.
func RoleOf(roles []model.Role, label string) model.Role {
	for _, r := range roles {
		if i18n.T("role."+string(r)) == label {
			return r
		}
	}
	return model.RoleOwner
}

// RoleStore says which role a store acts for; the window shows that role's
// tabs only, and the store refuses the rest on its own.
type RoleStore interface {
	Role() model.Role
}
