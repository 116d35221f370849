//go:build !unix

package segment

import "time"

// cpuTime is not measured here; benchmarks then report no CPU-time figure.
func cpuTime() time.Duration { return 0 }
