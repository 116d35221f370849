package features

// charNgrams is a key source of the n-gram block: the character n-grams of
// each word with boundary marks ("<said>": "<sa", "sai", ...), as fastText
// builds them. Byte n-grams: ASCII words dominate news text, and for other
// scripts byte n-grams still hash consistently.
type charNgrams struct{ min, max int }

func (f charNgrams) keys(x *Analysis, i int, dst []uint64, nm *namer) []uint64 {
	for _, t := range x.Tokens(i) {
		w := t.Norm
		padded := len(w) + 2
		for n := f.min; n <= f.max; n++ {
			for s := 0; s+n <= padded; s++ {
				h := nsChar
				for k := s; k < s+n; k++ {
					var c byte
					switch {
					case k == 0:
						c = '<'
					case k == padded-1:
						c = '>'
					default:
						c = w[k-1]
					}
					h ^= uint64(c)
					h *= fnvPrime
				}
				key := h + uint64(n)
				dst = append(dst, key)
				if nm != nil {
					nm.recordString(key, func() string { return "char:" + ("<" + w + ">")[s:s+n] })
				}
			}
		}
	}
	return dst
}
