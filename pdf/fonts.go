package pdf

import (
	"encoding/binary"
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"

	"accord/assets"
)

// face is one style of the documents' font: regular (""), bold ("B") or italic ("I").
type face struct {
	style string
	ttf   []byte
}

// fonts are the faces every document embeds, in a fixed order (so the same document writes the same
// bytes), read and given a real hyphen once.
var fonts = sync.OnceValues(func() ([]face, error) {
	var out []face
	for _, f := range []struct{ style, file string }{{"", "Go-Regular.ttf"}, {"B", "Go-Bold.ttf"}, {"I", "Go-Italic.ttf"}} {
		b, err := assets.Font(f.file)
		if err != nil {
			return nil, fmt.Errorf("load font %s: %w", f.file, err)
		}
		out = append(out, face{f.style, shortHyphen(b)})
	}
	return out, nil
})

// shortHyphen gives a TrueType font's hyphen "-" the shape of its soft hyphen. The Go fonts draw "-" as
// wide as an en dash, so "data-sharing" read as "data–sharing"; their soft hyphen is the hyphen a
// typesetter expects. The glyph is copied in place — its outline into the hyphen's slot, which is as long
// or longer, and its advance width — so the text still reads back as "-". A font laid out otherwise is
// returned as it was.
func shortHyphen(ttf []byte) []byte {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return ttf
	}
	var buf sfnt.Buffer
	hyphen, err1 := f.GlyphIndex(&buf, '-')
	soft, err2 := f.GlyphIndex(&buf, '\u00ad')
	tables := tableOffsets(ttf)
	head, loca, glyf, hhea, hmtx := tables["head"], tables["loca"], tables["glyf"], tables["hhea"], tables["hmtx"]
	if err1 != nil || err2 != nil || hyphen == 0 || soft == 0 || head == 0 || loca == 0 || glyf == 0 || hhea == 0 || hmtx == 0 {
		return ttf
	}
	long := binary.BigEndian.Uint16(ttf[head+50:]) == 1
	at := func(g sfnt.GlyphIndex) int {
		if long {
			return int(binary.BigEndian.Uint32(ttf[loca+4*int(g):]))
		}
		return 2 * int(binary.BigEndian.Uint16(ttf[loca+2*int(g):]))
	}
	from, to := ttf[glyf+at(soft):glyf+at(soft+1)], ttf[glyf+at(hyphen):glyf+at(hyphen+1)]
	metrics := int(binary.BigEndian.Uint16(ttf[hhea+34:]))
	if len(from) == 0 || len(from) > len(to) || int(hyphen) >= metrics || int(soft) >= metrics {
		return ttf
	}
	out := append([]byte(nil), ttf...)
	to = out[glyf+at(hyphen) : glyf+at(hyphen+1)]
	clear(to[copy(to, from):])
	copy(out[hmtx+4*int(hyphen):hmtx+4*int(hyphen)+4], ttf[hmtx+4*int(soft):])
	return out
}

// tableOffsets finds where each table of a TrueType font starts.
func tableOffsets(ttf []byte) map[string]int {
	out := map[string]int{}
	if len(ttf) < 12 {
		return out
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		entry := 12 + 16*i
		if entry+16 > len(ttf) {
			break
		}
		out[string(ttf[entry:entry+4])] = int(binary.BigEndian.Uint32(ttf[entry+8:]))
	}
	return out
}
