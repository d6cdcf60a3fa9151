package data

import (
	"testing"
	"time"
)

func TestClockIsMonotonicWhateverTheWallClockDoes(t *testing.T) {
	c := Clock{Device: "aaaaaaaaaaaaaaaa"}
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	var last HLC
	for i, now := range []time.Time{at, at, at.Add(time.Millisecond), at.Add(-time.Hour), at, at.Add(time.Second)} {
		h := c.Tick(now)
		if i > 0 && h.Compare(last) <= 0 {
			t.Fatalf("tick %d at %s: %s is not after %s", i, now, h, last)
		}
		if h.String() <= last.String() {
			t.Fatalf("tick %d: %s does not sort after %s as text", i, h, last)
		}
		last = h
	}
	remote := HLC{Wall: at.Add(2 * time.Minute).UnixMilli(), Count: 7, Device: "bbbbbbbbbbbbbbbb"}
	c.Observe(remote)
	if h := c.Tick(at); h.Compare(remote) <= 0 || h.Device != c.Device {
		t.Fatalf("after seeing %s, ticked %s", remote, h)
	}
}

func TestClockStampsReadBackAndBoundSkew(t *testing.T) {
	h := HLC{Wall: time.Date(2026, 12, 1, 10, 0, 0, 123e6, time.UTC).UnixMilli(), Count: 0xab, Device: "0123456789abcdef"}
	if h.String() != "2026-12-01T10:00:00.123Z-00ab-0123456789abcdef" {
		t.Fatalf("stamp %s", h)
	}
	if back, err := ParseHLC(h.String()); err != nil || back != h {
		t.Fatalf("read back %+v, %v", back, err)
	}
	for _, bad := range []string{"", "2026-12-01T10:00:00Z-0000-x", "2026-12-01T10:00:00.123Z-zzzz-x", "2026-12-01T10:00:00.123Z00000"} {
		if _, err := ParseHLC(bad); err == nil {
			t.Errorf("%q read as a stamp", bad)
		}
	}
	now := h.Time()
	if h.TooFarAhead(now.Add(-MaxSkew)) || !h.TooFarAhead(now.Add(-MaxSkew-time.Millisecond)) {
		t.Fatal("the skew bound is not 5 minutes")
	}
}
