package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wrappers cut or delay a stream in the ways real readers do, so that lines
// and multi-byte characters fall across Read boundaries.
var wrappers = map[string]func(io.Reader) io.Reader{
	"OneByteReader": iotest.OneByteReader,
	"HalfReader":    iotest.HalfReader,
	"DataErrReader": iotest.DataErrReader,
	"OneByteDataErr": func(r io.Reader) io.Reader {
		return iotest.DataErrReader(iotest.OneByteReader(r))
	},
}

// The same input gives the same results however it arrives, through a file
// name or through sniffing.
func TestReadersOverIOTest(t *testing.T) {
	long := strings.Repeat("é", 50000) // 100,000 bytes: more than one buffer
	inputs := map[string]string{
		"in.jsonl": "\uFEFF" + `{"id":"a","sentences":[{"text":"Café.","label":"fact","para":0},{"text":"B.","para":2}]}` + "\r\n" +
			`{"id":"bad",` + "\n\n" +
			`{"id":"long","text":"` + long + `"}` + "\n" +
			`{"id":"utf8","text":"x` + "\xff" + `"}` + "\n" +
			`{"id":"last","text":"Z."}`,
		"in.tsv":  "fact\tCafé.\nno tab\n\nquote\t" + long + "\r\nfact\tlast",
		"in.ft":   "__label__fact Café.\n__label__a __label__b x\nUnlabelled.\n__label__quote " + long,
		"in.txt":  "\uFEFFTitle\n\nCafé. " + long + "\n",
		"bad.txt": "ok\n\xff",
	}
	for name, in := range inputs {
		want, end := drain(t, NewReader(strings.NewReader(in), name, ReaderOptions{}), 100)
		require.ErrorIs(t, end, io.EOF)
		require.NotEmpty(t, want)
		for wname, wrap := range wrappers {
			t.Run(name+"/"+wname, func(t *testing.T) {
				got, end := drain(t, NewReader(wrap(strings.NewReader(in)), name, ReaderOptions{}), 100)
				assert.ErrorIs(t, end, io.EOF)
				assert.Equal(t, want, got)
				for _, s := range got {
					if s.art != nil {
						checkInvariants(t, s.art)
					}
				}
			})
		}
		if FormatOf(name) == FormatTSV {
			continue // a TSV stream cannot be sniffed
		}
		// Without a telling name, the format is sniffed from the bytes as
		// they trickle in.
		for wname, wrap := range wrappers {
			t.Run(name+"/sniffed/"+wname, func(t *testing.T) {
				got, end := drain(t, NewReader(wrap(strings.NewReader(in)), "-", ReaderOptions{}), 100)
				assert.ErrorIs(t, end, io.EOF)
				require.Len(t, got, len(want))
				for i := range got {
					if want[i].art == nil {
						assert.NotNil(t, got[i].err, "result %d", i)
						continue
					}
					require.NotNil(t, got[i].art, "result %d", i)
					assert.Equal(t, want[i].art.Text, got[i].art.Text, "result %d", i)
					assert.Equal(t, want[i].art.Sentences, got[i].art.Sentences, "result %d", i)
				}
			})
		}
	}
}

var errBoom = errors.New("boom")

// A read error in the middle of a stream is not a record error: it ends the
// stream, names the file and line, and stays.
func TestReadErrorEndsStream(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		arts     int
		line     int
	}{
		{"in.jsonl", `{"text":"A."}` + "\n" + `{"text":"B."}` + "\n" + `{"text":"C`, 2, 3},
		{"in.jsonl", `{"text":"A."}` + "\n", 1, 2},
		{"in.tsv", "fact\tA.\nfact\tB.\nfact\tC", 2, 3},
		{"in.ft", "__label__fact A.\n", 1, 2},
		{"in.txt", "All of it.", 0, 0},
		{"-", `{"text":"A."}` + "\n" + `{"text":"B`, 1, 2},
	} {
		for wname, wrap := range wrappers {
			t.Run(tt.name+"/"+wname, func(t *testing.T) {
				src := io.MultiReader(strings.NewReader(tt.in), iotest.ErrReader(errBoom))
				r := NewReader(wrap(src), tt.name, ReaderOptions{})
				steps, end := drain(t, r, 10)
				assert.Len(t, steps, tt.arts)
				for _, s := range steps {
					assert.NotNil(t, s.art)
				}
				require.ErrorIs(t, end, errBoom)
				assert.False(t, IsRecordError(end), "a read error is not a record error")
				assert.Equal(t, where(tt.name, tt.line)+"boom", end.Error())
				_, again := r.Next()
				assert.ErrorIs(t, again, errBoom, "the error is sticky")
			})
		}
	}
}

// onceErrReader fails once, after its first chunk, then reads on: a
// transient error that must still end the stream where it happened.
type onceErrReader struct {
	chunks []string
	failed bool
}

func (o *onceErrReader) Read(p []byte) (int, error) {
	if len(o.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, o.chunks[0])
	o.chunks[0] = o.chunks[0][n:]
	if o.chunks[0] == "" {
		o.chunks = o.chunks[1:]
		if !o.failed {
			o.failed = true
			return n, errBoom
		}
	}
	return n, nil
}

func TestTransientErrorWhileSniffing(t *testing.T) {
	// The error comes while sniff still looks for the first non-space byte:
	// bufio's Peek would forget it, and the stream would go on past it.
	r := NewReader(&onceErrReader{chunks: []string{"  \n", `{"text":"A."}` + "\n"}}, "-", ReaderOptions{})
	steps, end := drain(t, r, 10)
	assert.Empty(t, steps)
	assert.ErrorIs(t, end, errBoom)

	// After the format is known, the same.
	r = NewReader(&onceErrReader{chunks: []string{`{"text":"A."}` + "\n" + `{"te`, `xt":"B."}` + "\n"}}, "-", ReaderOptions{})
	steps, end = drain(t, r, 10)
	assert.Len(t, steps, 1)
	assert.ErrorIs(t, end, errBoom)
	assert.Equal(t, "corpus: -:2: boom", end.Error())
}

// Every line of a JSONL stream with bad records among good ones yields
// exactly one article or one *RecordError, with its line number.
func TestJSONLBadRecordsAccounting(t *testing.T) {
	bads := []struct {
		line string
		is   error
	}{
		{`{"id":"x","sentences":[`, nil},
		{`{"id":"x","text":"a` + "\xff" + `"}`, ErrInvalidUTF8},
		{`{"id":"x","text":"a` + "\x00" + `"}`, ErrNUL},
		{`{"id":"x","text":""}`, ErrEmpty},
		{`{"id":"x","sentences":[{"text":"B.","para":1},{"text":"A.","para":0}]}`, nil},
		{`{"id":"x","text":"` + strings.Repeat("y", 300) + `"}`, ErrTooLarge},
		{`[]`, nil},
		{`{"id":"x"}`, nil},
	}
	const n = 2000
	var buf bytes.Buffer
	isBad := make(map[int]error)
	for line := 1; line <= n; line++ {
		if line%7 == 3 {
			b := bads[(line/7)%len(bads)]
			buf.WriteString(b.line + "\n")
			isBad[line] = b.is
			continue
		}
		fmt.Fprintf(&buf, `{"id":"a%d","sentences":[{"text":"Line %d.","label":"fact"}]}`+"\n", line, line)
	}
	for wname, wrap := range wrappers {
		t.Run(wname, func(t *testing.T) {
			r := NewReader(wrap(bytes.NewReader(buf.Bytes())), "mixed.jsonl", ReaderOptions{MaxRecord: 200})
			seen := make(map[int]bool)
			arts, errs := 0, 0
			for {
				a, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				var re *RecordError
				switch {
				case err == nil:
					arts++
					assert.False(t, seen[a.Line], "line %d twice", a.Line)
					seen[a.Line] = true
					_, wasBad := isBad[a.Line]
					assert.False(t, wasBad, "line %d is bad but read", a.Line)
					assert.Equal(t, fmt.Sprintf("a%d", a.Line), a.ID)
					assert.Equal(t, fmt.Sprintf("Line %d.", a.Line), a.Text)
				case errors.As(err, &re):
					errs++
					assert.False(t, seen[re.Line], "line %d twice", re.Line)
					seen[re.Line] = true
					want, wasBad := isBad[re.Line]
					if assert.True(t, wasBad, "line %d is good but failed: %v", re.Line, err) && want != nil {
						assert.ErrorIs(t, err, want)
					}
					assert.Equal(t, "mixed.jsonl", re.File)
				default:
					require.FailNow(t, "non-record error", "%v", err)
				}
			}
			assert.Equal(t, n, len(seen), "every line accounted for")
			assert.Equal(t, len(isBad), errs)
			assert.Equal(t, n-len(isBad), arts)
		})
	}
}
