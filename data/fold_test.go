package data

import (
	"sync"
	"testing"
)

// TestFoldFromManyGoroutines folds text beyond the fold table (dashes, quotes, CJK) from many goroutines
// at once, as the parallel index build does; under the race detector it fails if they share state.
func TestFoldFromManyGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := rune(0x4e00 + g*500); r < rune(0x4e00+g*500+500); r++ {
				if got := Fold("Café – " + string(r)); got != "cafe – "+string(r) {
					t.Errorf("Fold = %q", got)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}
