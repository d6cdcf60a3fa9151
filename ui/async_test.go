package ui

import (
	"os"
	"sync/atomic"
	"testing"
	"time"
)

// The UI tests run in two ways. By default background work runs in place, so each step a test drives has
// finished before the next. With ACCORD_UI_ASYNC=1 — make test runs it once, under the race detector and
// with Fyne's thread checks on — background work runs on goroutines of its own, as in the window, and
// what it hands back to the UI goroutine waits in a queue until the test settles: the test goroutine
// plays the window's event loop, so a widget is only ever touched from it.
var asyncUI = os.Getenv("ACCORD_UI_ASYNC") != ""

var (
	running atomic.Int64               // background work not finished yet
	queued  = make(chan func(), 1<<16) // what background work handed back to the UI goroutine
)

func init() {
	after = func(_ time.Duration, f func()) { f() } // a draft is written at each change, not a moment later
	if asyncUI {
		asynchronous()
	} else {
		background = func(work func()) { work() }
	}
}

// asynchronous runs background work on goroutines of its own and queues what it hands back.
func asynchronous() {
	background = func(work func()) {
		running.Add(1)
		go func() {
			defer running.Add(-1)
			work()
		}()
	}
	onUI = func(f func()) { queued <- f }
}

// asynchronousFor makes one test's background work asynchronous whatever the run, for a test about work
// that overlaps the user's typing.
func asynchronousFor(t *testing.T) {
	wasBackground, wasOnUI := background, onUI
	asynchronous()
	t.Cleanup(func() {
		settle(t)
		background, onUI = wasBackground, wasOnUI
	})
}

// runQueued runs, on the test goroutine, what background work has handed back so far.
func runQueued() {
	for {
		select {
		case f := <-queued:
			f()
		default:
			return
		}
	}
}

// settle waits until no background work is running and everything it handed back has run: the state a
// volunteer sees once the window has caught up. Without ACCORD_UI_ASYNC there is never anything to wait for.
func settle(t testing.TB) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		runQueued()
		if running.Load() == 0 && len(queued) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("background work still running after 10 s (%d jobs)", running.Load())
		}
	}
}
