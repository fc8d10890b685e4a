package settings

import (
	"strings"

	"companion/model/i18n"
)

// auditFieldKeys name the columns the audit log records by the words of the
// forms they are edited on, table by table.
var auditFieldKeys = map[string]map[string]string{
	"clients": {
		"last_name": "client.last_name", "first_name": "client.first_name", "middle_name": "client.middle_name",
		"phone": "client.phone", "email": "client.email", "birth_date": "client.birth_date",
		"referrer_id": "client.referrer", "pd_consent_at": "client.pd_consent",
		"health_consent_at": "safety.field.health_consent_at", "marketing_consent": "client.marketing_consent",
		"marketing_consent_at": "client.marketing_consent", "tags": "client.tags", "notes": "client.notes",
		"health": "safety.field.health", "needs_stated": "client.needs_stated", "needs_observed": "client.needs_observed",
		"goals": "client.goals", "assessments": "profile.tab.assessments", "contacts": "profile.tab.contacts",
		"visits.notes": "safety.field.visit_notes", "cards.notes": "safety.field.card_notes",
	},
	"assessments": {
		"day": "assessment.on", "weight_kg": "assessment.weight", "height_cm": "assessment.height",
		"waist_cm": "assessment.waist", "hips_cm": "assessment.hips", "chest_cm": "assessment.chest",
		"body_fat_pct": "assessment.fat", "systolic": "assessment.systolic", "diastolic": "assessment.diastolic",
		"contraindications": "assessment.contraindications", "notes": "assessment.notes",
	},
	"visits": {
		"client_id": "safety.field.client", "day": "visit.on", "notes": "visit.notes", "lines": "safety.field.visit_lines",
	},
	"salon_settings": {"idle_lock_minutes": "session.idle"},
}

// auditField is a column's name as the person knows it, without its unit
// («Вес», not «Вес, кг»); a column without one shows as it is.
func auditField(table, column string) string {
	if key, ok := auditFieldKeys[table][column]; ok {
		name, _, _ := strings.Cut(i18n.T(key), ", ")
		return name
	}
	return column
}
