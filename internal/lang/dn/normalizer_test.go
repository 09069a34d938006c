package dn

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestNormalizerMatchesNormalize(t *testing.T) {
	var n Normalizer // zero value is usable
	inputs := []string{"CN=Foo,OU=Dept, O=Acme", "not-a-dn", "", " ", "cn=a+CN=A", "=bar"}
	for round := 0; round < 3; round++ {
		for _, s := range inputs {
			wantNorm, wantOK := Normalize(s)
			gotNorm, gotOK := n.Normalize(s)
			if gotNorm != wantNorm || gotOK != wantOK {
				t.Errorf("round %d: Normalize(%q) = %q, %v; want %q, %v", round, s, gotNorm, gotOK, wantNorm, wantOK)
			}
		}
	}
	if n.Len() != len(inputs) {
		t.Errorf("Len() = %d, want %d (failures are cached too)", n.Len(), len(inputs))
	}
}

func TestNormalizerIsBounded(t *testing.T) {
	n := NewNormalizer(3)
	for i := 0; i < 10; i++ {
		n.Normalize(fmt.Sprintf("cn=user%d,dc=example", i))
	}
	if n.Len() != 3 {
		t.Fatalf("Len() = %d, want 3", n.Len())
	}
	// The most recent entries survive; a re-used one is refreshed.
	n.Normalize("cn=user7,dc=example")
	n.Normalize("cn=new,dc=example")
	n.mu.Lock()
	_, has7 := n.index["cn=user7,dc=example"]
	_, has8 := n.index["cn=user8,dc=example"]
	n.mu.Unlock()
	if !has7 || has8 {
		t.Errorf("LRU order wrong: has user7=%v (want true), user8=%v (want false)", has7, has8)
	}

	long := "cn=" + strings.Repeat("x", MaxCachedLength)
	if norm, ok := n.Normalize(long); !ok || norm != long {
		t.Errorf("long input not normalized")
	}
	n.mu.Lock()
	_, cachedLong := n.index[long]
	n.mu.Unlock()
	if cachedLong {
		t.Errorf("inputs longer than MaxCachedLength must not be cached")
	}
	if NewNormalizer(0).Normalize("cn=x"); NewNormalizer(-1).Len() != 0 {
		t.Errorf("fresh normalizer must be empty")
	}
}

func TestNormalizerConcurrent(t *testing.T) {
	n := NewNormalizer(16)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				s := fmt.Sprintf("CN=User%d, DC=Example", (i+g)%40)
				want := fmt.Sprintf("cn=user%d,dc=example", (i+g)%40)
				if got, ok := n.Normalize(s); !ok || got != want {
					t.Errorf("Normalize(%q) = %q, %v", s, got, ok)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	if n.Len() > 16 {
		t.Errorf("Len() = %d exceeds capacity", n.Len())
	}
}
