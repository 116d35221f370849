package features

import "github.com/stancekit/stancekit/features/token"

const numDialogue = 5

var dialogueNames = [numDialogue]string{
	"prev_para_question", "next_para_question", "qa_article", "speaker_prefix", "answer",
}

// dialogue is the family of Q&A structure: an interview's answers carry
// no quotation marks and no reporting verb, and what marks them as the
// interviewee's words is the question before them. Features: the previous
// paragraph ends with a question; the next one starts with one; how much of
// the article is questions (the share of paragraphs ending in "?", times 4,
// capped at 1); the sentence opens with a speaker label ("Vasundhara
// Iyer: …"); and an answer (a sentence that is no question, in a paragraph
// after a question).
type dialogue struct{}

func (dialogue) Name() string             { return "dialogue" }
func (dialogue) Dim() int                 { return numDialogue }
func (dialogue) FeatureName(j int) string { return "qa:" + dialogueNames[j] }

func (dialogue) Append(x *Analysis, i int, off uint32, v *Vector) {
	var f [numDialogue]float32
	lo, hi := x.Para(i)
	isQ := func(j int) bool { return x.Cues(j)[cueQuestion] != 0 }
	if lo > 0 && isQ(lo-1) {
		f[0] = 1
		if !isQ(i) {
			f[4] = 1
		}
	}
	if hi+1 < x.Len() && isQ(hi+1) {
		f[1] = 1
	}
	f[2] = x.qaShare
	if speakerPrefix(x.Tokens(i)) {
		f[3] = 1
	}
	appendDense(v, off, f[:])
}

// speakerPrefix reports a sentence that opens with one to four capitalised
// words and a colon.
func speakerPrefix(toks []Analysed) bool {
	for k, t := range toks {
		if k > 4 {
			return false
		}
		if t.Kind == token.Punct && t.Norm == ":" {
			return k > 0
		}
		if t.Kind != token.Word || !t.Upper {
			return false
		}
	}
	return false
}

// questionShare is the share of paragraphs whose last sentence is a
// question, times 4, capped at 1 (a Q&A has a question every other
// paragraph or so).
func questionShare(x *Analysis) float32 {
	paras, qs := 0, 0
	for i := 0; i < x.Len(); {
		_, hi := x.Para(i)
		paras++
		if x.Cues(hi)[cueQuestion] != 0 {
			qs++
		}
		i = hi + 1
	}
	if paras == 0 {
		return 0
	}
	return min(1, 4*float32(qs)/float32(paras))
}
