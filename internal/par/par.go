// Package par runs independent pieces of work on every processor, with
// results written by index so that output order never depends on
// scheduling.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls fn(0) … fn(n-1), on as many goroutines as there are
// processors (GOMAXPROCS), and returns when every call has returned. fn
// must only write what belongs to its index.
func Each(n int, fn func(i int)) {
	workers := min(n, max(1, runtime.GOMAXPROCS(0)))
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}
