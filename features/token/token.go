package token

import "iter"

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word Kind = iota
	Number
	Punct
	Quote // a quotation mark, straight or curly, double or single
	URL
	Email
	Handle  // @name
	Hashtag // #tag
	Symbol  // emoji, currency and other symbols
)

var tokenKindNames = [...]string{"Word", "Number", "Punct", "Quote", "URL", "Email", "Handle", "Hashtag", "Symbol"}

func (k Kind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return "Kind(?)"
}

// Token is text[Start:End] of the tokenized string.
type Token struct {
	Start, End int
	Kind       Kind
}

// Tokens yields the tokens of text in order; white space separates tokens
// and belongs to none, every other byte belongs to exactly one token.
//
//   - Words keep inner hyphens, dots and apostrophes: "mother-in-law",
//     "O'Brien", "rock'n'roll", "COVID-19", "v1.2.3"; a dotted acronym
//     keeps its final stop ("U.S.", "a.m.", "e.g."), other abbreviations
//     do not ("Mr" then ".": whether that stop also ends a sentence is the
//     Segmenter's business).
//   - Contractions and possessives are split off the word as tokens of
//     their own, the Penn Treebank way, so that a feature sees the same
//     clitic in every word: "don't" is "do" "n't", "can't" "ca" "n't",
//     "she'll" "she" "'ll", "Gould's" "Gould" "'s", "it's" "it" "'s"; the
//     clitics are 's 're 've 'll 'd 'm and n't, with straight or curly
//     apostrophes. A plural possessive's apostrophe ("readers'") cannot be
//     told from a closing single quote and is a Quote token.
//   - Numbers keep inner separators and a unit or ordinal suffix: "3.5",
//     "1,200", "10:30", "2020-21", "24/7", "1990s", "1st", "5pm", "1.2m"; a
//     currency sign before and a percent sign after are tokens of their own.
//   - URLs (with a scheme, "www." or a common top-level domain:
//     "Amazon.com", "example.org/news"), e-mail addresses, @handles and
//     #hashtags are single tokens; trailing sentence punctuation is not
//     part of a URL or address.
//   - Every quotation mark is a Quote token; other punctuation is a Punct
//     token, runs of the same mark ("...", "--", "!!") as one.
//   - An emoji with its modifiers and joiners ("👍🏽", "👩‍🔬", a flag) is one
//     Symbol token; a byte that is not valid UTF-8 is a Symbol token of its
//     own.
//
// Tokens keep the original text: normalize with AppendNorm for features.
func Tokens(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		for i := 0; ; {
			t, ok := nextToken(text, i)
			if !ok || !yield(t) {
				return
			}
			i = t.End
		}
	}
}

// AppendTokens appends the tokens of text to dst and returns the extended
// slice; with a reused dst it does not allocate.
func AppendTokens(dst []Token, text string) []Token {
	for i := 0; ; {
		t, ok := nextToken(text, i)
		if !ok {
			return dst
		}
		dst = append(dst, t)
		i = t.End
	}
}
