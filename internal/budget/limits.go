package budget

// Setting names: the keys of the `limits` section of .rolemap-lint.yaml.
const (
	SettingAutomatonStates = "limits.automaton_states"
	SettingAnalysisStates  = "limits.analysis_states"
	SettingAnalysisSteps   = "limits.analysis_steps"
	SettingPatternStates   = "limits.pattern_states"
	SettingYAMLNodes       = "limits.yaml_nodes"
	SettingYAMLNodesTotal  = "limits.yaml_nodes_total"
	SettingTemplateSteps   = "limits.template_steps"
	SettingPatternLength   = "limits.pattern_length"
	SettingFileSize        = "limits.file_size"
	SettingArrayItems      = "limits.array_items"
	SettingObjectKeys      = "limits.object_keys"
	SettingStringLength    = "limits.string_length"
)

// Limits are the sizes of a run's pools. A value <= 0 means the default.
type Limits struct {
	// AutomatonStates bounds the states (and transitions) built by every
	// automaton operation of the run: pattern compilations and the
	// intersections, unions and differences of rule analysis.
	AutomatonStates int64
	// AnalysisStates bounds the automaton states one question of rule
	// analysis (one mapping, one check) may build, so that one hard
	// mapping cannot use the whole run's pool.
	AnalysisStates int64
	// AnalysisSteps bounds the truth assignments and field decisions rule
	// analysis examines in the whole run.
	AnalysisSteps int64
	// PatternStates bounds the states of the compiled patterns the run
	// holds in memory (every distinct wildcard and regex, kept for the
	// whole run).
	PatternStates int64
	// YAMLNodes bounds the nodes of one YAML file after alias expansion.
	YAMLNodes int64
	// YAMLNodesTotal bounds the YAML nodes after alias expansion of the
	// whole run.
	YAMLNodesTotal int64
	// TemplateSteps bounds the steps of every role template rendering of
	// the run (fixture users, explain, checks that render templates).
	TemplateSteps int64
	// PatternLength bounds the length in bytes of one wildcard or regex:
	// a longer one is not compiled (parsing alone costs memory in
	// proportion to the length).
	PatternLength int64
	// FileSize bounds the size in bytes of one file read.
	FileSize int64
	// ArrayItems bounds the values of one JSON or YAML array (a field
	// rule's values, a mapping's roles).
	ArrayItems int64
	// ObjectKeys bounds the members of one JSON or YAML object (a dump's
	// mappings, duplicate keys included).
	ObjectKeys int64
	// StringLength bounds the length in bytes of one JSON or YAML string
	// or key.
	StringLength int64
}

// Defaults keep any input under 1 MB below 10 s and 512 MB on a small
// machine while leaving ordinary repositories (thousands of mappings)
// far from every limit; docs/security.md gives the measurements.
var Defaults = Limits{
	AutomatonStates: 8_000_000,
	AnalysisStates:  1_000_000,
	AnalysisSteps:   1_000_000,
	PatternStates:   2_000_000,
	YAMLNodes:       500_000,
	YAMLNodesTotal:  1_500_000,
	TemplateSteps:   50_000_000,
	PatternLength:   100_000,
	FileSize:        64 << 20,
	ArrayItems:      100_000,
	ObjectKeys:      200_000,
	StringLength:    10_000_000,
}

// WithDefaults returns l with every unset limit taken from Defaults.
func (l Limits) WithDefaults() Limits {
	pick := func(v, d int64) int64 {
		if v <= 0 {
			return d
		}
		return v
	}
	d := Defaults
	return Limits{
		AutomatonStates: pick(l.AutomatonStates, d.AutomatonStates),
		AnalysisStates:  pick(l.AnalysisStates, d.AnalysisStates),
		AnalysisSteps:   pick(l.AnalysisSteps, d.AnalysisSteps),
		PatternStates:   pick(l.PatternStates, d.PatternStates),
		YAMLNodes:       pick(l.YAMLNodes, d.YAMLNodes),
		YAMLNodesTotal:  pick(l.YAMLNodesTotal, d.YAMLNodesTotal),
		TemplateSteps:   pick(l.TemplateSteps, d.TemplateSteps),
		PatternLength:   pick(l.PatternLength, d.PatternLength),
		FileSize:        pick(l.FileSize, d.FileSize),
		ArrayItems:      pick(l.ArrayItems, d.ArrayItems),
		ObjectKeys:      pick(l.ObjectKeys, d.ObjectKeys),
		StringLength:    pick(l.StringLength, d.StringLength),
	}
}

// Run holds the pools of one run. A nil *Run has no run-wide bounds (only
// the per-operation ones of each package).
type Run struct {
	// Limits are the sizes, defaults filled in.
	Limits Limits
	// AutomatonStates, AnalysisSteps, PatternStates, YAMLNodes and
	// TemplateSteps are the run-wide pools.
	AutomatonStates *Pool
	AnalysisSteps   *Pool
	PatternStates   *Pool
	YAMLNodes       *Pool
	TemplateSteps   *Pool
}

// New returns the pools of a run with the given limits (unset ones take
// their defaults).
func New(l Limits) *Run {
	l = l.WithDefaults()
	return &Run{
		Limits:          l,
		AutomatonStates: NewPool(SettingAutomatonStates, "automaton states for the run", l.AutomatonStates),
		AnalysisSteps:   NewPool(SettingAnalysisSteps, "rule analysis steps for the run", l.AnalysisSteps),
		PatternStates:   NewPool(SettingPatternStates, "states of compiled patterns held by the run", l.PatternStates),
		YAMLNodes:       NewPool(SettingYAMLNodesTotal, "YAML nodes after alias expansion for the run", l.YAMLNodesTotal),
		TemplateSteps:   NewPool(SettingTemplateSteps, "role template rendering steps for the run", l.TemplateSteps),
	}
}

// Question returns the automaton-state pool of one question of rule
// analysis: at most Limits.AnalysisStates, drawn from the run's pool.
func (r *Run) Question() *Pool {
	if r == nil {
		return nil
	}
	return r.AutomatonStates.Sub(SettingAnalysisStates, "automaton states for one question", r.Limits.AnalysisStates)
}

// Pool accessors that tolerate a nil *Run.

// States returns the run's automaton-state pool (nil when r is nil).
func (r *Run) States() *Pool {
	if r == nil {
		return nil
	}
	return r.AutomatonStates
}

// Steps returns the run's analysis-step pool (nil when r is nil).
func (r *Run) Steps() *Pool {
	if r == nil {
		return nil
	}
	return r.AnalysisSteps
}

// Patterns returns the run's pattern-state pool (nil when r is nil).
func (r *Run) Patterns() *Pool {
	if r == nil {
		return nil
	}
	return r.PatternStates
}

// YAML returns the run's YAML-node pool (nil when r is nil).
func (r *Run) YAML() *Pool {
	if r == nil {
		return nil
	}
	return r.YAMLNodes
}

// Templates returns the run's template-step pool (nil when r is nil).
func (r *Run) Templates() *Pool {
	if r == nil {
		return nil
	}
	return r.TemplateSteps
}
