package workload

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"
)

// BenchmarkProcess times the rolemap-lint binary as a user runs it
// (`check -q .` and `lint -q .` in a generated repository, start-up
// included) against the floor measured in the same run: reading every file
// of the repository and decoding it into Go values (encoding/json for
// JSON, yaml.v3 for YAML). It reports the medians in ms, the ratios to the
// floor and the peak RSS of check:
//
//	go test -run '^$' -bench Process -benchtime 5x ./internal/workload
//
// The sizes are 100 mappings and 20 users, then 1,000/100, 4,000/400 and
// 10,000/1,000 (4× both between 2,500/250 and 10,000/1,000, to see the growth).
func BenchmarkProcess(b *testing.B) {
	bin := buildBinary(b)
	for _, spec := range []Spec{{Mappings: 100, Users: 20}, {Mappings: 1000, Users: 100}, {Mappings: 2500, Users: 250}, {Mappings: 10000, Users: 1000}} {
		b.Run(fmt.Sprintf("mappings=%d,users=%d", spec.Mappings, spec.Users), func(b *testing.B) {
			dir := b.TempDir()
			if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
				b.Fatal(err)
			}
			files, err := Generate(dir, spec)
			if err != nil {
				b.Fatal(err)
			}
			var floor, check, lint, checkCPU []time.Duration
			var rss int64
			for b.Loop() {
				floor = append(floor, readAndDecode(b, dir, files.All()))
				r := runBinary(b, bin, dir, "check", "-q", ".")
				check, checkCPU = append(check, r.wall), append(checkCPU, r.cpu)
				rss = max(rss, r.maxRSS)
				lint = append(lint, runBinary(b, bin, dir, "lint", "-q", ".").wall)
			}
			f, c, l := median(floor), median(check), median(lint)
			b.ReportMetric(ms(f), "floor-ms")
			b.ReportMetric(ms(c), "check-ms")
			b.ReportMetric(ms(l), "lint-ms")
			b.ReportMetric(float64(c)/float64(f), "check/floor")
			b.ReportMetric(float64(l)/float64(f), "lint/floor")
			b.ReportMetric(float64(rss)/1024, "check-peak-MB")
			b.ReportMetric(ms(median(checkCPU)), "check-cpu-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration{}, ds...)
	for i := range s { // insertion sort: a handful of samples
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s[len(s)/2]
}

// buildBinary builds cmd/rolemap-lint into a temporary directory, or
// returns $ROLEMAP_LINT_BENCH_BINARY when set (to time another build, such
// as an older commit's, against the same floor).
func buildBinary(b *testing.B) string {
	if bin := os.Getenv("ROLEMAP_LINT_BENCH_BINARY"); bin != "" {
		return bin
	}
	bin := filepath.Join(b.TempDir(), "rolemap-lint")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/rolemap-lint/rolemap-lint/cmd/rolemap-lint")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// usage is what one run of the binary cost.
type usage struct {
	wall, cpu time.Duration // cpu: user + system time
	maxRSS    int64         // KiB
}

// runBinary runs the binary in dir and fails unless it exits 0.
func runBinary(b *testing.B, bin, dir string, args ...string) usage {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		b.Fatalf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, out.String())
	}
	u := usage{wall: d, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.maxRSS = ru.Maxrss
	}
	return u
}

// readAndDecode is the floor: read each file and decode it into Go values.
func readAndDecode(b *testing.B, dir string, files []string) time.Duration {
	start := time.Now()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			b.Fatal(err)
		}
		var v any
		if strings.HasSuffix(f, ".json") {
			err = json.Unmarshal(data, &v)
		} else {
			err = yaml.Unmarshal(data, &v)
		}
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
	}
	return time.Since(start)
}
