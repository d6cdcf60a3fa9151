package data

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// Lifecycle errors, worded for the user (and translation keys).
// i18n:keys: shown translated, so each string here is a translation key.
var (
	ErrNotDraft        = Plain("Only a draft can be sent for signature.")
	ErrNotSignable     = Plain("Signatures can only be recorded on an agreement sent for signature or signed.")
	ErrAlreadyEnded    = Plain("This agreement has already ended.")
	ErrReasonRequired  = Plain("Say why the agreement is being ended.")
	ErrNoSuchParty     = Plain("That party is not part of this agreement.")
	ErrSignedInFuture  = Plain("A signature cannot be dated in the future.")
	ErrCannotRenewOpen = Plain("Only a signed agreement can be renewed.")
)

// SendForSignature moves a draft on: it is now the text the parties sign.
func (a *Agreement) SendForSignature(on Date) error {
	if a.Status != StatusDraft {
		return ErrNotDraft
	}
	a.Status, a.SentOn = StatusSent, on
	return nil
}

// RecordSignature notes that party i signed on a day (a zero day clears it). When every party has signed,
// the agreement is signed; from its start date it reads as active.
func (a *Agreement) RecordSignature(i int, on, today Date) error {
	switch {
	case a.Status != StatusSent && a.Status != StatusSigned:
		return ErrNotSignable
	case i < 0 || i >= len(a.Parties):
		return ErrNoSuchParty
	case on.After(today):
		return ErrSignedInFuture
	}
	a.Parties[i].Signatory.SignedOn = on
	if a.AllSigned() {
		a.Status = StatusSigned
	} else {
		a.Status = StatusSent
	}
	return nil
}

// Terminate ends an agreement early, on a day and for a reason.
func (a *Agreement) Terminate(on Date, reason string) error {
	if a.Status == StatusTerminated || a.StatusOn(on) == StatusExpired {
		return ErrAlreadyEnded
	}
	if strings.TrimSpace(reason) == "" {
		return ErrReasonRequired
	}
	a.Status, a.TerminatedOn, a.TerminationReason = StatusTerminated, on, reason
	return nil
}

// Renew makes a new draft that carries the agreement on: same parties, terms and goals, starting the day
// after this one ends (or today, for one with no end) and lasting as long, at its first wording version;
// signatures, prints and scans stay with the old one.
func (a *Agreement) Renew(today Date) (*Agreement, error) {
	if a.Status != StatusSigned {
		return nil, ErrCannotRenewOpen
	}
	b, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	next := &Agreement{}
	if err := json.Unmarshal(b, next); err != nil {
		return nil, err
	}
	next.Meta = Meta{}
	next.Status, next.SentOn, next.RenewalOf = StatusDraft, Date{}, a.ID
	next.Wording, next.Attachments, next.Amendments = Wording{}, nil, nil
	for i := range next.Parties {
		next.Parties[i].Signatory.SignedOn = Date{}
	}
	next.Start = today
	if !a.End.IsZero() {
		next.Start = a.End.AddDays(1)
	}
	if !a.Start.IsZero() && !a.End.IsZero() {
		next.End = next.Start.AddDays(a.Start.DaysUntil(a.End))
	}
	for i := range next.Goals {
		next.Goals[i].ID = NewID()
		if !next.Goals[i].Due.IsZero() && !a.Start.IsZero() {
			next.Goals[i].Due = next.Goals[i].Due.AddDays(a.Start.DaysUntil(next.Start))
		}
	}
	return next, nil
}

// Reworded says whether a changes what the parties signed in stored — its wording or its parties —
// other than by adding a dated amendment, the way a signed agreement is changed in writing.
func (a *Agreement) Reworded(stored *Agreement) bool {
	if stored.Status != StatusSigned {
		return false
	}
	mine, signed := *a, *stored
	mine.Amendments, signed.Amendments = nil, nil
	return !bytes.Equal(mine.wordingJSON(), signed.wordingJSON())
}

// Amended is stored, as signed, with a's non-wording changes kept and a dated amendment added that says in
// text what changed: how a change to a signed agreement is recorded without rewording what was signed.
func (a *Agreement) Amended(stored *Agreement, on Date, text string) *Agreement {
	amended := Clone(stored)
	amended.Meta, amended.Attachments, amended.Custom = a.Meta, a.Attachments, a.Custom
	amended.Amendments = append(slices.Clone(a.Amendments), Amendment{Date: on, Text: text, Version: stored.Wording.Version})
	return amended
}

// NewVersion is a draft carrying a's wording, to be signed again in place of stored, which stays as it
// was signed (and in force) until then.
func (a *Agreement) NewVersion(stored *Agreement) *Agreement {
	next := Clone(a)
	next.Meta, next.Wording, next.Attachments = Meta{}, Wording{}, nil
	next.Status, next.SentOn, next.Replaces = StatusDraft, Date{}, stored.ID
	next.TerminatedOn, next.TerminationReason = Date{}, ""
	for i := range next.Parties {
		next.Parties[i].Signatory.SignedOn = Date{}
	}
	return next
}

// NewVersionsOf lists the agreements made as new versions of a signed one, to be signed in its place.
func NewVersionsOf(v View, id string) []*Agreement {
	var out []*Agreement
	for _, a := range List[Agreement](v) {
		if a.Replaces == id && id != "" {
			out = append(out, a)
		}
	}
	return out
}
