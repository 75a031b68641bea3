package index

import (
	"errors"
	"fmt"
)

// ErrBadFilter is the error of a filter value that cannot be searched for:
// an unknown role, a GDPR reference that is none. Callers tell it from a
// failure of the index with errors.Is (veille exits with status 2).
var ErrBadFilter = errors.New("bad filter")

// filterError is a bad filter value; its message says which and how to fix it.
type filterError struct{ msg string }

func (e *filterError) Error() string        { return e.msg }
func (e *filterError) Is(target error) bool { return target == ErrBadFilter }

func badFilter(format string, args ...interface{}) error {
	return &filterError{msg: fmt.Sprintf(format, args...)}
}
