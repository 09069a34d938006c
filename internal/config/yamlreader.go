package config

import (
	"go.yaml.in/yaml/v3"

	"github.com/rolemap-lint/rolemap-lint/internal/input/loader"
)

// yamlReader decodes yaml_reader: which YAML reader the repository's YAML
// mapping files meet on their way to Elasticsearch ("elasticsearch" when
// they are sent as YAML, "yaml-1.2" when a YAML 1.2 tool converts them to
// JSON first, "either" when not known, the default). docs/yaml.md explains
// what each setting changes.
func (d *decoder) yamlReader(n *yaml.Node) {
	s, ok := d.str(n, "yaml_reader")
	if !ok {
		return
	}
	r, err := loader.ParseReader(s)
	if err != nil {
		d.errorf(n, "yaml_reader: %v", err)
		return
	}
	d.c.YAMLReader = r
}
