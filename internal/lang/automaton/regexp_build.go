package automaton

// leaves collects the operands of a chain of unions or concatenations, as
// RegExp.findLeaves does, building them left to right.
func (c *ctx) leaves(n *node) ([]*fa, error) {
	var out []*fa
	stack := []*node{n.b, n.a}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e.kind == n.kind {
			stack = append(stack, e.b, e.a)
			continue
		}
		a, err := c.buildNode(e)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// minimizeL9 is Lucene 9's MinimizationOperations.minimize: determinize
// (counting effort), then Hopcroft, then remove dead states.
func (c *ctx) minimizeL9(a *fa) (*fa, error) {
	if a.numStates() == 0 || (!a.accept[0] && len(a.trans[0]) == 0) {
		return makeEmpty(), nil
	}
	d, err := c.determinize(a, c.workLimit, false)
	if err != nil {
		return nil, err
	}
	if ts := d.trans[0]; len(ts) == 1 && ts[0].to == 0 && ts[0].lo == 0 && ts[0].hi == maxCodePoint {
		return d, nil
	}
	return minimizeDFA(d), nil
}

// then applies Lucene 9's minimize to a finished sub-automaton.
func (c *ctx) then(a *fa, err error) (*fa, error) {
	if err != nil || !c.prof.lucene9 {
		return a, err
	}
	return c.minimizeL9(a)
}

// repeatCheck is Lucene 9's guard against bounded repeats: (states-1)*count
// in Java int arithmetic must not exceed the work limit.
func (c *ctx) repeatCheck(a *fa, count int) error {
	if !c.prof.lucene9 {
		return nil
	}
	num := int32(a.numStates()-1) * int32(count)
	c.peakDFA = max(c.peakDFA, int(num))
	if num > int32(c.workLimit) {
		return &TooComplexError{States: a.numStates(), Transitions: a.numTransitions(), Limit: int(num)}
	}
	return nil
}

// predefinedSource is what Lucene 9/10.1 expand \d, \s, \w and their
// negations into (RegExp.expandPredefined).
var predefinedSource = map[rune]string{
	'd': "[0-9]",
	'D': "[^0-9]",
	's': "[ \t\n\r]",
	'S': `[^\s]`,
	'w': "[a-zA-Z_0-9]",
	'W': `[^\w]`,
}

// buildNode turns a parsed node into a Lucene-shaped automaton, mirroring
// RegExp.toAutomaton of the dialect: Lucene 9 minimizes every
// sub-automaton (counting determinization effort each time) and checks
// bounded repeats up front; Lucene 10 only builds the NFA.
func (c *ctx) buildNode(n *node) (*fa, error) {
	switch n.kind {
	case kUnion:
		list, err := c.leaves(n)
		if err != nil {
			return nil, err
		}
		return c.then(c.union(list))
	case kConcat:
		list, err := c.leaves(n)
		if err != nil {
			return nil, err
		}
		return c.then(c.concatenate(list))
	case kInter:
		a, err := c.buildNode(n.a)
		if err != nil {
			return nil, err
		}
		b, err := c.buildNode(n.b)
		if err != nil {
			return nil, err
		}
		return c.then(c.intersection(a, b))
	case kOptional:
		a, err := c.buildNode(n.a)
		if err != nil {
			return nil, err
		}
		return c.then(c.optional(a))
	case kRepeat:
		a, err := c.buildNode(n.a)
		if err != nil {
			return nil, err
		}
		return c.then(c.repeat(a))
	case kRepeatMin:
		a, err := c.buildNode(n.a)
		if err != nil {
			return nil, err
		}
		if err := c.repeatCheck(a, n.min); err != nil {
			return nil, err
		}
		return c.then(c.repeatMin(a, n.min))
	case kRepeatMinMax:
		a, err := c.buildNode(n.a)
		if err != nil {
			return nil, err
		}
		if err := c.repeatCheck(a, n.max); err != nil {
			return nil, err
		}
		return c.repeatRange(a, n.min, n.max)
	case kComplement:
		a, err := c.buildNode(n.a)
		if err != nil {
			return nil, err
		}
		if c.prof.lucene9 {
			return c.then(c.complement(a, c.workLimit, false))
		}
		return c.complement(a, 0, true)
	case kDepComplement:
		a, err := c.buildNode(n.a)
		if err != nil {
			return nil, err
		}
		// Lucene 10 bounds the deprecated complement by the default limit,
		// deliberately not configurable.
		return c.complement(a, DefaultWorkLimit, false)
	case kChar:
		return makeChar(n.c), nil
	case kCharRange:
		return makeCharRange(n.from[0], n.to[0]), nil
	case kCharClass:
		return makeCharClass(n.from, n.to), nil
	case kAnyChar:
		return makeAnyChar(), nil
	case kEmpty:
		return makeEmpty(), nil
	case kString:
		s := n.str()
		if err := c.charge(len(s)+1, len(s)); err != nil {
			return nil, err
		}
		return makeString(s), nil
	case kAnyString:
		return makeAnyString(), nil
	case kAutomaton:
		return nil, &SyntaxError{Offset: n.off, Pos: -1, Msg: "'" + n.name + "' not found"}
	case kInterval:
		a := c.makeDecimalInterval(n.min, n.max, n.digits)
		return a, c.chargeFA(a)
	case kPreClass:
		p := newParser(predefinedSource[n.c], c.prof)
		e, err := p.parse()
		if err != nil {
			return nil, err
		}
		return c.buildNode(e)
	}
	return nil, &SyntaxError{Offset: n.off, Pos: -1, Msg: "unknown expression node"}
}
