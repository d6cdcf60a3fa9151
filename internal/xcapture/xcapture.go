// Package xcapture runs a program on a private X server (Xvfb) and reads back what the screen shows, for
// the smoke test, the start-up benchmark and the README screenshots. It uses xwd, whose format is simple
// enough to decode here, so no image tool is needed.
package xcapture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Display is a running Xvfb.
type Display struct {
	Name string // like ":417"
	cmd  *exec.Cmd
}

// Start runs Xvfb on a free display number with a 24-bit screen of the given size.
func Start(width, height int) (*Display, error) {
	if _, err := exec.LookPath("Xvfb"); err != nil {
		return nil, errors.New("xvfb is not installed (apt-get install xvfb)")
	}
	for try := 0; try < 20; try++ {
		name := fmt.Sprintf(":%d", 100+rand.IntN(800))
		if _, err := os.Stat("/tmp/.X11-unix/X" + name[1:]); err == nil {
			continue
		}
		cmd := exec.Command("Xvfb", name, "-screen", "0", fmt.Sprintf("%dx%dx24", width, height), "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("start Xvfb: %w", err)
		}
		d := &Display{Name: name, cmd: cmd}
		if d.waitReady() {
			return d, nil
		}
		d.Stop()
	}
	return nil, errors.New("no free X display number")
}

func (d *Display) waitReady() bool {
	for i := 0; i < 100; i++ {
		if _, err := os.Stat("/tmp/.X11-unix/X" + d.Name[1:]); err == nil {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

// Stop ends Xvfb.
func (d *Display) Stop() {
	d.cmd.Process.Kill()
	d.cmd.Wait()
}

// Env returns the environment for a program to run on this display.
func (d *Display) Env() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") {
			env = append(env, kv)
		}
	}
	return append(env, "DISPLAY="+d.Name)
}

// Capture returns what the whole screen shows now.
func (d *Display) Capture() (image.Image, error) {
	out, err := exec.Command("xwd", "-root", "-silent", "-display", d.Name).Output()
	if err != nil {
		return nil, fmt.Errorf("xwd (apt-get install x11-apps): %w", err)
	}
	return decodeXWD(out)
}

// decodeXWD reads a TrueColor XWD image of 24 or 32 bits per pixel, the kinds Xvfb -screen WxHx24 gives.
func decodeXWD(b []byte) (image.Image, error) {
	if len(b) < 100 {
		return nil, errors.New("xwd output too short")
	}
	h := make([]uint32, 25)
	if err := binary.Read(bytes.NewReader(b[:100]), binary.BigEndian, h); err != nil {
		return nil, err
	}
	headerSize, width, height := int(h[0]), int(h[4]), int(h[5])
	byteOrder, bpp, stride, ncolors := h[7], int(h[11]), int(h[12]), int(h[19])
	if bpp != 24 && bpp != 32 {
		return nil, fmt.Errorf("xwd: %d bits per pixel, want 24 or 32", bpp)
	}
	size := bpp / 8
	start := headerSize + 12*ncolors
	if len(b) < start+stride*height {
		return nil, errors.New("xwd output cut short")
	}
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for y := 0; y < height; y++ {
		row := b[start+y*stride:]
		for x := 0; x < width; x++ {
			p, q := row[x*size:x*size+size], img.Pix[y*img.Stride+x*4:]
			if byteOrder == 0 { // LSBFirst: blue, green, red (, pad)
				q[0], q[1], q[2] = p[2], p[1], p[0]
			} else {
				q[0], q[1], q[2] = p[size-3], p[size-2], p[size-1]
			}
			q[3] = 255
		}
	}
	return img, nil
}

// Colours counts the distinct colours in an image and the share of its most common one: a blank screen
// has one colour covering everything; a drawn window has text edges in many shades.
func Colours(img image.Image) (distinct int, commonest float64) {
	counts := map[color.Color]int{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			counts[img.At(x, y)]++
		}
	}
	top := 0
	for _, n := range counts {
		top = max(top, n)
	}
	return len(counts), float64(top) / float64(bounds.Dx()*bounds.Dy())
}
