package clientio

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"companion/model"
)

// Encodings Parse recognises, as the import report names them.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF8BOM     = "UTF-8 BOM"
	EncodingUTF16       = "UTF-16"
	EncodingWindows1251 = "Windows-1251"
)

// MaxFileSize is the largest file Parse reads: far above any salon's list,
// low enough that a wrong file chosen by mistake is refused, not loaded.
const MaxFileSize = 32 << 20

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decode reads the whole file and turns it into text. Bytes that are not
// UTF-8 are taken for Windows-1251, the encoding of Russian Excel.
func decode(r io.Reader) (string, string, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return "", "", err
	}
	if len(b) > MaxFileSize {
		return "", "", &model.FieldError{Key: KeyTooBig, Args: map[string]any{"MB": MaxFileSize >> 20}}
	}
	switch {
	case bytes.HasPrefix(b, utf8BOM):
		return strings.ToValidUTF8(string(b[len(utf8BOM):]), "\uFFFD"), EncodingUTF8BOM, nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", "", &model.FieldError{Key: KeyUnreadable, Args: map[string]any{"Line": 0}}
		}
		return strings.ToValidUTF8(string(s), "\uFFFD"), EncodingUTF16, nil
	case utf8.Valid(b):
		return string(b), EncodingUTF8, nil
	}
	return from1251(b), EncodingWindows1251, nil
}

// from1251 turns Windows-1251 text into UTF-8 byte by byte, into a string
// sized once. The byte the encoding leaves undefined becomes U+FFFD.
func from1251(b []byte) string {
	var sb strings.Builder
	sb.Grow(2 * len(b))
	for _, c := range b {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(charmap.Windows1251.DecodeByte(c))
		}
	}
	return sb.String()
}

// detectDelimiter chooses the field separator from the header line: the one
// of ';', tab and ',' met most often outside quotes, ';' when there is none
// (a one-column file). Excel's "sep=;" first line is obeyed and blanked, so
// line numbers stay those of the file.
func detectDelimiter(text string) (string, rune) {
	first, _, _ := strings.Cut(text, "\n")
	if f := strings.TrimSuffix(first, "\r"); len(f) == 5 && strings.EqualFold(f[:4], "sep=") &&
		strings.ContainsRune(";,\t", rune(f[4])) {
		return text[len(first):], rune(f[4])
	}
	counts := map[rune]int{}
	inQuotes, started := false, false
	for _, r := range text {
		switch {
		case r == '"':
			inQuotes = !inQuotes
		case inQuotes:
		case r == '\n' && started:
			return text, mostCommon(counts)
		case r == ';' || r == ',' || r == '\t':
			counts[r]++
		}
		if r != '\n' && r != '\r' && r != ' ' {
			started = true
		}
	}
	return text, mostCommon(counts)
}

func mostCommon(counts map[rune]int) rune {
	best := ';'
	for _, r := range []rune{'\t', ','} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}
