package produce

import (
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// fullDecodings returns the raw values whose encoding is all of s.
func fullDecodings(chain []encoder, s string) []string {
	m := newMatcher(newLangCtx(automaton.Ops{}), s)
	var out []string
	m.decodings(chain, 0, func(j int, v func() string) {
		if j == len(m.role) {
			out = append(out, v())
		}
	})
	return out
}

func TestEncoders(t *testing.T) {
	values := []string{"", "abc", `a"b\c`, "tab\there", "\x00\x01\x1f\x7f", "é ü", "😀", "a b+c%d", "/*-_.~", "\b\f\n\r", "\u2028"}
	chains := [][]encoder{{encJSON}, {encURL}, {encJSON, encURL}, {encURL, encJSON}}
	ctx := newLangCtx(automaton.Ops{})
	for _, chain := range chains {
		outer := chain[len(chain)-1]
		image, err := ctx.compile(outer.imageRegex())
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range values {
			enc := applyChain(chain, v)
			if got := fullDecodings(chain, enc); len(got) != 1 || got[0] != v {
				t.Errorf("chain %v: %q encodes to %q, which decodes to %q", chain, v, enc, got)
			}
			if !image.Match(enc) {
				t.Errorf("chain %v: %q not in the image regex", chain, enc)
			}
		}
	}
	// Texts the encoders never write do not decode.
	bad := map[encoder][]string{
		encJSON: {`\u0041`, `\/`, `"`, "\n", `\`, `\u001f`, `\x`},
		encURL:  {"%41", "%20", "%e2%82%ac", " ", "%", "%E2%82", "%C3%A9%", "~"},
	}
	for e, ss := range bad {
		for _, s := range ss {
			if got := fullDecodings([]encoder{e}, s); len(got) != 0 {
				t.Errorf("%v: %q decodes to %q", e, s, got)
			}
		}
	}
	// Text made of kept characters is its own encoding.
	for _, e := range []encoder{encJSON, encURL} {
		keep, err := ctx.compile("[" + e.keepSet() + "]*")
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range values {
			if keep.Match(v) && e.apply(v) != v {
				t.Errorf("%v changes kept text %q", e, v)
			}
		}
	}
}
