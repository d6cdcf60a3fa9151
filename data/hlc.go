package data

import (
	"cmp"
	"fmt"
	"strconv"
	"time"
)

// HLC is a hybrid logical clock stamp: the wall time in milliseconds, a counter for changes within one
// millisecond (or while the wall clock stands still or goes back), and the device that made the change.
// Stamps order every change on every laptop the same way, and a laptop that has seen a stamp only ever
// makes later ones, whatever its own clock says.
type HLC struct {
	Wall   int64 // Unix milliseconds
	Count  uint16
	Device string
}

// hlcLayout is the stamp's time: fixed width, so that stamps compare as strings the way they compare as
// clocks.
const hlcLayout = "2006-01-02T15:04:05.000Z"

// String writes the stamp as "2026-12-01T18:49:31.123Z-0000-<device>", which sorts as the clock does.
func (h HLC) String() string {
	return fmt.Sprintf("%s-%04x-%s", time.UnixMilli(h.Wall).UTC().Format(hlcLayout), h.Count, h.Device)
}

// ParseHLC reads a stamp written by String.
func ParseHLC(s string) (HLC, error) {
	n := len(hlcLayout)
	if len(s) < n+6 || s[n] != '-' || s[n+5] != '-' {
		return HLC{}, fmt.Errorf("clock stamp %q: not a stamp", s)
	}
	wall, err := time.Parse(hlcLayout, s[:n])
	if err != nil {
		return HLC{}, fmt.Errorf("clock stamp %q: %w", s, err)
	}
	count, err := strconv.ParseUint(s[n+1:n+5], 16, 16)
	if err != nil {
		return HLC{}, fmt.Errorf("clock stamp %q: %w", s, err)
	}
	return HLC{Wall: wall.UnixMilli(), Count: uint16(count), Device: s[n+6:]}, nil
}

// Time is the stamp's wall time.
func (h HLC) Time() time.Time { return time.UnixMilli(h.Wall).UTC() }

// Compare orders stamps: by wall time, then counter, then device ID, which breaks ties between laptops.
func (h HLC) Compare(o HLC) int {
	switch {
	case h.Wall != o.Wall:
		return cmp.Compare(h.Wall, o.Wall)
	case h.Count != o.Count:
		return cmp.Compare(h.Count, o.Count)
	case h.Device < o.Device:
		return -1
	case h.Device > o.Device:
		return 1
	}
	return 0
}

// Clock makes stamps for one device. It is not safe for concurrent use: the store calls it under its lock.
type Clock struct {
	Device string
	Last   HLC
}

// Tick returns a stamp later than every stamp the clock has made or seen.
func (c *Clock) Tick(now time.Time) HLC {
	wall := now.UnixMilli()
	switch {
	case wall > c.Last.Wall:
		c.Last = HLC{Wall: wall}
	case c.Last.Count == 0xffff: // 65,536 changes in one millisecond: borrow the next one
		c.Last = HLC{Wall: c.Last.Wall + 1}
	default:
		c.Last.Count++
	}
	c.Last.Device = c.Device
	return c.Last
}

// Observe tells the clock about a stamp from another laptop, so the next Tick comes after it. The caller
// first checks that the stamp is not too far ahead of this laptop's clock (see MaxSkew).
func (c *Clock) Observe(h HLC) {
	if h.Wall > c.Last.Wall || (h.Wall == c.Last.Wall && h.Count > c.Last.Count) {
		c.Last = HLC{Wall: h.Wall, Count: h.Count}
	}
}

// MaxSkew is how far ahead of this laptop's clock an incoming stamp may be. A stamp further ahead comes
// from a laptop whose clock is wrong: applied, it would win every conflict until the real time caught up,
// so sync sets it aside until then (Actual Budget allows the same 5 minutes).
const MaxSkew = 5 * time.Minute

// TooFarAhead is true when the stamp is more than MaxSkew ahead of now.
func (h HLC) TooFarAhead(now time.Time) bool { return h.Time().Sub(now) > MaxSkew }

// legacyStamp is the stamp of a record saved before Accord kept stamps: its last change, with no device.
// Two laptops holding the same old record give it the same stamp, so it is one version, not a conflict.
func legacyStamp(updated time.Time) HLC { return HLC{Wall: updated.UnixMilli()} }

// Stamp is the record's clock stamp: the one it carries, or its legacy stamp.
func (m Meta) Stamp() HLC {
	if h, err := ParseHLC(m.HLC); err == nil {
		return h
	}
	return legacyStamp(m.UpdatedAt)
}
