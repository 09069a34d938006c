package mustache

import (
	"strconv"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
)

// lookup resolves name against the scope stack as mustache.java's
// ReflectionObjectHandler.find does with Elasticsearch's object handler:
// innermost scope first; in each scope the whole name is tried as a key
// before dot notation is walked; a dotted walk that starts in a scope
// never falls back to outer scopes once its first segment was found.
// Only maps (and collections, through CollectionMap) have keys.
func lookup(name string, scopes []any) (any, error) {
	if name == "." {
		if len(scopes) == 0 {
			return nil, nil
		}
		return scopes[len(scopes)-1], nil
	}
next:
	for i := len(scopes) - 1; i >= 0; i-- {
		scope := scopes[i]
		if scope == nil {
			continue
		}
		v, found, err := member(scope, name)
		if err != nil || found {
			return v, err
		}
		sub := name
		walked := false
		cur := scope
		for {
			dot := strings.IndexByte(sub, '.')
			if dot < 0 {
				break
			}
			seg := sub[:dot]
			sub = sub[dot+1:]
			v, found, err := member(cur, seg)
			if err != nil {
				return nil, err
			}
			if !found {
				continue next
			}
			walked = true
			cur = java.Coerce(v)
			if cur == nil {
				break
			}
		}
		v, found, err = member(cur, sub)
		if err != nil || found {
			return v, err
		}
		if walked {
			return nil, nil
		}
	}
	return nil, nil
}

// member looks key up in one scope value (after coercion).
func member(scope any, key string) (any, bool, error) {
	switch s := java.Coerce(scope).(type) {
	case *java.Map:
		v, ok := s.Get(key)
		return v, ok, nil
	case *java.CollectionMap:
		// CollectionMap.containsKey(k) is get(k) != null.
		if key == "size" {
			return java.Int(len(s.L.Items)), true, nil
		}
		idx, ok := java.ParseInt(key)
		if !ok {
			return nil, false, nil
		}
		if idx < 0 {
			return nil, false, &Error{Kind: Runtime, Msg: "java.lang.IllegalArgumentException: position >= 0"}
		}
		if int(idx) >= len(s.L.Items) {
			return nil, false, &Error{Kind: Runtime, Msg: "java.lang.IndexOutOfBoundsException: " + strconv.Itoa(int(idx))}
		}
		v := s.L.Items[idx]
		return v, v != nil, nil
	}
	return nil, false, nil
}
