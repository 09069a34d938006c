package repofs

import "sync"

// Set opens each repository root once for the PATHs of one run. The zero
// value is ready to use; Close releases every root it opened.
type Set struct {
	mu    sync.Mutex
	roots map[string]*FS
}

// For returns the FS of anchor's repository root (see FindRoot).
func (s *Set) For(anchor, configDir string) (*FS, error) {
	dir, err := FindRoot(anchor, configDir)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.roots[dir]; ok {
		return f, nil
	}
	f, err := Open(dir)
	if err != nil {
		return nil, err
	}
	if s.roots == nil {
		s.roots = map[string]*FS{}
	}
	s.roots[dir] = f
	return f, nil
}

// Close closes every root opened by For.
func (s *Set) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var first error
	for dir, f := range s.roots {
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
		delete(s.roots, dir)
	}
	return first
}
