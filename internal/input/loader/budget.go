package loader

import (
	"math"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"
	"github.com/rolemap-lint/rolemap-lint/internal/diag"
)

// CheckBudget owns the findings about input left unread because a budget
// of the run ran out (package budget).
const CheckBudget = diag.Budget

// YAMLOptions bound the values a YAML file may produce after alias
// expansion, besides the per-document billion-laughs bound.
type YAMLOptions struct {
	// MaxNodes bounds the values of the whole file (0: no bound).
	MaxNodes int64
	// Pool is the run's pool of YAML values (nil: no bound).
	Pool *budget.Pool
	// Limits bound each array, object and string of the file.
	Limits Limits
}

// left returns how many values the next document may produce once the
// file produced used, and the error that names the limit that binds.
func (o YAMLOptions) left(used int64) (int64, *budget.Error) {
	left := int64(math.MaxInt64)
	var limit *budget.Error
	if o.MaxNodes > 0 {
		left = o.MaxNodes - used
		limit = &budget.Error{Setting: budget.SettingYAMLNodes, What: "YAML nodes for one file", Limit: o.MaxNodes}
	}
	if o.Pool != nil && o.Pool.Limit() > 0 {
		if r := o.Pool.Limit() - o.Pool.Used(); r < left {
			left = r
			limit = &budget.Error{Setting: budget.SettingYAMLNodesTotal, What: "YAML nodes after alias expansion for the run", Limit: o.Pool.Limit()}
		}
	}
	return max(left, 0), limit
}
