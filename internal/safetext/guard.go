package safetext

import (
	"bytes"
	"io"
)

// A CI runner reads a line of a job's log as a command when, after leading
// white space, it starts with "::" (GitHub Actions workflow commands, the
// runner's ActionCommand.TryParseV2) or "##" ("##[command]" of the older
// syntax, "##vso[" of Azure Pipelines). Escape keeps attacker-controlled
// text from starting a new line, but such text can still stand at the
// start of a line the tool prints, such as a file named "::error::x.json"
// in front of a finding.

// GuardLine returns line with its first character written as \x3a or \x23
// when the line, after leading spaces, tabs and the tool's own colour
// codes, starts with "::" or "##"; otherwise line unchanged. line holds no
// line break.
func GuardLine(line string) string {
	i := commandStart([]byte(line))
	if i < 0 {
		return line
	}
	return line[:i] + hexEscape(line[i]) + line[i+1:]
}

// commandStart is the index of the "::" or "##" that starts line as a
// runner command, or -1.
func commandStart(line []byte) int {
	i := 0
	for i < len(line) {
		switch {
		case line[i] == ' ' || line[i] == '\t':
			i++
		case line[i] == 0x1b && i+1 < len(line) && line[i+1] == '[':
			// An SGR colour sequence the text format wrote: ESC [ digits ; m.
			j := i + 2
			for j < len(line) && (line[j] >= '0' && line[j] <= '9' || line[j] == ';') {
				j++
			}
			if j >= len(line) || line[j] != 'm' {
				return -1
			}
			i = j + 1
		default:
			if i+1 < len(line) && (line[i] == ':' && line[i+1] == ':' || line[i] == '#' && line[i+1] == '#') {
				return i
			}
			return -1
		}
	}
	return -1
}

func hexEscape(c byte) string {
	const digits = "0123456789abcdef"
	return `\x` + string(digits[c>>4]) + string(digits[c&0xf])
}

// Guard is a writer for human-readable output (the text report, explain,
// messages on standard error) that applies GuardLine to every line it
// passes on. It holds back the current line until its line break or
// Flush, so Flush must be called when the output is complete.
type Guard struct {
	w    io.Writer
	line []byte
	err  error
}

// NewGuard returns a Guard writing to w.
func NewGuard(w io.Writer) *Guard { return &Guard{w: w} }

// Write implements io.Writer.
func (g *Guard) Write(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n := len(p)
	for len(p) > 0 {
		nl := bytes.IndexByte(p, '\n')
		if nl < 0 {
			g.line = append(g.line, p...)
			break
		}
		g.line = append(g.line, p[:nl+1]...)
		p = p[nl+1:]
		if err := g.emit(); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// Flush writes the last line when it has no line break.
func (g *Guard) Flush() error {
	if g.err != nil {
		return g.err
	}
	if len(g.line) == 0 {
		return nil
	}
	return g.emit()
}

func (g *Guard) emit() error {
	line := g.line
	if i := commandStart(line); i >= 0 {
		esc := hexEscape(line[i])
		out := make([]byte, 0, len(line)+3)
		out = append(append(append(out, line[:i]...), esc...), line[i+1:]...)
		line = out
	}
	_, err := g.w.Write(line)
	g.line = g.line[:0]
	if err != nil {
		g.err = err
	}
	return err
}
