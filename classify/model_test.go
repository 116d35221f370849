package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stancekit/stancekit/newsmodel"
)

// A damaged or foreign -model file gives a clear error and exit 1, never a
// panic and never output.
func TestBadModel(t *testing.T) {
	good := newsmodel.Bytes()
	require.Greater(t, len(good), 100)
	dir := t.TempDir()

	flipped := bytes.Clone(good)
	flipped[len(good)/2] ^= 0x40 // in the body: the checksum catches it
	version := bytes.Clone(good)
	binary.LittleEndian.PutUint32(version[16:], 3) // after the 16-byte magic; 1 and 2 are read

	// A sound file whose content does not fit together: one label only.
	m, err := newsmodel.Load()
	require.NoError(t, err)
	m.Labels = m.Labels[:1]
	var oneLabel bytes.Buffer
	_, err = m.WriteTo(&oneLabel)
	require.NoError(t, err)

	article, err := os.ReadFile(articlePath)
	require.NoError(t, err)

	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"half", good[:len(good)/2], "model file is truncated"},
		{"header cut", good[:20], "model file is truncated"},
		{"magic cut", good[:7], "model file is truncated"},
		{"checksum cut", good[:len(good)-1], "model file is truncated"},
		{"flipped byte", flipped, "model file is corrupted: checksum"},
		{"trailing bytes", append(bytes.Clone(good), '\n'), "model file is corrupted: 1 unexpected bytes after the checksum"},
		{"other version", version, "unsupported model format version: file has version 3, this build reads versions 1 and 2"},
		{"text file", article, "not a stancekit model file"},
		{"gzip file", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), "not a stancekit model file"},
		{"empty", nil, "not a stancekit model file"},
		{"inconsistent", oneLabel.Bytes(), "model file is corrupted: 1 labels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".stkm")
			require.NoError(t, os.WriteFile(path, tt.data, 0o644))
			code, out, stderr := classifyCmd(t, "", "-model", path, articlePath)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.Contains(t, stderr, "classify: models: "+path+": "+tt.want)

			// -eval loads the model the same way.
			code, _, stderr = classifyCmd(t, "", "-model", path, "-eval", goldPath)
			assert.Equal(t, 1, code)
			assert.Contains(t, stderr, tt.want)
		})
	}

	code, _, stderr := classifyCmd(t, "", "-model", filepath.Join(dir, "none.stkm"), articlePath)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "no such file or directory")
}

// A model given with -model is used as it is: the embedded model's bytes
// saved to a file give the embedded model's output.
func TestModelFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.stkm")
	require.NoError(t, os.WriteFile(path, newsmodel.Bytes(), 0o644))
	code, withFlag, stderr := classifyCmd(t, "", "-quiet", "-model", path, articlePath)
	require.Equal(t, 0, code, stderr)
	code, embedded, stderr := classifyCmd(t, "", "-quiet", articlePath)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, embedded, withFlag)
}
