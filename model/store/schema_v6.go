package store

// schemaV6 gives the staff directory and the catalogue the fields the
// manager edits.
var schemaV6 = []string{}
