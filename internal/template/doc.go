// Package template handles one element of a role mapping's role_templates
// array exactly as Elasticsearch does: its shape (TemplateRoleName), the
// script inside it (Script), validation against the node's script settings
// (ScriptService), compilation and rendering with Elasticsearch's mustache
// engine, and the conversion of the rendered text into role names.
//
// Parse reads a role template from the position-carrying value tree and
// reports every problem as an "invalid-template" diagnostic at the exact
// place, with the message Elasticsearch would give and what to do about
// it. The resulting Template reproduces PUT-time validation
// (ValidateAtPut, Validate, CheckScripting) and evaluation for a user
// (Roles, RolesWith).
//
// Rendering uses this package's own mustache engine (internal/mustache),
// modelled on mustache.java and Elasticsearch's CustomMustacheFactory,
// rather than a general-purpose Go mustache library: Elasticsearch's
// lookup rules, truthiness, Java value printing, functions, whitespace
// handling and error messages differ from the mustache specification in
// ways role templates depend on. The engine never reads files (partials
// fail to compile, as they do on a node without such a template), never
// touches global state, and bounds nesting, work and output.
package template
