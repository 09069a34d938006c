// Package schema holds the JSON Schema (draft 2020-12) of a role mapping
// body — the JSON of PUT /_security/role_mapping/<name> — and the "schema"
// stage that validates bodies against it.
//
// The schema serves two audiences. Editors get the whole document (printed
// by `rolemap-lint schema`): every field, the full rule DSL and role
// template shape, with descriptions for hover and completion. The linter's
// schema stage only reports the problems it owns — those of the top-level
// fields of a body (unknown field, wrong JSON type, missing enabled/rules);
// everything else the validator finds is left to the checks that own it
// (roles-or-templates, rule-syntax, invalid-template), so that each problem
// is reported once.
package schema

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/rolemap-lint/rolemap-lint/internal/diag"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Check is the id of the check that owns the findings of this stage.
const Check = diag.Schema

// URL is the schema's $id, under which the document is compiled.
const URL = "https://raw.githubusercontent.com/rolemap-lint/rolemap-lint/main/schema/role-mapping.schema.json"

//go:embed role-mapping.schema.json
var document []byte

// JSON returns the schema document, pretty-printed, as printed by
// `rolemap-lint schema`. The caller may modify the returned slice.
func JSON() []byte {
	return bytes.Clone(document)
}

var (
	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
)

// compiledSchema compiles the embedded document once (the compiler also
// validates it against the draft 2020-12 metaschema).
func compiledSchema() (*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		compiled, compileErr = compile(document)
	})
	return compiled, compileErr
}

// compile turns a schema document into a validator.
func compile(doc []byte) (*jsonschema.Schema, error) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return nil, fmt.Errorf("schema: decoding role-mapping.schema.json: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(URL, v); err != nil {
		return nil, fmt.Errorf("schema: adding role-mapping.schema.json: %w", err)
	}
	s, err := c.Compile(URL)
	if err != nil {
		return nil, fmt.Errorf("schema: compiling role-mapping.schema.json: %w", err)
	}
	return s, nil
}
