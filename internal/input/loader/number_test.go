package loader

import (
	"strings"
	"testing"
)

func TestJSONNumber(t *testing.T) {
	tests := []struct {
		in      string
		intOnly bool
		want    string // normalized literal, "!" for not a number, "~x" for special x
	}{
		{"0", false, "0"},
		{"-0", false, "-0"},
		{"+12", false, "12"},
		{"0777", true, "777"},
		{"00", true, "0"},
		{"1_000", true, "1000"},
		{"0x1F", true, "31"},
		{"0X1f", true, "31"},
		{"-0x10", true, "-16"},
		{"-0x0", true, "0"},
		{"0o17", true, "15"},
		{"0b101", true, "5"},
		{"0x", true, "!"},
		{"0xZZ", true, "!"},
		{"0x" + strings.Repeat("f", maxRadixDigits), true, "!"},
		{"99999999999999999999999", true, "99999999999999999999999"},
		{"1.5", false, "1.5"},
		{"1.5", true, "!"},
		{".5", false, "0.5"},
		{"-.5", false, "-0.5"},
		{"1.", false, "1"},
		{"01.50", false, "1.50"},
		{"1e3", false, "1e3"},
		{"1E-3", false, "1E-3"},
		{"2.5e+10", false, "2.5e+10"},
		{".inf", false, "~infinity"},
		{"-.INF", false, "~infinity"},
		{".NaN", false, "~NaN"},
		{".inf", true, "!"},
		{"abc", false, "!"},
		{"", false, "!"},
		{"1:30", false, "!"},
	}
	for _, tt := range tests {
		num, special, ok := jsonNumber(tt.in, tt.intOnly)
		got := num
		switch {
		case special != "":
			got = "~" + special
		case !ok:
			got = "!"
		}
		if got != tt.want {
			t.Errorf("jsonNumber(%q, %v) = %q, want %q", tt.in, tt.intOnly, got, tt.want)
		}
	}
}

func TestYAML11Difference(t *testing.T) {
	tests := []struct {
		in   string
		want string // substring, "" for no difference
	}{
		{"yes", "the boolean true"},
		{"YES", "the boolean true"},
		{"Y", "the boolean true"},
		{"On", "the boolean true"},
		{"no", "the boolean false"},
		{"n", "the boolean false"},
		{"OFF", "the boolean false"},
		{"true", ""},
		{"yess", ""},
		{"1:30", "base-60 number 90"},
		{"-1:00:00", "base-60 number -3600"},
		{"190:20:30", "base-60 number 685230"},
		{"1:30.5", "base-60 number 90.5"},
		{"1:60", ""},
		{"12:30:00Z", ""},
		{"0777", "octal number 511"},
		{"-010", "the decimal number -10 in YAML 1.2 (how this tool reads it) but the octal number -8"},
		{"0_10", "octal number 8"},
		{"07", ""},
		{"00", ""},
		{"08", "not a valid number in YAML 1.1"},
		{"0", ""},
		{"0.5", ""},
		{"0x1F", ""},
	}
	for _, tt := range tests {
		got := yaml11Difference(tt.in)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("yaml11Difference(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
