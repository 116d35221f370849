package serve

import (
	"context"
	"errors"
	"time"
)

// errBusy means the queue is full, or a request waited its QueueTimeout.
var errBusy = errors.New("serve: busy")

// limiter admits at most workers+queue requests and lets at most workers
// of them classify at once. Admission does not wait: a request that finds
// the queue full is turned away at once (503), before its body is read, so
// that memory stays bounded by (workers+queue) × MaxBody.
type limiter struct {
	admit chan struct{} // held from admission to the end of the request
	work  chan struct{} // held while classifying
}

func newLimiter(workers, queue int) *limiter {
	return &limiter{admit: make(chan struct{}, workers+queue), work: make(chan struct{}, workers)}
}

// enter admits a request, or reports errBusy; leave undoes it.
func (l *limiter) enter() error {
	select {
	case l.admit <- struct{}{}:
		return nil
	default:
		return errBusy
	}
}

func (l *limiter) leave() { <-l.admit }

// acquire waits for a worker, at most d; release gives it back.
func (l *limiter) acquire(ctx context.Context, d time.Duration) error {
	select {
	case l.work <- struct{}{}:
		return nil
	default:
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case l.work <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *limiter) release() { <-l.work }

// admitted is the number of requests admitted and not finished.
func (l *limiter) admitted() int { return len(l.admit) }

// working is the number of requests classifying.
func (l *limiter) working() int { return len(l.work) }
