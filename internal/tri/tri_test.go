package tri

import "testing"

func TestString(t *testing.T) {
	for _, tt := range []struct {
		t    Tri
		want string
	}{{Unknown, "unknown"}, {Yes, "yes"}, {No, "no"}, {Tri(9), "unknown"}} {
		if got := tt.t.String(); got != tt.want {
			t.Errorf("%d.String() = %q, want %q", tt.t, got, tt.want)
		}
	}
	var zero Tri
	if zero != Unknown {
		t.Error("the zero value is not Unknown")
	}
}
