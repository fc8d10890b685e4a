package reports

import (
	"io"

	"companion/model/atomicfile"
)

// WriteFileAtomic writes a report whole or not at all (see atomicfile.Write).
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, write)
}
