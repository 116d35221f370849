package features

import "math/bits"

// keyTable maps the vocabulary's n-gram keys to their positions: an
// open-addressing table with linear probing, at most half full. The keys
// are already hashes, so a multiply spreads them; a lookup is one or two
// probes in two flat arrays, where a Go map hashes the key again and
// searches a control group.
type keyTable struct {
	keys  []uint64 // 0 marks an empty slot; key 0 itself is kept aside
	vals  []uint32
	shift uint
	zero  bool // key 0 is in the vocabulary, at position zeroV
	zeroV uint32
}

func newKeyTable(keys []uint64) keyTable {
	size := 1 << max(4, bits.Len(uint(2*len(keys))))
	t := keyTable{keys: make([]uint64, size), vals: make([]uint32, size), shift: uint(64 - bits.Len(uint(size-1)))}
	mask := uint64(size - 1)
	for i, k := range keys {
		if k == 0 {
			t.zero, t.zeroV = true, uint32(i)
			continue
		}
		j := (k * 0x9e3779b97f4a7c15) >> t.shift
		for t.keys[j] != 0 && t.keys[j] != k {
			j = (j + 1) & mask
		}
		t.keys[j], t.vals[j] = k, uint32(i)
	}
	return t
}

func (t *keyTable) get(k uint64) (uint32, bool) {
	if k == 0 {
		return t.zeroV, t.zero
	}
	if len(t.keys) == 0 {
		return 0, false
	}
	mask := uint64(len(t.keys) - 1)
	for j := (k * 0x9e3779b97f4a7c15) >> t.shift; ; j = (j + 1) & mask {
		switch t.keys[j] {
		case k:
			return t.vals[j], true
		case 0:
			return 0, false
		}
	}
}
