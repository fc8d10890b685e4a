package model

import (
	"fmt"
	"testing"
)

// TestAllowedMatrix checks every role × area × action against the rules as
// the specification states them, written out here on their own so that a
// slip in the access map shows.
func TestAllowedMatrix(t *testing.T) {
	const (
		none = ""
		r    = "r"
		rwd  = "rwd"
	)
	want := map[Role]map[Area]string{
		RoleOwner: {
			AreaClients: rwd, AreaHealth: rwd, AreaStaff: rwd, AreaPayroll: rwd, AreaHiring: rwd,
			AreaSettings: rwd, AreaAudit: rwd, AreaBackups: rwd, AreaPermissions: rwd,
		},
		RoleManager: { // clients and their health; never payroll or assessments
			AreaClients: rwd, AreaHealth: rwd, AreaStaff: r, AreaPayroll: none, AreaHiring: none,
			AreaSettings: r, AreaAudit: none, AreaBackups: none, AreaPermissions: none,
		},
		RoleInterviewer: { // candidates and assessments; nothing of clients or payroll
			AreaClients: none, AreaHealth: none, AreaStaff: r, AreaPayroll: none, AreaHiring: rwd,
			AreaSettings: none, AreaAudit: none, AreaBackups: none, AreaPermissions: none,
		},
	}
	letter := map[Action]string{Read: "r", Write: "w", Delete: "d"}
	cases := 0
	for _, role := range Roles {
		for _, area := range Areas {
			rule, ok := want[role][area]
			if !ok {
				t.Errorf("no expectation for %s in %s: add it to this table", role, area)
				continue
			}
			for _, act := range Actions {
				t.Run(fmt.Sprintf("%s/%s/%s", role, area, act), func(t *testing.T) {
					cases++
					expect := containsRune(rule, letter[act])
					if got := Allowed(role, area, act); got != expect {
						t.Errorf("Allowed(%s, %s, %s) = %v, want %v", role, area, act, got, expect)
					}
				})
			}
		}
	}
	if cases != len(Roles)*9*3 {
		t.Errorf("checked %d cases; a role, area or action is missing from the lists", cases)
	}
	if Allowed("", AreaClients, Read) || Allowed("guest", AreaClients, Read) {
		t.Error("an unknown role is allowed")
	}
}

func containsRune(s, r string) bool {
	for _, c := range s {
		if string(c) == r {
			return true
		}
	}
	return false
}

func TestAreasListsEveryArea(t *testing.T) {
	seen := map[Area]bool{}
	for _, a := range Areas {
		if seen[a] {
			t.Errorf("%s twice", a)
		}
		seen[a] = true
	}
	if len(Areas) != 9 || len(Actions) != 3 || len(Roles) != 3 {
		t.Errorf("%d areas, %d actions, %d roles", len(Areas), len(Actions), len(Roles))
	}
}
