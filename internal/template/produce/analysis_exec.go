package produce

import (
	"errors"
	"strings"

	"github.com/rolemap-lint/rolemap-lint/internal/budget"

	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/java"
	"github.com/rolemap-lint/rolemap-lint/internal/template/internal/mustache"
)

// maxAnalysisSteps bounds the codes the abstract execution visits
// (function fragments are visited again where they run).
const maxAnalysisSteps = 200_000

var errAnalysisSteps = errors.New("the template is too large to analyze")

// absExec runs a compiled template for every user at once: it builds the
// language of the texts the engine's Execute can return (internal/mustache
// exec.go), one code at a time.
type absExec struct {
	vals   *values
	enc    encoder
	hasEnc bool // false for text/plain
	uses   map[mustache.Code]int
	steps  int
	pool   *budget.Pool // the run's automaton pool (nil: unbounded)
	// fields, when not nil, collects per use the model fields its lookup
	// can reach.
	fields [][]string
}

// looked records the fields a code's lookup reached.
func (x *absExec) looked(c mustache.Code, v *aval) {
	if i := x.use(c); i >= 0 && x.fields != nil {
		x.fields[i] = unionStrings(x.fields[i], v.fields)
	}
}

func (x *absExec) codes(list []mustache.Code, scopes []*aval) (*lang, error) {
	parts := make([]*lang, 0, len(list))
	for _, c := range list {
		l, err := x.code(c, scopes)
		if err != nil {
			return nil, err
		}
		parts = append(parts, l)
	}
	return catLang(parts...), nil
}

func (x *absExec) use(c mustache.Code) int {
	if i, ok := x.uses[c]; ok {
		return i
	}
	return -1
}

func push(scopes []*aval, a *aval) []*aval {
	out := make([]*aval, len(scopes)+1)
	copy(out, scopes)
	out[len(scopes)] = a
	return out
}

func (x *absExec) code(c mustache.Code, scopes []*aval) (*lang, error) {
	x.steps++
	if x.steps > maxAnalysisSteps {
		return nil, errAnalysisSteps
	}
	if x.steps%poolChunk == 0 {
		if err := x.pool.Take(poolChunk); err != nil {
			return nil, err
		}
	}
	out := langEpsilon
	var err error
	switch c.Kind() {
	case mustache.CodeValue:
		v := x.vals.lookup(c.Name(), scopes)
		x.looked(c, v)
		out = x.text(v, x.use(c))
		if c.Escaped() && x.hasEnc {
			out = encodeLang(out, x.enc)
		}
	case mustache.CodeSection:
		v := x.vals.lookup(c.Name(), scopes)
		x.looked(c, v)
		zero, once, many, scope := v.sectionScopes()
		if once || many {
			body, err := x.codes(c.Children(), push(scopes, scope))
			if err != nil {
				return nil, err
			}
			switch {
			case many:
				out = starLang(body)
			case zero:
				out = optLang(body)
			default:
				out = body
			}
		}
	case mustache.CodeInverted:
		v := x.vals.lookup(c.Name(), scopes)
		x.looked(c, v)
		if v.mayBeFalsey() {
			body, err := x.codes(c.Children(), scopes)
			if err != nil {
				return nil, err
			}
			out = body
			if v.mayBeTruthy() {
				out = optLang(body)
			}
		}
	case mustache.CodeBlock:
		out, err = x.codes(c.Children(), scopes)
	case mustache.CodeToJSON, mustache.CodeJoin:
		out, err = x.function(c, scopes)
	case mustache.CodeURL:
		var parts []*lang
		for _, ch := range c.Children() {
			l, err := x.code(ch, scopes)
			if err != nil {
				return nil, err
			}
			parts = append(parts, encodeLang(l, encURL))
		}
		out = catLang(parts...)
	}
	if err != nil {
		return nil, err
	}
	return catLang(out, litLang(c.Appended())), nil
}

// function is toJson or join (exec.go's function).
func (x *absExec) function(c mustache.Code, scopes []*aval) (*lang, error) {
	frag, ferr := c.Fragment()
	if ferr != nil {
		// Elasticsearch fails to render the template: no roles at all.
		return langNothing, nil
	}
	v := x.vals.lookup(c.Name(), scopes)
	x.looked(c, v)
	use := x.use(c)
	var parts []*lang
	if c.Kind() == mustache.CodeToJSON {
		if v.list != nil {
			parts = append(parts, x.jsonList(v.list, use))
		}
		if v.umap != nil || v.root {
			parts = append(parts, anyText(v.fields, use))
		}
		for _, s := range v.scalars {
			parts = append(parts, scalarText(s, use))
		}
		for _, k := range v.consts {
			if items, ok := java.Iterable(k); ok {
				parts = append(parts, litLang(java.ToJSON(&java.List{Items: items})))
			} else if m, ok := k.(*java.Map); ok {
				parts = append(parts, litLang(java.ToJSON(m)))
			} else {
				parts = append(parts, litLang(java.Stringify(k)))
			}
		}
		if v.null {
			parts = append(parts, langEpsilon)
		}
		return altLang(parts...), nil
	}
	// join: collections are joined, anything else writes the fragment.
	if v.list != nil {
		e := x.elemText(v.list.nonNull(), use)
		parts = append(parts, optLang(catLang(e, starLang(catLang(litLang(c.Delimiter()), e)))))
	}
	plain := v.null || len(v.scalars) > 0 || v.umap != nil || v.root
	for _, k := range v.consts {
		items, ok := java.Iterable(k)
		if !ok {
			plain = true
			continue
		}
		strs := make([]string, 0, len(items))
		npe := false
		for _, it := range items {
			if it == nil {
				npe = true
				break
			}
			strs = append(strs, java.Stringify(it))
		}
		if !npe {
			parts = append(parts, litLang(strings.Join(strs, c.Delimiter())))
		}
	}
	if plain {
		l, err := x.codes(frag.Codes(), scopes)
		if err != nil {
			return nil, err
		}
		parts = append(parts, l)
	}
	return altLang(parts...), nil
}

// text is the language of String.valueOf(value) as {{name}} writes it
// (null writes nothing).
func (x *absExec) text(v *aval, use int) *lang {
	var parts []*lang
	if v.null {
		parts = append(parts, langEpsilon)
	}
	for _, s := range v.scalars {
		parts = append(parts, scalarText(s, use))
	}
	for _, k := range v.consts {
		parts = append(parts, litLang(java.Stringify(k)))
	}
	if v.list != nil {
		if v.coll {
			parts = append(parts, anyText(v.fields, use))
		} else {
			e := x.elemText(v.list, use)
			parts = append(parts, catLang(litLang("["), optLang(catLang(e, starLang(catLang(litLang(", "), e)))), litLang("]")))
		}
	}
	if v.umap != nil || v.root {
		parts = append(parts, anyText(v.fields, use))
	}
	return altLang(parts...)
}

// elemText is the text of a collection element inside the collection's
// toString (or a join).
func (x *absExec) elemText(e *aval, use int) *lang {
	var parts []*lang
	if e.null {
		parts = append(parts, litLang("null"))
	}
	for _, s := range e.scalars {
		parts = append(parts, scalarText(s, use))
	}
	for _, k := range e.consts {
		parts = append(parts, litLang(java.Stringify(k)))
	}
	if e.list != nil || e.umap != nil || e.root {
		parts = append(parts, anyText(e.fields, use))
	}
	return altLang(parts...)
}

// jsonList is the JSON array toJson writes for a collection.
func (x *absExec) jsonList(e *aval, use int) *lang {
	var parts []*lang
	if e.null {
		parts = append(parts, litLang("null"))
	}
	for _, s := range e.scalars {
		if s.str {
			q := encodeLang(scalarText(&scalar{text: s.text, re: s.re, str: true, field: s.field}, use), encJSON)
			parts = append(parts, catLang(litLang(`"`), q, litLang(`"`)))
		}
		if s.num || s.boo {
			parts = append(parts, scalarText(&scalar{text: s.text, re: s.re, num: s.num, boo: s.boo, field: s.field}, use))
		}
	}
	for _, k := range e.consts {
		parts = append(parts, litLang(java.ToJSON(k)))
	}
	if e.list != nil || e.umap != nil || e.root {
		parts = append(parts, anyText(e.fields, use))
	}
	el := altLang(parts...)
	return catLang(litLang("["), optLang(catLang(el, starLang(catLang(litLang(","), el)))), litLang("]"))
}

// scalarText is the text of a scalar's values.
func scalarText(s *scalar, use int) *lang {
	if s.text != nil {
		return atomLang(&atom{text: s.text, re: s.re, field: s.field, use: use})
	}
	if s.str {
		return atomLang(&atom{field: s.field, use: use})
	}
	var parts []*lang
	if s.num {
		parts = append(parts, atomLang(&atom{text: numberAutomaton(), re: numberRegex, field: s.field, use: use}))
	}
	if s.boo {
		parts = append(parts, litLang("true"), litLang("false"))
	}
	return altLang(parts...)
}

// anyText is any text, for values whose printed form is not modelled
// (maps, nested collections).
func anyText(fields []string, use int) *lang {
	field := ""
	if len(fields) > 0 {
		field = fields[0]
	}
	return atomLang(&atom{field: field, use: use})
}
