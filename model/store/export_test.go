package store

import "gorm.io/gorm"

// DB gives the tests and the benchmarks of this package the connection
// underneath, past the role checks. Only tests have it.
func (s *Store) DB() *gorm.DB { return s.db }
