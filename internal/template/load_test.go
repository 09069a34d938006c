package template

import (
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/testload"
)

// The tests parse their JSON inputs with the shared test loader.
var (
	loadJSON = testload.LoadJSON
	mustLoad = testload.MustLoad
	spanText = testload.SpanText
)

func TestLoadJSON(t *testing.T) {
	v := mustLoad(t, ` {"a": [1, "x\"y", {"b": null}], "c": true} `)
	if got := spanText(v.Span); got != `{"a": [1, "x\"y", {"b": null}], "c": true}` {
		t.Errorf("object span %q", got)
	}
	a := v.Get("a")
	if spanText(a.Items[1].Span) != `"x\"y"` || a.Items[1].Str != `x"y` {
		t.Errorf("string item %q %q", spanText(a.Items[1].Span), a.Items[1].Str)
	}
	if spanText(v.Members[1].KeySpan) != `"c"` {
		t.Errorf("key span %q", spanText(v.Members[1].KeySpan))
	}
}
