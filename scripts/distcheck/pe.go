package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// The resource types the Windows program must carry.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// subsystemGUI is IMAGE_SUBSYSTEM_WINDOWS_GUI: Windows opens no console
// window for the program.
const subsystemGUI = 2

// exe is what the check reads of a Windows program.
type exe struct {
	amd64, pe32plus bool
	subsystem       uint16
	resources       map[uint32][][]byte // the data of each resource, by type
}

// readExe reads the headers and the resources of a PE file.
func readExe(path string) (*exe, error) {
	f, err := pe.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	x := &exe{amd64: f.Machine == pe.IMAGE_FILE_MACHINE_AMD64, resources: map[uint32][][]byte{}}
	if oh, ok := f.OptionalHeader.(*pe.OptionalHeader64); ok {
		x.pe32plus, x.subsystem = true, oh.Subsystem
	}
	s := f.Section(".rsrc")
	if s == nil {
		return x, nil
	}
	data, err := s.Data()
	if err != nil {
		return nil, err
	}
	r := rsrc{data: data, base: s.VirtualAddress}
	types, err := r.entries(0)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		if !t.dir {
			continue
		}
		if x.resources[t.id], err = r.leaves(t.offset, 0); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// rsrc is a .rsrc section: a tree of directories (type, name, language)
// whose leaves point at the data by virtual address.
type rsrc struct {
	data []byte
	base uint32
}

type rsrcEntry struct {
	id     uint32
	dir    bool
	offset uint32
}

var errShort = errors.New("resource section cut short")

// entries lists the entries of the directory at off.
func (r rsrc) entries(off uint32) ([]rsrcEntry, error) {
	if int(off)+16 > len(r.data) {
		return nil, errShort
	}
	n := int(binary.LittleEndian.Uint16(r.data[off+12:])) + int(binary.LittleEndian.Uint16(r.data[off+14:]))
	out := make([]rsrcEntry, 0, n)
	for i := 0; i < n; i++ {
		at := int(off) + 16 + 8*i
		if at+8 > len(r.data) {
			return nil, errShort
		}
		name, to := binary.LittleEndian.Uint32(r.data[at:]), binary.LittleEndian.Uint32(r.data[at+4:])
		out = append(out, rsrcEntry{id: name, dir: to&0x80000000 != 0, offset: to &^ 0x80000000})
	}
	return out, nil
}

// leaves gathers the data of every leaf under the directory at off.
func (r rsrc) leaves(off uint32, depth int) ([][]byte, error) {
	if depth > 3 {
		return nil, fmt.Errorf("resource tree deeper than 3")
	}
	es, err := r.entries(off)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, e := range es {
		if e.dir {
			more, err := r.leaves(e.offset, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, more...)
			continue
		}
		if int(e.offset)+8 > len(r.data) {
			return nil, errShort
		}
		rva, size := binary.LittleEndian.Uint32(r.data[e.offset:]), binary.LittleEndian.Uint32(r.data[e.offset+4:])
		start := int(rva) - int(r.base)
		if start < 0 || start+int(size) > len(r.data) {
			return nil, errShort
		}
		out = append(out, r.data[start:start+int(size)])
	}
	return out, nil
}

// versionStrings reads a VS_VERSIONINFO resource as its UTF-16 text, for
// looking up the product name and version in it.
func versionText(data []byte) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(data[2*i:])
	}
	return string(utf16.Decode(u))
}

// isPNG reports whether an icon's image is PNG-encoded, as fyne package
// writes it.
func isPNG(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) }
