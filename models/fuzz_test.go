package models

import (
	"bytes"
	"compress/gzip"
	"os"
	"testing"

	"github.com/stancekit/stancekit/corpus"
)

const fuzzText = "Zorbit lorem ipsum. \"Grommet dolor,\" sitam said.\n\nTempor incidu?"

// usable checks that a model that decoded without error predicts without
// panicking.
func usable(t *testing.T, m *Model) {
	a := &corpus.Article{ID: "fuzz", Text: fuzzText}
	preds := m.NewWorkspace().Predict(a)
	if len(preds) != len(a.Sentences) {
		t.Fatalf("%d predictions for %d sentences", len(preds), len(a.Sentences))
	}
}

// FuzzDecode: Decode never panics on arbitrary bytes, and every error
// wraps one of the file sentinels.
//
//	go test ./models -run '^$' -fuzz 'FuzzDecode$' -fuzztime 60s -fuzzminimizetime 200x
//
// (With the default minimization budget of 60 s per new input, minimizing
// the 5 KB seeds stalls the run for a minute at a time.)
func FuzzDecode(f *testing.F) {
	good := smallModelBytes(f)
	for _, n := range []int{0, 1, len(magic) - 1, len(magic), len(magic) + 4, headerLen - 1, headerLen, headerLen + 1, len(good) / 2, len(good) - 5, len(good) - 4, len(good) - 1, len(good)} {
		f.Add(good[:n])
	}
	flipped := append([]byte(nil), good...)
	flipped[headerLen+10] ^= 0x40
	f.Add(flipped)
	f.Add(append(append([]byte(nil), good...), 0))
	if b, err := os.ReadFile(fixtureModel); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b)
		if err != nil {
			if m != nil {
				t.Fatalf("model and error %v", err)
			}
			if !isSentinel(err) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		usable(t, m)
	})
}

// FuzzDecodeBody fuzzes what lies behind the checksum: the gob stream,
// compressed and framed with a valid CRC, so that the fuzzer reaches the
// gob decoder and the model's consistency checks. Decode must not panic,
// and a model it accepts must predict without panicking. (Errors are not
// checked for a sentinel here: see TestDecodeBadPipelineState.)
//
//	go test ./models -run '^$' -fuzz FuzzDecodeBody -fuzztime 60s
//
// Issue 13 item 6: the fuzzer stalled (0 execs/s for a minute at a time)
// while it minimized each new input, because every input was a mutation of
// a 10 KB seed and each run gzipped it with a fresh compressor.
// The seeds are now models with every stage over 16 hash buckets (about
// 2 KB), and the body is stored uncompressed in one reused gzip writer,
// so minimizing takes a fraction of a second.
func FuzzDecodeBody(f *testing.F) {
	full := fullOptions(LogReg)
	full.Features.Buckets, full.Features.WordNgrams = 16, 1
	m, err := Train(synthCorpus(31, 8), full)
	if err != nil {
		f.Fatal(err)
	}
	good := gobOf(f, fileOf(m))
	f.Add(good)
	f.Add(good[:len(good)/2])
	plain := quickOptions(MNB)
	plain.Features.Buckets = 16
	pm, err := Train(synthCorpus(81, 4), plain)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(gobOf(f, fileOf(pm)))
	f.Add([]byte{})
	var body bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&body, gzip.NoCompression)
	f.Fuzz(func(t *testing.T, raw []byte) {
		body.Reset()
		zw.Reset(&body)
		if _, err := zw.Write(raw); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		m, err := Decode(frame(FormatVersion, body.Bytes()))
		if err != nil {
			if m != nil {
				t.Fatalf("model and error %v", err)
			}
			return
		}
		usable(t, m)
	})
}
