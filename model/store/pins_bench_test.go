package store

import "testing"

// BenchmarkPINHash is the cost of one sign-in's hash with the real parameters.
func BenchmarkPINHash(b *testing.B) {
	salt := make([]byte, pinSaltLen)
	for b.Loop() {
		pinParams.key("123456", salt)
	}
}
