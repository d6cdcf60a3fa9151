package i18n

// N translates a sentence that counts, into the language in use: the form for one ("%d partner") or for
// other ("%d partners"), as the language's plural rule gives n, filled with n as its first verb and args
// after. Both forms carry the count as %d: French says the form for one of 0 too ("0 partenaire").
func N(n int, one, other string, args ...any) string { return Current().N(n, one, other, args...) }

// N translates a sentence that counts into l (see the package's N).
func (l Lang) N(n int, one, other string, args ...any) string {
	key := other
	if l.one(n) {
		key = one
	}
	return l.T(key, append([]any{n}, args...)...)
}

// one is the CLDR plural rule of l for whole numbers: whether n takes the form for one. English and
// Spanish say one of 1 only; French of 0 and 1.
func (l Lang) one(n int) bool {
	n = max(n, -n)
	if l.Code() == "fr" {
		return n <= 1
	}
	return n == 1
}
