package model

import "fmt"

// Role is who works in the program: the owner sees everything; the support
// manager works with clients; the interviewer hires.
type Role string

// The roles.
const (
	RoleOwner       Role = "owner"
	RoleManager     Role = "manager"
	RoleInterviewer Role = "interviewer"
)

// Roles lists the roles in the order the sign-in shows them.
var Roles = []Role{RoleOwner, RoleManager, RoleInterviewer}

// Area is a part of the salon's data with its own rules of access.
type Area string

// The areas of the data.
const (
	AreaClients     Area = "clients"     // profiles, visits, cards, contacts
	AreaHealth      Area = "health"      // health notes and physical assessments
	AreaStaff       Area = "staff"       // staff and blocks
	AreaPayroll     Area = "payroll"     // pay schemes, periods, payslips
	AreaHiring      Area = "hiring"      // candidates and assessment forms
	AreaSettings    Area = "settings"    // card types, checklists, the salon's lists
	AreaAudit       Area = "audit"       // the audit log
	AreaBackups     Area = "backups"     // backups, restore, full export and import
	AreaPermissions Area = "permissions" // PINs and roles
)

// Areas lists every area, so the rules can be checked one by one.
var Areas = []Area{AreaClients, AreaHealth, AreaStaff, AreaPayroll, AreaHiring, AreaSettings,
	AreaAudit, AreaBackups, AreaPermissions}

// Action is what a role does to an area.
type Action string

// The actions.
const (
	Read   Action = "read"
	Write  Action = "write"
	Delete Action = "delete"
)

// Actions lists every action.
var Actions = []Action{Read, Write, Delete}

// access says what each role may do; the owner may do everything.
var access = map[Role]map[Area][]Action{
	RoleManager: {
		AreaClients:  {Read, Write, Delete},
		AreaHealth:   {Read, Write, Delete},
		AreaStaff:    {Read},
		AreaSettings: {Read},
	},
	RoleInterviewer: {
		AreaHiring: {Read, Write, Delete},
		AreaStaff:  {Read},
	},
}

// Allowed reports whether role may do act in area.
func Allowed(role Role, area Area, act Action) bool {
	if role == RoleOwner {
		return true
	}
	for _, a := range access[role][area] {
		if a == act {
			return true
		}
	}
	return false
}

// ErrForbidden says the role signed in may not do this.
type ErrForbidden struct {
	Role   Role
	Area   Area
	Action Action
}

func (e *ErrForbidden) Error() string {
	return fmt.Sprintf("%s may not %s %s", e.Role, e.Action, e.Area)
}
