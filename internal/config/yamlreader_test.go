package config

import (
	"testing"

	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
)

func TestYAMLReader(t *testing.T) {
	tests := []struct {
		src     string
		want    loader.Reader
		wantErr string
	}{
		{"", loader.ReaderEither, ""},
		{"yaml_reader: elasticsearch\n", loader.ReaderElasticsearch, ""},
		{"yaml_reader: yaml-1.2\n", loader.ReaderYAML12, ""},
		{"yaml_reader: either\n", loader.ReaderEither, ""},
		{"yaml_reader: jackson\n", loader.ReaderEither,
			`.rolemap-lint.yaml:1:14: yaml_reader: unknown YAML reader "jackson" (want elasticsearch, yaml-1.2 or either)`},
	}
	for _, tt := range tests {
		c, err := parseTest(t, tt.src)
		switch {
		case tt.wantErr != "":
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%q: error %v, want %s", tt.src, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("%q: %v", tt.src, err)
		case c.YAMLReader != tt.want:
			t.Errorf("%q: reader %v, want %v", tt.src, c.YAMLReader, tt.want)
		}
	}
}
