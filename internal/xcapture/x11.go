package xcapture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"io"
	"net"
	"time"
)

// Conn speaks the X protocol to the display itself, for what `make bench` measures from outside the program:
// it reads the screen in a few milliseconds (xwd, a process per picture, takes far longer) and types and
// clicks through the XTEST extension, as xdotool does, with no process to start between the input and the
// clock.
type Conn struct {
	c        net.Conn
	r        *bufio.Reader
	root     uint32
	width    int
	height   int
	xtest    byte            // XTEST's major opcode
	keycodes map[uint32]byte // keysym -> the keycode that types it
	buf      []byte          // the last picture read
	seq      uint16          // requests sent
}

// Dial connects to the display. Xvfb started by Start checks no authorisation.
func (d *Display) Dial() (*Conn, error) {
	c, err := net.Dial("unix", "/tmp/.X11-unix/X"+d.Name[1:])
	if err != nil {
		return nil, fmt.Errorf("connect to X display %s: %w", d.Name, err)
	}
	x := &Conn{c: c, r: bufio.NewReaderSize(c, 1<<20)}
	if err := x.setup(); err != nil {
		c.Close()
		return nil, err
	}
	if err := x.findXTest(); err != nil {
		c.Close()
		return nil, err
	}
	if err := x.readKeyboard(); err != nil {
		c.Close()
		return nil, err
	}
	return x, nil
}

// Close ends the connection.
func (x *Conn) Close() error { return x.c.Close() }

// setup sends the connection request and reads the root window and screen size from the reply.
func (x *Conn) setup() error {
	req := []byte{'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if _, err := x.c.Write(req); err != nil {
		return err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(x.r, head); err != nil {
		return fmt.Errorf("set up the X connection: %w", err)
	}
	rest := make([]byte, 4*int(binary.LittleEndian.Uint16(head[6:])))
	if _, err := io.ReadFull(x.r, rest); err != nil {
		return fmt.Errorf("set up the X connection: %w", err)
	}
	if head[0] != 1 {
		return fmt.Errorf("the X server refused the connection: %s", rest[:min(int(head[1]), len(rest))])
	}
	vendor, formats := int(binary.LittleEndian.Uint16(rest[16:])), int(rest[21])
	screen := rest[32+(vendor+3)/4*4+8*formats:]
	x.root = binary.LittleEndian.Uint32(screen)
	x.width, x.height = int(binary.LittleEndian.Uint16(screen[20:])), int(binary.LittleEndian.Uint16(screen[22:]))
	x.keycodes = map[uint32]byte{}
	return nil
}

// request sends one request (its length filled in) and, if it has one, returns its reply's body past the
// first 32 bytes, with those 32 bytes.
func (x *Conn) request(req []byte, reply bool) (head, body []byte, err error) {
	binary.LittleEndian.PutUint16(req[2:], uint16(len(req)/4))
	if _, err := x.c.Write(req); err != nil {
		return nil, nil, err
	}
	x.seq++
	if !reply {
		return nil, nil, nil
	}
	for {
		head = make([]byte, 32)
		if _, err := io.ReadFull(x.r, head); err != nil {
			return nil, nil, err
		}
		switch head[0] {
		case 0:
			return nil, nil, fmt.Errorf("the X server answered error %d to request %d", head[1], head[10])
		case 1:
			n := 4 * int(binary.LittleEndian.Uint32(head[4:]))
			if cap(x.buf) < n {
				x.buf = make([]byte, n)
			}
			body = x.buf[:n]
			_, err = io.ReadFull(x.r, body)
			return head, body, err
		}
		// an event: none is asked for, but skip any
	}
}

func pad(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func (x *Conn) findXTest() error {
	name := "XTEST"
	req := pad(append([]byte{98, 0, 0, 0, byte(len(name)), 0, 0, 0}, name...))
	head, _, err := x.request(req, true)
	if err != nil {
		return fmt.Errorf("query XTEST: %w", err)
	}
	if head[8] == 0 {
		return errors.New("the X server has no XTEST extension")
	}
	x.xtest = head[9]
	return nil
}

// readKeyboard notes which keycode types each keysym, without modifiers.
func (x *Conn) readKeyboard() error {
	const first, last = 8, 255
	head, body, err := x.request([]byte{101, 0, 0, 0, first, last - first + 1, 0, 0}, true)
	if err != nil {
		return fmt.Errorf("read the keyboard map: %w", err)
	}
	per := int(head[1])
	for code := first; code <= last; code++ {
		at := (code - first) * per * 4
		if at+4 > len(body) {
			break
		}
		sym := binary.LittleEndian.Uint32(body[at:])
		if _, ok := x.keycodes[sym]; !ok && sym != 0 {
			x.keycodes[sym] = byte(code)
		}
	}
	return nil
}

// Keysyms of the keys the benchmark presses; a printable ASCII character is its own keysym.
const (
	KeyControl   = 0xffe3
	KeyBackSpace = 0xff08
	KeyReturn    = 0xff0d
	KeyEscape    = 0xff1b
)

// fake sends one XTEST event: 2 key press, 3 key release, 4 button press, 5 button release, 6 motion.
func (x *Conn) fake(kind, detail byte, rootX, rootY int) error {
	req := make([]byte, 36)
	req[0], req[1], req[4], req[5] = x.xtest, 2, kind, detail
	binary.LittleEndian.PutUint32(req[12:], x.root)
	binary.LittleEndian.PutUint16(req[24:], uint16(rootX))
	binary.LittleEndian.PutUint16(req[26:], uint16(rootY))
	_, _, err := x.request(req, false)
	return err
}

// sync waits until the server has handled every request sent so far (GetInputFocus is a round trip).
func (x *Conn) sync() error {
	_, _, err := x.request([]byte{43, 0, 0, 0}, true)
	return err
}

// Keys presses the keys together, in order, then lets them go in reverse order: Keys(KeyControl, '2') is
// Ctrl+2. It returns once the server has the input.
func (x *Conn) Keys(syms ...uint32) error {
	var codes []byte
	for _, s := range syms {
		code, ok := x.keycodes[s]
		if !ok {
			return fmt.Errorf("no key types keysym %#x", s)
		}
		codes = append(codes, code)
	}
	for _, c := range codes {
		if err := x.fake(2, c, 0, 0); err != nil {
			return err
		}
	}
	for i := len(codes) - 1; i >= 0; i-- {
		if err := x.fake(3, codes[i], 0, 0); err != nil {
			return err
		}
	}
	return x.sync()
}

// Move puts the pointer at a point of the screen.
func (x *Conn) Move(px, py int) error {
	if err := x.fake(6, 0, px, py); err != nil {
		return err
	}
	return x.sync()
}

// Click presses and lets go of the first button where the pointer is.
func (x *Conn) Click() error {
	if err := x.fake(4, 1, 0, 0); err != nil {
		return err
	}
	if err := x.fake(5, 1, 0, 0); err != nil {
		return err
	}
	return x.sync()
}

// Grab reads a part of the screen as 32-bit pixels (blue, green, red, unused), row after row. The bytes are
// reused by the next Grab.
func (x *Conn) Grab(r image.Rectangle) ([]byte, error) {
	r = r.Intersect(image.Rect(0, 0, x.width, x.height))
	req := make([]byte, 20)
	req[0], req[1] = 73, 2 // GetImage, ZPixmap
	binary.LittleEndian.PutUint32(req[4:], x.root)
	binary.LittleEndian.PutUint16(req[8:], uint16(r.Min.X))
	binary.LittleEndian.PutUint16(req[10:], uint16(r.Min.Y))
	binary.LittleEndian.PutUint16(req[12:], uint16(r.Dx()))
	binary.LittleEndian.PutUint16(req[14:], uint16(r.Dy()))
	binary.LittleEndian.PutUint32(req[16:], 0xffffffff)
	_, body, err := x.request(req, true)
	if err != nil {
		return nil, fmt.Errorf("read the screen: %w", err)
	}
	return body, nil
}

// Size is the screen's width and height.
func (x *Conn) Size() (int, int) { return x.width, x.height }

// Change is one picture of a watched part of the screen that differs from the one before.
type Change struct {
	At   time.Duration   // since the start given, when the picture was asked for
	Box  image.Rectangle // where it differs, in the watched part's coordinates
	Size int             // how many pixels differ
}

// Watch reads the part of the screen r over and over, and returns each change seen, timed from start: until
// wait has passed since it began with no change at all, or until, after a change, quiet has passed with no
// other (or until limit after it began). A change to no more than ignoreWidth columns (a text cursor
// blinking) is left out.
func (x *Conn) Watch(r image.Rectangle, start time.Time, wait, quiet, limit time.Duration, ignoreWidth int) ([]Change, error) {
	began := time.Since(start)
	first, err := x.Grab(r)
	if err != nil {
		return nil, err
	}
	prev := append([]byte(nil), first...)
	stride := r.Dx() * 4
	var changes []Change
	for {
		at := time.Since(start)
		switch {
		case len(changes) == 0 && at-began > wait, len(changes) > 0 && at-changes[len(changes)-1].At > quiet, at-began > limit:
			return changes, nil
		}
		pic, err := x.Grab(r)
		if err != nil {
			return changes, err
		}
		box, n := difference(prev, pic, stride)
		if n == 0 {
			continue
		}
		copy(prev, pic)
		if box.Dx() <= ignoreWidth {
			continue
		}
		changes = append(changes, Change{At: at, Box: box, Size: n})
	}
}

// difference is where two pictures of the same size differ, and in how many pixels.
func difference(a, b []byte, stride int) (image.Rectangle, int) {
	var box image.Rectangle
	n := 0
	for y := 0; y*stride < len(a); y++ {
		ra, rb := a[y*stride:(y+1)*stride], b[y*stride:(y+1)*stride]
		if string(ra) == string(rb) {
			continue
		}
		for px := 0; px < stride; px += 4 {
			if ra[px] != rb[px] || ra[px+1] != rb[px+1] || ra[px+2] != rb[px+2] {
				n++
				box = box.Union(image.Rect(px/4, y, px/4+1, y+1))
			}
		}
	}
	return box, n
}
