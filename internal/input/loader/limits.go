package loader

import (
	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Limits bound the shape of one JSON or YAML file, so that a file within
// the size limit still cannot make a run hold millions of values in one
// place. A zero field is no bound. A file that passes one is not checked:
// the loader returns no value and an info finding of check CheckBudget
// that names the setting raising the limit.
type Limits struct {
	// ArrayItems bounds the values of one array.
	ArrayItems int64
	// ObjectKeys bounds the members of one object, duplicate keys included.
	ObjectKeys int64
	// StringLength bounds the bytes of one string or key (after escapes
	// are decoded).
	StringLength int64
}

// LimitsOf returns the loader's limits among the run's.
func LimitsOf(l budget.Limits) Limits {
	return Limits{ArrayItems: l.ArrayItems, ObjectKeys: l.ObjectKeys, StringLength: l.StringLength}
}

// arrayFull returns the error for an array that already has n values and
// gets one more, or nil.
func (l Limits) arrayFull(n int) *budget.Error {
	if l.ArrayItems > 0 && int64(n) >= l.ArrayItems {
		return &budget.Error{Setting: budget.SettingArrayItems, What: "values in one array", Limit: l.ArrayItems}
	}
	return nil
}

// objectFull returns the error for an object that already has n members
// and gets one more, or nil.
func (l Limits) objectFull(n int) *budget.Error {
	if l.ObjectKeys > 0 && int64(n) >= l.ObjectKeys {
		return &budget.Error{Setting: budget.SettingObjectKeys, What: "members in one object", Limit: l.ObjectKeys}
	}
	return nil
}

// stringTooLong returns the error for a string of n bytes, or nil.
func (l Limits) stringTooLong(n int) *budget.Error {
	if l.StringLength > 0 && int64(n) > l.StringLength {
		return &budget.Error{Setting: budget.SettingStringLength, What: "bytes in one string", Limit: l.StringLength}
	}
	return nil
}

// limitFinding is the info finding for a file not checked because it
// passes a limit, at the value that passed it.
func limitFinding(f *source.File, start, end int, err *budget.Error) diag.Diagnostic {
	d := diag.At(CheckBudget, span(f, start, end), "the file is not checked: %v", err)
	d.Level = diag.Info
	return d
}
