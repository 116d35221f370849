// Package token splits a sentence into tokens that keep their byte offsets
// (words with their clitics, numbers with their separators, quotation marks,
// URLs, e-mail addresses, handles, hashtags, symbols) and normalizes a token
// for features (AppendNorm: lower case, straight quotes).
//
// It also holds the character classes that the segmenter shares with it
// (IsSpace, IsQuoteMark, IsDottedAcronym, LowerKey).
package token
