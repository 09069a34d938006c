// Package produce computes what a role template can produce: the language
// of the role names it renders for the users a mapping's rules match
// (RoleLanguage), whether some user gets a given role and who (CanProduce,
// CanProduceWithin, with an example user rendered by package template's
// engine), and the variables and functions a template uses (Variables).
//
// The analysis runs the template's compiled mustache program abstractly,
// over languages of values instead of values, and turns the rendered text
// into role names as the template's format does (one name, or a JSON
// string or array). It reads the template only through package template's
// exported accessors (Program, Params, Source, SourceSpan, Format...).
package produce
