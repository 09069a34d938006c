package produce

import (
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/testload"
)

// The tests parse their JSON inputs with the shared test loader.
var (
	loadJSON = testload.LoadJSON
	mustLoad = testload.MustLoad
	spanText = testload.SpanText
)
