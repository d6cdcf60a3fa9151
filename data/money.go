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

// ParseMoney reads "1250", "1250.5" or "1,250.50" as typed by a volunteer.
func ParseMoney(s string) (Money, error) {
	clean := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if clean == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
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
