package features

import "math/bits"

// keyTable maps the vocabulary's n-gram keys to their positions: an
// open-addressing table with linear probing, at most half full. The keys
// are already hashes, so a multiply spreads them; a lookup is one or two
// probes in one flat array, where a Go map hashes the key again and
// searches a control group. A slot holds its key and its value side by
// side: the tables of a model (n-grams, word vectors) are megabytes, so a
// probe is a cache miss, and one miss per lookup is half of two.
type keyTable struct {
	slots []keySlot // key 0 marks an empty slot; key 0 itself is kept aside
	shift uint
	zero  bool // key 0 is in the vocabulary, at position zeroV
	zeroV uint32
}

type keySlot struct {
	key uint64
	val uint32
}

func newKeyTable(keys []uint64) keyTable {
	size := 1 << max(4, bits.Len(uint(2*len(keys))))
	t := keyTable{slots: make([]keySlot, size), shift: uint(64 - bits.Len(uint(size-1)))}
	mask := uint64(size - 1)
	for i, k := range keys {
		if k == 0 {
			t.zero, t.zeroV = true, uint32(i)
			continue
		}
		j := (k * 0x9e3779b97f4a7c15) >> t.shift
		for t.slots[j].key != 0 && t.slots[j].key != k {
			j = (j + 1) & mask
		}
		t.slots[j] = keySlot{k, uint32(i)}
	}
	return t
}

func (t *keyTable) get(k uint64) (uint32, bool) {
	if k == 0 {
		return t.zeroV, t.zero
	}
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for j := (k * 0x9e3779b97f4a7c15) >> t.shift; ; j = (j + 1) & mask {
		switch s := &t.slots[j]; s.key {
		case k:
			return s.val, true
		case 0:
			return 0, false
		}
	}
}
