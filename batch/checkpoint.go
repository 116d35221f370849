package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Checkpoint records how far a run into an output file got: the first
// Records input records are in its first Offset bytes. It is written
// beside the output (CheckpointPath) after the output is flushed, so the
// output is never shorter than its checkpoint says; a resumed run
// truncates the output to Offset and skips Records input records
// (Options.SkipFirst) without reading the output again.
type Checkpoint struct {
	Version int      `json:"version"`
	Records int      `json:"records"`
	Offset  int64    `json:"offset"`
	Format  string   `json:"format"`
	Inputs  []string `json:"inputs"` // as named on the command line; "-" is standard input
}

const checkpointVersion = 1

// CheckpointPath is where the checkpoint of output path is kept.
func CheckpointPath(path string) string { return path + ".ckpt" }

// WriteCheckpoint writes c for output path atomically (a temporary file
// renamed over the old checkpoint).
func WriteCheckpoint(path string, c Checkpoint) error {
	c.Version = checkpointVersion
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("batch: checkpoint: %w", err)
	}
	dst := CheckpointPath(path)
	f, err := os.CreateTemp(filepath.Dir(dst), ".stancekit-ckpt-*")
	if err != nil {
		return fmt.Errorf("batch: checkpoint: %w", err)
	}
	defer os.Remove(f.Name()) // no-op after the rename
	_, err = f.Write(append(b, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), dst)
	}
	if err != nil {
		return fmt.Errorf("batch: checkpoint %s: %w", dst, err)
	}
	return nil
}

// RemoveCheckpoint deletes the checkpoint of output path, if any: a run
// that starts the output afresh makes it stale.
func RemoveCheckpoint(path string) error {
	if err := os.Remove(CheckpointPath(path)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("batch: %w", err)
	}
	return nil
}

// ResumeFromCheckpoint prepares output path for a resumed run from its
// checkpoint: ok is false when there is none (use ResumeAt). The
// checkpoint must be of the same format and inputs, and the output at
// least as long as it says; the output is truncated to its offset and the
// number of input records to skip is returned.
func ResumeFromCheckpoint(path, format string, inputs []string) (records int, ok bool, err error) {
	cp := CheckpointPath(path)
	b, err := os.ReadFile(cp)
	if errors.Is(err, os.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("batch: resume: %w", err)
	}
	var c Checkpoint
	if err := json.Unmarshal(b, &c); err != nil || c.Version != checkpointVersion || c.Records < 0 || c.Offset < 0 {
		return 0, false, fmt.Errorf("batch: resume: %s is not a checkpoint of this version (delete it to resume by reading the output)", cp)
	}
	if c.Format != format || !slices.Equal(c.Inputs, inputs) {
		return 0, false, fmt.Errorf("batch: resume: %s was written for -format %s and inputs %q, not %s and %q", cp, c.Format, c.Inputs, format, inputs)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0, false, fmt.Errorf("batch: resume: %w", err)
	}
	if fi.Size() < c.Offset {
		return 0, false, fmt.Errorf("batch: resume: %s has %d bytes, its checkpoint %s says %d were written", path, fi.Size(), cp, c.Offset)
	}
	if err := os.Truncate(path, c.Offset); err != nil {
		return 0, false, fmt.Errorf("batch: resume: %w", err)
	}
	return c.Records, true, nil
}
