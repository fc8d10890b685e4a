package demo

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"

	"github.com/google/uuid"
)

// operators are the codes of Russian mobile networks after +7.
var operators = []string{"903", "905", "906", "909", "910", "911", "912", "913", "915", "916", "917",
	"918", "919", "920", "921", "925", "926", "929", "931", "950", "951", "952", "953", "960", "961",
	"962", "963", "964", "965", "966", "967", "968", "977", "980", "981", "985", "991", "999"}

// uniquePhone makes up a Russian mobile number, in E.164, not in seen.
func uniquePhone(r *rand.Rand, seen map[string]bool) string {
	for {
		p := fmt.Sprintf("+7%s%07d", operators[r.IntN(len(operators))], r.IntN(10_000_000))
		if !seen[p] {
			seen[p] = true
			return p
		}
	}
}

// newUUID draws a version 4 UUID from r, so the same seed gives the same IDs.
func newUUID(r *rand.Rand) string {
	var u uuid.UUID
	binary.LittleEndian.PutUint64(u[:8], r.Uint64())
	binary.LittleEndian.PutUint64(u[8:], r.Uint64())
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u.String()
}

// weighted picks an index with the given relative weights.
func weighted(r *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }
