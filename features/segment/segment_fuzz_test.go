package segment

import (
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stancekit/stancekit/features/token"
	"github.com/stretchr/testify/require"
)

// fuzzSeeds are the golden cases plus inputs aimed at the edges of the
// scanners: truncated UTF-8, marks at the end of the text, lone closers.
func fuzzSeeds(f *testing.F) {
	files, err := filepath.Glob("../../testdata/segment/*.txt")
	require.NoError(f, err)
	for _, file := range files {
		for _, c := range readCases(f, file) {
			f.Add(unescapeCase(c.text))
		}
	}
	for _, s := range []string{
		"", " ", "\xff\xfe", "a.\xe2\x80", "U.S.\n\n", "\"?\" ", "Mr.", "...", ". . .", " .", "— \"", "—\"",
		"\r\r\n", "\u2028\u2029", "1. ", "'", "n't", "can't", "x'", "http://", "www.", "@", "#", "a@b", "a@",
		"\u200d", "🇺", "👍\u200d", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.", "\"Why?\" ", "\"Why?\" Mr",
		"A. B. C.", "p.m. X", "5 p.m.", "No. I", "St.", "x.[1]", "x.[", "end.The", "end?The", "。」", "\u0301",
		".5", "$", "€1", "ab\x80cd. Ef", "\xf0\x9f\x8e", "Hi! 🎉", "Hi! 🎉\nNext", "a\n- b", "(a) b\n(b) c",
	} {
		f.Add(s)
	}
}

// spaceOnly reports whether s holds nothing but white space.
func spaceOnly(s string) bool {
	for _, r := range s {
		if !token.IsSpace(r) {
			return false
		}
	}
	return true
}

// lineBreaks counts line terminators in white space s, the way the
// annotation of paragraphs counts them: "\r\n" once, U+2029 twice.
func lineBreaks(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			size = 2
			n++
		case r == '\u2029':
			n += 2
		case isLineTerm(r):
			n++
		}
		i += size
	}
	return n
}

// blankLineIn reports a run of white space inside s that holds a
// paragraph break.
func blankLineIn(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !token.IsSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !token.IsSpace(r) {
				break
			}
			j += size
		}
		if lineBreaks(s[i:j]) >= 2 {
			return true
		}
		i = j
	}
	return false
}

// The invariants are checked with plain comparisons and t.Fatalf rather
// than testify inside the loops: a check per sentence or token through
// reflection would slow the fuzzer tenfold.

func FuzzSegment(f *testing.F) {
	fuzzSeeds(f)
	seg := New()
	f.Fuzz(func(t *testing.T, text string) {
		bounds := collect(seg, text)
		require.Equal(t, bounds, seg.AppendSentences(nil, text))
		valid := utf8.ValidString(text)
		prev := 0
		for k, b := range bounds {
			if !(prev <= b.Start && b.Start < b.End && b.End <= len(text)) {
				t.Fatalf("bound %d %+v out of order or range (prev end %d, len %d)", k, b, prev, len(text))
			}
			gap := text[prev:b.Start]
			if !spaceOnly(gap) {
				t.Fatalf("bound %d: non-space %q left out before it", k, gap)
			}
			s := text[b.Start:b.End]
			first, _ := utf8.DecodeRuneInString(s)
			last, _ := utf8.DecodeLastRuneInString(s)
			if token.IsSpace(first) || token.IsSpace(last) {
				t.Fatalf("bound %d: %q not trimmed", k, s)
			}
			if blankLineIn(s) {
				t.Fatalf("bound %d: %q spans a paragraph break", k, s)
			}
			wantPara := 0
			if k > 0 {
				wantPara = bounds[k-1].Para
				if lineBreaks(gap) >= 1 {
					wantPara++
				}
			}
			if b.Para != wantPara {
				t.Fatalf("bound %d: paragraph %d after %q, want %d", k, b.Para, gap, wantPara)
			}
			if valid && !utf8.ValidString(s) {
				t.Fatalf("bound %d: %q splits a character", k, s)
			}
			prev = b.End
		}
		if !spaceOnly(text[prev:]) {
			t.Fatalf("non-space %q left out at the end", text[prev:])
		}
	})
}

func FuzzTokenize(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		toks := token.AppendTokens(nil, text)
		valid := utf8.ValidString(text)
		prev := 0
		var norm []byte
		n := 0
		for tok := range token.Tokens(text) {
			if n >= len(toks) || toks[n] != tok {
				t.Fatalf("token %d: Tokens gives %+v, AppendTokens %+v", n, tok, toks)
			}
			n++
			if !(prev <= tok.Start && tok.Start < tok.End && tok.End <= len(text)) {
				t.Fatalf("token %+v out of order or range (prev end %d, len %d)", tok, prev, len(text))
			}
			if !spaceOnly(text[prev:tok.Start]) {
				t.Fatalf("non-space %q left out", text[prev:tok.Start])
			}
			s := text[tok.Start:tok.End]
			for _, r := range s {
				if token.IsSpace(r) {
					t.Fatalf("token %q holds white space", s)
				}
			}
			norm = token.AppendNorm(norm[:0], s)
			if valid && (!utf8.ValidString(s) || !utf8.Valid(norm)) {
				t.Fatalf("token %q (normalized %q) splits a character", s, norm)
			}
			prev = tok.End
		}
		require.Len(t, toks, n)
		if !spaceOnly(text[prev:]) {
			t.Fatalf("non-space %q left out at the end", text[prev:])
		}
	})
}
