package data

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// Point is a place on the network map, in the layout's own units: tied nodes sit about EdgeLength apart.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// EdgeLength is the distance the layout aims to keep between tied nodes.
const EdgeLength = 60.0

// Layout places the network's nodes with a force-directed simulation (Fruchterman and Reingold's, with
// their grid, so that a node is pushed only by nodes near it and a step costs time in proportion to the
// nodes, not to their square): ties pull together, every node pushes its neighbours away, and a light
// pull to the middle keeps loose partners in view. Nodes in placed stay where they are, so a map keeps
// its shape from one visit to the next and only newcomers find a place, near the nodes they are tied
// to. The same network, seed and placed always give the same places, whatever the order of the nodes.
func Layout(n *Network, seed uint64, placed map[string]Point) map[string]Point {
	order := make([]int, len(n.Nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(n.Nodes[a].ID, n.Nodes[b].ID) })
	l := newLayout(n, order, placed)
	l.start(rand.New(rand.NewPCG(seed, 0x5eed)))
	if l.free > 0 {
		steps := 300
		if l.free < len(order) { // most of the map stays: newcomers settle in fewer steps
			steps = 120
		}
		l.run(steps)
	}
	out := make(map[string]Point, len(order))
	for k, i := range order {
		out[n.Nodes[i].ID] = l.pos[k]
	}
	return out
}

// layout is the simulation's state, indexed by a node's place in the sorted order.
type layout struct {
	pos, disp []Point
	fixed     []bool
	free      int
	edges     [][2]int
	side      float64 // of the square the nodes start in
	// The grid of repel, kept from step to step: each node's cell, where each cell starts in sorted, and
	// the nodes sorted by cell.
	at, cells, sorted []int
}

func newLayout(n *Network, order []int, placed map[string]Point) *layout {
	k := len(order)
	l := &layout{pos: make([]Point, k), disp: make([]Point, k), fixed: make([]bool, k)}
	at := make([]int, len(n.Nodes))
	for x, i := range order {
		at[i] = x
		if p, ok := placed[n.Nodes[i].ID]; ok {
			l.pos[x], l.fixed[x] = p, true
		} else {
			l.free++
		}
	}
	for _, e := range n.Edges {
		if e.From != e.To {
			l.edges = append(l.edges, [2]int{at[e.From], at[e.To]})
		}
	}
	slices.SortFunc(l.edges, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	l.side = EdgeLength * math.Sqrt(float64(max(k, 1))) * 1.5
	return l
}

// start puts each node to be placed near the placed nodes it is tied to, or anywhere in the square.
func (l *layout) start(r *rand.Rand) {
	sum, count := make([]Point, len(l.pos)), make([]int, len(l.pos))
	for _, e := range l.edges {
		for _, pair := range [2][2]int{{e[0], e[1]}, {e[1], e[0]}} {
			if x, o := pair[0], pair[1]; !l.fixed[x] && l.fixed[o] {
				sum[x].X += l.pos[o].X
				sum[x].Y += l.pos[o].Y
				count[x]++
			}
		}
	}
	for x := range l.pos {
		jitter := Point{(r.Float64() - 0.5) * l.side, (r.Float64() - 0.5) * l.side}
		switch {
		case l.fixed[x]:
		case count[x] > 0:
			l.pos[x] = Point{sum[x].X/float64(count[x]) + jitter.X*EdgeLength/l.side, sum[x].Y/float64(count[x]) + jitter.Y*EdgeLength/l.side}
		default:
			l.pos[x] = jitter
		}
	}
}

// run moves the free nodes for a number of steps, each shorter than the last, so the map settles.
func (l *layout) run(steps int) {
	const k = EdgeLength
	heat := l.side / 10
	for step := range steps {
		clear(l.disp)
		l.repel(k)
		for _, e := range l.edges {
			a, b := e[0], e[1]
			dx, dy := l.pos[a].X-l.pos[b].X, l.pos[a].Y-l.pos[b].Y
			d := math.Max(math.Hypot(dx, dy), 0.01)
			f := d / k // d²/k along the unit vector
			l.disp[a].X -= dx * f
			l.disp[a].Y -= dy * f
			l.disp[b].X += dx * f
			l.disp[b].Y += dy * f
		}
		t := heat * (1 - float64(step)/float64(steps))
		for x := range l.pos {
			if l.fixed[x] {
				continue
			}
			// The pull to the middle grows with the distance, as a spring would.
			l.disp[x].X -= l.pos[x].X * 0.01
			l.disp[x].Y -= l.pos[x].Y * 0.01
			d := math.Hypot(l.disp[x].X, l.disp[x].Y)
			if d > 0 {
				move := math.Min(d, t) / d
				l.pos[x].X += l.disp[x].X * move
				l.pos[x].Y += l.disp[x].Y * move
			}
		}
	}
}

// repel pushes every pair of nodes in the same or neighbouring cells of a grid of side 2k apart, with a
// force of k²/d; nodes farther apart than 2k push each other too little to matter. The grid is a counting
// sort of the nodes by cell, rebuilt at each step; a grid wider than the nodes need (a node far out) folds
// its outer cells into its border ones, which only costs a few more distances to work out.
func (l *layout) repel(k float64) {
	cell := 3 * k
	lo, hi := l.pos[0], l.pos[0]
	for _, p := range l.pos {
		lo = Point{math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)}
		hi = Point{math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)}
	}
	most := int(math.Sqrt(float64(4*len(l.pos)))) + 1 // cells a side: about four for each node in all
	cols := min(int((hi.X-lo.X)/cell)+1, most)
	rows := min(int((hi.Y-lo.Y)/cell)+1, most)
	cellOf := func(p Point) (int, int) {
		return min(int((p.X-lo.X)/cell), cols-1), min(int((p.Y-lo.Y)/cell), rows-1)
	}
	l.cells = slices.Grow(l.cells[:0], cols*rows+1)[:cols*rows+1]
	clear(l.cells)
	l.at = slices.Grow(l.at[:0], len(l.pos))[:len(l.pos)]
	for x, p := range l.pos {
		cx, cy := cellOf(p)
		l.at[x] = cy*cols + cx
		l.cells[l.at[x]+1]++
	}
	for c := 1; c < len(l.cells); c++ {
		l.cells[c] += l.cells[c-1]
	}
	l.sorted = slices.Grow(l.sorted[:0], len(l.pos))[:len(l.pos)]
	next := slices.Clone(l.cells[:cols*rows])
	for x := range l.pos {
		l.sorted[next[l.at[x]]] = x
		next[l.at[x]]++
	}
	for a, p := range l.pos {
		if l.fixed[a] {
			continue
		}
		cx, cy := l.at[a]%cols, l.at[a]/cols
		for gy := max(cy-1, 0); gy <= min(cy+1, rows-1); gy++ {
			for gx := max(cx-1, 0); gx <= min(cx+1, cols-1); gx++ {
				c := gy*cols + gx
				for _, b := range l.sorted[l.cells[c]:l.cells[c+1]] {
					if a == b {
						continue
					}
					dx, dy := p.X-l.pos[b].X, p.Y-l.pos[b].Y
					d2 := dx*dx + dy*dy
					if d2 < 0.0001 { // two nodes on one spot: part them along a direction fixed by their order
						dx, dy = float64(a-b), 1
						d2 = dx*dx + 1
					}
					if d2 > cell*cell {
						continue
					}
					f := k * k / d2 // k²/d along the unit vector
					l.disp[a].X += dx * f
					l.disp[a].Y += dy * f
				}
			}
		}
	}
}

// Bounds is the smallest box holding every point: its corners.
func Bounds(ps map[string]Point) (lo, hi Point) {
	first := true
	for _, p := range ps {
		if first {
			lo, hi, first = p, p, false
			continue
		}
		lo = Point{math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)}
		hi = Point{math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)}
	}
	return lo, hi
}
