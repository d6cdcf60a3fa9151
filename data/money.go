package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Money is an amount in hundredths of the organisation's currency (cents, pence), so sums never drift
// the way floating point does.
type Money int64

// MaxMoney bounds every amount a record holds (validation refuses it and more): ten thousand million in any
// currency is beyond a community group's partnerships, and the sum of a million such amounts still fits in
// a Money. An imported amount near the largest int64 made the annual report's totals wrap round to
// "−92,233,720…".
const MaxMoney Money = 1_000_000_000_000 // 10,000,000,000.00

// ParseMoney reads "1250", "1250.5" or "1,250.50" as typed by a volunteer.
func ParseMoney(s string) (Money, error) {
	clean := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if clean == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsNaN(f) || math.Abs(f*100) >= math.MaxInt64 { // beyond, a conversion gives nonsense
		return 0, fmt.Errorf("%q is not an amount of money", s)
	}
	return Money(math.Round(f * 100)), nil
}

// String is the plain amount with two decimals, no currency sign: "1250.50".
func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s%d.%02d", sign, m/100, m%100)
}
