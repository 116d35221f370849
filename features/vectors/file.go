package vectors

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"unicode/utf8"
)

// The compact table file: magic, version, dimension and word count, the
// words (uvarint length and bytes each), the scales (float32, little
// endian), the int8 components, and a CRC-32 (IEEE) of everything before it.
const (
	fileMagic   = "STANCEKIT-VECTORS\n"
	fileVersion = 1
)

// Errors of Decode, for errors.Is.
var (
	ErrNotTable  = errors.New("not a stancekit vector table")
	ErrTruncated = errors.New("vector table is truncated")
	ErrCorrupt   = errors.New("vector table is corrupted")
)

// Encode writes the table in the compact file format.
func (t *Table) Encode(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(fileMagic)
	b.Write(binary.LittleEndian.AppendUint32(nil, fileVersion))
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(t.Dim)))
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(t.Words))))
	for _, word := range t.Words {
		b.Write(binary.AppendUvarint(nil, uint64(len(word))))
		b.WriteString(word)
	}
	for _, s := range t.Scale {
		b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(s)))
	}
	b.Write(t.Data)
	b.Write(binary.LittleEndian.AppendUint32(nil, crc32.ChecksumIEEE(b.Bytes())))
	_, err := w.Write(b.Bytes())
	return err
}

// Decode reads a table written by Encode. Damage gives an error wrapping
// ErrNotTable, ErrTruncated or ErrCorrupt, never a panic, and sizes read
// from the file are checked against its length before anything is
// allocated.
func Decode(b []byte) (*Table, error) {
	head := len(fileMagic) + 12
	switch {
	case len(b) < len(fileMagic) && bytes.HasPrefix([]byte(fileMagic), b) && len(b) > 0:
		return nil, fmt.Errorf("%w: %d bytes", ErrTruncated, len(b))
	case !bytes.HasPrefix(b, []byte(fileMagic)):
		return nil, ErrNotTable
	case len(b) < head+4:
		return nil, fmt.Errorf("%w: %d bytes, the header alone has %d", ErrTruncated, len(b), head)
	}
	if v := binary.LittleEndian.Uint32(b[len(fileMagic):]); v != fileVersion {
		return nil, fmt.Errorf("%w: version %d, this build reads %d", ErrCorrupt, v, fileVersion)
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	dim := int(binary.LittleEndian.Uint32(b[len(fileMagic)+4:]))
	n := int(binary.LittleEndian.Uint32(b[len(fileMagic)+8:]))
	if dim <= 0 || dim > maxDim {
		return nil, fmt.Errorf("%w: dimension %d", ErrCorrupt, dim)
	}
	// Every word takes at least 1 + 4 + dim bytes.
	if n < 0 || n > (len(body)-head)/(5+dim) {
		return nil, fmt.Errorf("%w: %d words of dimension %d cannot fit in %d bytes", ErrTruncated, n, dim, len(b))
	}
	if got := crc32.ChecksumIEEE(body); got != sum {
		return nil, fmt.Errorf("%w: checksum %08x, expected %08x", ErrCorrupt, got, sum)
	}
	t := &Table{Dim: dim, Words: make([]string, n), Scale: make([]float32, n)}
	p := body[head:]
	for i := range t.Words {
		l, k := binary.Uvarint(p)
		if k <= 0 || l > uint64(len(p)-k) {
			return nil, fmt.Errorf("%w: word %d", ErrCorrupt, i)
		}
		w := p[k : k+int(l)]
		if !utf8.Valid(w) {
			return nil, fmt.Errorf("%w: word %d is not UTF-8", ErrCorrupt, i)
		}
		t.Words[i] = string(w)
		p = p[k+int(l):]
	}
	if len(p) != n*4+n*dim {
		return nil, fmt.Errorf("%w: %d bytes of scales and components, want %d", ErrCorrupt, len(p), n*4+n*dim)
	}
	for i := range t.Scale {
		t.Scale[i] = math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:]))
	}
	t.Data = append([]byte(nil), p[4*n:]...)
	if err := t.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return t, nil
}
