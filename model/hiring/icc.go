package hiring

// MinRated: an agreement over fewer candidates than this is too few to
// trust, and says so.
const MinRated = 5

// ICC is the intraclass correlation ICC(2,1) of Shrout and Fleiss (1979):
// two-way random effects, absolute agreement, one rater's score. rows are
// the candidates, each with every rater's score in the same order. ok is
// false with fewer than two candidates or two raters, or no variance.
func ICC(rows [][]float64) (icc float64, ok bool) {
	n := len(rows)
	if n < 2 {
		return 0, false
	}
	k := len(rows[0])
	if k < 2 {
		return 0, false
	}
	var grand float64
	rowMean := make([]float64, n)
	colMean := make([]float64, k)
	for i, r := range rows {
		if len(r) != k {
			return 0, false
		}
		for j, v := range r {
			rowMean[i] += v / float64(k)
			colMean[j] += v / float64(n)
			grand += v / float64(n*k)
		}
	}
	var ssr, ssc, sst float64
	for i, r := range rows {
		ssr += float64(k) * sq(rowMean[i]-grand)
		for _, v := range r {
			sst += sq(v - grand)
		}
	}
	for j := range colMean {
		ssc += float64(n) * sq(colMean[j]-grand)
	}
	sse := sst - ssr - ssc
	msr := ssr / float64(n-1)
	msc := ssc / float64(k-1)
	mse := sse / float64((n-1)*(k-1))
	den := msr + float64(k-1)*mse + float64(k)*(msc-mse)/float64(n)
	if den == 0 {
		return 0, false
	}
	return (msr - mse) / den, true
}

func sq(v float64) float64 { return v * v }
