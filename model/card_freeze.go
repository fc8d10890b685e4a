package model

// Cancellable reports whether the freeze can still be cancelled on day
// today: it has not ended.
func (f CardFreeze) Cancellable(today Date) bool { return !today.After(f.To) }

// CancelFreeze works out what cancelling freeze f on day today leaves of
// it. A freeze that has not started, or starts today, is removed; one under
// way ends the day before, so that the card is valid again today; one that
// is over cannot be cancelled.
func CancelFreeze(f CardFreeze, today Date) (kept CardFreeze, removed bool, err *FieldError) {
	if !f.Cancellable(today) {
		return f, false, &FieldError{Key: "err.freeze.over", Args: map[string]any{"From": f.From, "To": f.To}}
	}
	if !today.After(f.From) {
		return CardFreeze{}, true, nil
	}
	f.To = today.AddDays(-1)
	return f, false, nil
}
