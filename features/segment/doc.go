// Package segment splits raw news text into paragraphs and sentences, with
// byte offsets into the text (see Segmenter for the rules).
//
// It is tuned for news as it reaches a scraper: datelines, abbreviations
// of titles and units, initials, quotations that run over sentences, page
// furniture on lines of their own. The abbreviation classes live in
// abbreviations.txt (embedded). Its cases are golden files in
// testdata/segment/ (rewrite them with -update, deliberately), and the
// labelled corpus in testdata/news/ is its gold standard for boundary F1.
package segment
