package features

// FNV-1a, 64 bit (Fowler, Noll, Vo): the hash fastText uses for n-gram
// buckets; cheap, and stable across machines and releases, so hashed models
// stay valid.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// combine folds the hash of the next token into an n-gram hash.
func combine(h, tok uint64) uint64 {
	h ^= tok
	h *= fnvPrime
	h ^= h >> 29
	return h
}
