package rules

import (
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	if got := quote(`a"b`); got != `"a\"b"` {
		t.Errorf("quote = %s", got)
	}
	short := strings.Repeat("é", quoteMax/2)
	if got := quote(short); got != `"`+short+`"` {
		t.Errorf("a string of %d bytes is not quoted whole", len(short))
	}
	long := strings.Repeat("é", 1_000_000) // 2 MB: cut at character boundaries
	got := quote(long)
	if len(got) > 600 || !strings.Contains(got, "…") || !strings.HasSuffix(got, "(2000000 bytes, 1999600 of them left out here)") {
		t.Errorf("quote of 2 MB = %.100s... (%d bytes)", got, len(got))
	}
}
