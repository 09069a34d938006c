package suggest

import "unicode/utf16"

// LuceneSimilarity is Lucene's LevenshteinDistance.getDistance(target,
// other): one minus the Levenshtein distance over the longer length,
// computed on UTF-16 code units as Java strings are (a supplementary
// character is two units), in float32 arithmetic. Two empty strings score
// 1, one empty string 0. It costs time proportional to the product of the
// lengths; ESDidYouMean avoids calling it where the result cannot matter.
func LuceneSimilarity(target, other string) float32 {
	return similarity(utf16.Encode([]rune(target)), utf16.Encode([]rune(other)))
}

// similarity is LuceneSimilarity on UTF-16 code units.
func similarity(s, t []uint16) float32 {
	n, m := len(s), len(t)
	if n == 0 || m == 0 {
		if n == m {
			return 1
		}
		return 0
	}
	p := make([]int, n+1)
	d := make([]int, n+1)
	for i := range p {
		p[i] = i
	}
	for j := 1; j <= m; j++ {
		tj := t[j-1]
		d[0] = j
		for i := 1; i <= n; i++ {
			cost := 1
			if s[i-1] == tj {
				cost = 0
			}
			d[i] = min(d[i-1]+1, p[i]+1, p[i-1]+cost)
		}
		p, d = d, p
	}
	return 1 - float32(p[n])/float32(max(n, m))
}
