package config

import (
	"fmt"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
)

// Cluster is one entry of the config's `clusters:` map: a set of files that
// Elasticsearch reads as one cluster (for example envs/prod/**). Each
// cluster is its own namespace of mapping names with its own catalog,
// realms, es_version and fixtures.
type Cluster struct {
	// Name is the cluster's key in the config.
	Name string
	// Paths say which files belong to the cluster (relative to the config
	// directory). They give membership only: a file is still a role
	// mapping source only when discovery claims it.
	Paths []*Glob
	// Span is the cluster's key in the config.
	Span source.Span
	// Config is the effective configuration of the cluster: the top-level
	// keys with the cluster's own keys in their place. It has no clusters.
	// Its Problems repeat those of the top-level keys it inherits, so that
	// a run over any one cluster reports them; a run over several reports
	// each once.
	Config *Config
}

// clusterFixedKeys are the top-level keys a cluster cannot override:
// clusters do not nest, exclude decides which files a run reads at all,
// before any file is given a cluster, and limits size the budgets of the
// whole config file, which its clusters share.
var clusterFixedKeys = []string{"clusters", "exclude", "limits"}

// maxClusters bounds the clusters of one config: each is decoded from the
// whole config, so the work grows with clusters × config size.
const maxClusters = 64

// clusterKeys are the keys of a cluster entry: paths, plus every top-level
// key a cluster may override.
func clusterKeys() []string {
	keys := []string{"paths"}
	for _, k := range topKeys {
		if !contains(clusterFixedKeys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// Members returns the clusters a path (slash-separated, relative to the
// config directory) belongs to, in config order: those with a paths
// pattern that matches the path or one of its parent directories, so
// "envs/prod" and "envs/prod/**" both hold envs/prod/a.json.
func (c *Config) Members(relPath string) []*Cluster {
	var out []*Cluster
	segs := splitPath(relPath)
	for _, cl := range c.Clusters {
	next:
		for n := len(segs); n > 0; n-- {
			p := strings.Join(segs[:n], "/")
			for _, g := range cl.Paths {
				if g.Match(p) {
					out = append(out, cl)
					break next
				}
			}
		}
	}
	return out
}

// Cluster returns the cluster with the given name, or nil.
func (c *Config) Cluster(name string) *Cluster {
	for _, cl := range c.Clusters {
		if cl.Name == name {
			return cl
		}
	}
	return nil
}

// ClusterNames lists the cluster names in config order.
func (c *Config) ClusterNames() []string {
	out := make([]string, len(c.Clusters))
	for i, cl := range c.Clusters {
		out[i] = cl.Name
	}
	return out
}

// clusters decodes the `clusters:` map. Each cluster's effective config is
// decoded from the document root with the cluster's keys put in place of
// the top-level ones, so every top-level key (those added later included)
// can be overridden without code of its own here. It runs after the
// top-level keys decoded without error, so that their errors are reported
// once.
func (d *decoder) clusters(root, n *yaml.Node) {
	if !d.mapping(n, "clusters") {
		return
	}
	if len(n.Content)/2 > maxClusters {
		d.errorf(n, "clusters: %d clusters, more than the %d one config may declare", len(n.Content)/2, maxClusters)
		return
	}
	seen := map[string]*yaml.Node{}
	keys := clusterKeys()
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" || strings.TrimSpace(k.Value) == "" {
			d.errorf(k, "clusters: keys must be cluster names (non-empty strings), got %s", kindName(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, "duplicate cluster %q in clusters (first defined at line %d)", k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		where := "clusters." + k.Value
		if v.Kind == yaml.AliasNode {
			d.errorf(v, "%s: YAML aliases are not supported in the config", where)
			continue
		}
		if !d.mapping(v, where) {
			continue
		}
		cl := &Cluster{Name: k.Value, Span: nodeSpan(d.c.File, k)}
		var overrides []*yaml.Node // key, value pairs
		for j := 0; j+1 < len(v.Content); j += 2 {
			ck := v.Content[j]
			if ck.Kind == yaml.ScalarNode && contains(clusterFixedKeys, ck.Value) {
				d.errorf(ck, "%s: %q cannot be set per cluster (set it at the top level)", where, ck.Value)
				continue
			}
		}
		d.fields(v, where, keys, func(key string, ck, cv *yaml.Node) {
			if key == "paths" {
				cl.Paths = d.globs(cv, where+".paths")
				if cv.Kind == yaml.SequenceNode && len(cv.Content) == 0 {
					d.errorf(cv, "%s.paths: list at least one pattern of the files that belong to the cluster", where)
				}
				return
			}
			overrides = append(overrides, ck, cv)
		})
		if !hasKey(v, "paths") {
			d.errorf(k, "%s: missing required key \"paths\" (the files that belong to the cluster, e.g. [\"envs/%s/**\"])", where, k.Value)
		}
		sub := &decoder{c: newConfig(d.c.Path, d.c.Dir), opt: d.opt}
		sub.c.File = d.c.File
		sub.top(mergeTop(root, overrides))
		for _, e := range sub.errs {
			e.Msg = where + ": " + e.Msg
		}
		d.errs = append(d.errs, sub.errs...)
		if !overridden(overrides, "ignore") {
			// The same entries, so that a run tracks their use once.
			sub.c.Ignores = d.c.Ignores
		}
		cl.Config = sub.c
		d.c.Clusters = append(d.c.Clusters, cl)
	}
}

// mergeTop returns a copy of the root mapping without `clusters`, with each
// overridden key's value replaced (keys a cluster adds are appended).
func mergeTop(root *yaml.Node, overrides []*yaml.Node) *yaml.Node {
	merged := *root
	merged.Content = nil
	done := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value == "clusters" {
			continue
		}
		for j := 0; j+1 < len(overrides); j += 2 {
			if overrides[j].Value == k.Value {
				k, v = overrides[j], overrides[j+1]
				done[k.Value] = true
			}
		}
		merged.Content = append(merged.Content, k, v)
	}
	for j := 0; j+1 < len(overrides); j += 2 {
		if !done[overrides[j].Value] {
			merged.Content = append(merged.Content, overrides[j], overrides[j+1])
		}
	}
	return &merged
}

func overridden(overrides []*yaml.Node, key string) bool {
	for j := 0; j+1 < len(overrides); j += 2 {
		if overrides[j].Value == key {
			return true
		}
	}
	return false
}

// String names the cluster in messages.
func (cl *Cluster) String() string { return fmt.Sprintf("cluster %q", cl.Name) }

// AbsFrom resolves a slash-separated path as reports name files (relative
// to dir, or absolute when the file lies outside dir) to an absolute path.
func AbsFrom(dir, rel string) string {
	p := filepath.FromSlash(rel)
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}
