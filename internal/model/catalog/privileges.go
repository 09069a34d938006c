package catalog

import (
	"slices"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/input/source"
	"github.com/rolemap-lint/rolemap-lint/internal/lang/automaton"
)

// reservedSuperuser is the reserved native-realm superuser (ReservedRealm's
// "elastic"). A run_as pattern that matches it lets the role impersonate a
// superuser.
const reservedSuperuser = "elastic"

// escalationActions are the cluster actions that let a holder grant itself
// any privilege: create or change roles, users (who may be given
// superuser) and role mappings. A cluster action pattern covering any of
// them is treated like manage_security.
var escalationActions = []string{
	"cluster:admin/xpack/security/role/put",
	"cluster:admin/xpack/security/user/put",
	"cluster:admin/xpack/security/role_mapping/put",
}

// securityAdminPrivileges are named cluster privileges that administer
// parts of security without being manage_security.
var securityAdminPrivileges = []string{
	"delegate_pki", "grant_api_key", "manage_api_key", "manage_oidc", "manage_own_api_key",
	"manage_saml", "manage_service_account", "manage_token", "manage_user_profile",
}

// maxPatternLength bounds the run_as regexes compiled into automata; longer
// ones are not examined (no real role needs them).
const maxPatternLength = 4096

// isClusterAction is ClusterPrivilegeResolver.isClusterAction: a raw action
// pattern rather than a named privilege.
func isClusterAction(name string) bool {
	return strings.HasPrefix(name, "cluster:") ||
		strings.HasPrefix(name, "indices:admin/template/") ||
		strings.HasPrefix(name, "indices:admin/index_template/")
}

// stringList collects the string elements of an array value (or a single
// string, which Elasticsearch also reads as a one-element array in some
// fields); other values are ignored: full role validation is not modelled.
func stringList(v *source.Value) []string {
	switch {
	case v == nil:
		return nil
	case v.Kind == source.String:
		return []string{v.Str}
	case v.Kind == source.Array:
		out := make([]string, 0, len(v.Items))
		for _, it := range v.Items {
			if it.Kind == source.String {
				out = append(out, it.Str)
			}
		}
		return out
	}
	return nil
}

// runAsCache remembers run_as verdicts by pattern within one file, so a
// regex repeated in many roles is compiled once. A nil cache is valid.
type runAsCache map[string]bool

// maxCachedPatterns bounds a runAsCache.
const maxCachedPatterns = 10000

// matchesSuperuser is runAsMatchesSuperuser through the cache.
func (c runAsCache) matchesSuperuser(pattern string) bool {
	if v, ok := c[pattern]; ok {
		return v
	}
	v := runAsMatchesSuperuser(pattern)
	if c != nil && len(c) < maxCachedPatterns {
		c[pattern] = v
	}
	return v
}

// summarize reads the security-relevant privileges of a role body.
func summarize(body *source.Value, cache runAsCache) Privileges {
	var p Privileges
	for _, m := range body.Distinct() {
		switch m.Key {
		case "cluster":
			p.Cluster = stringList(m.Value)
			for _, c := range p.Cluster {
				clusterPrivilege(&p, c)
			}
		case "run_as":
			p.RunAs = stringList(m.Value)
			for _, r := range p.RunAs {
				if cache.matchesSuperuser(r) {
					p.RunAsSuperuser = true
				}
			}
		case "indices", "index":
			if m.Value != nil && m.Value.Kind == source.Array {
				for _, it := range m.Value.Items {
					if indexAllOnAll(it) {
						p.IndexAllOnAll = true
					}
				}
			}
		}
	}
	slices.Sort(p.SecurityAdmin)
	p.SecurityAdmin = slices.Compact(p.SecurityAdmin)
	return p
}

// clusterPrivilege records one cluster privilege, resolved like
// ClusterPrivilegeResolver.resolve (names are lower-cased first).
func clusterPrivilege(p *Privileges, name string) {
	lower := strings.ToLower(name)
	switch {
	case lower == "all":
		p.ClusterAll = true
	case lower == "manage_security":
		p.ManageSecurity = true
	case slices.Contains(securityAdminPrivileges, lower):
		p.SecurityAdmin = append(p.SecurityAdmin, lower)
	case isClusterAction(lower):
		// ClusterPrivilegeResolver.actionToPattern appends "*".
		pattern := lower + "*"
		for _, a := range escalationActions {
			if wildcardMatch(pattern, a) {
				p.ManageSecurity = true
				return
			}
		}
		if strings.HasPrefix(lower, "cluster:admin/xpack/security/") {
			p.SecurityAdmin = append(p.SecurityAdmin, lower)
		}
	}
}

// runAsMatchesSuperuser reports whether a run_as entry, read as
// Automatons.pattern reads it ("/regex/", "*", or a wildcard), matches the
// reserved superuser's name.
func runAsMatchesSuperuser(pattern string) bool {
	if pattern == "*" {
		return true
	}
	if strings.HasPrefix(pattern, "/") {
		if len(pattern) < 2 || !strings.HasSuffix(pattern, "/") || len(pattern) > maxPatternLength {
			return false // Elasticsearch rejects an unterminated regex; huge ones are not examined
		}
		a, err := automaton.CompileRegexp(pattern[1:len(pattern)-1], automaton.Options{})
		return err == nil && a.Match(reservedSuperuser)
	}
	return wildcardMatch(pattern, reservedSuperuser)
}

// indexAllOnAll reports an indices entry granting "all" on "*".
func indexAllOnAll(entry *source.Value) bool {
	if entry == nil || entry.Kind != source.Object {
		return false
	}
	names := stringList(entry.Get("names"))
	privs := stringList(entry.Get("privileges"))
	return slices.Contains(names, "*") && slices.ContainsFunc(privs, func(s string) bool {
		return strings.ToLower(s) == "all"
	})
}
