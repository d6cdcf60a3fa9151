// Command screenshots takes the README's pictures of the real window under Xvfb, on demo data:
// go run ./internal/screenshots -bin ./accord -out docs/screenshots
package main

import (
	"bufio"
	"flag"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"accord/data"
	"accord/internal/xcapture"
	"accord/store"
)

// shot is one picture: where to click first (window coordinates), then the file name.
type shot struct {
	clicks [][2]int
	name   string
}

// session is one start of the program: on demo data or an empty folder (the welcome), in a language;
// with conflict, the demo data was also synced with a second laptop and one partner changed on both.
type session struct {
	demo     bool
	lang     string
	shots    []shot
	conflict bool
}

// The navigation's rows, under the menu bar.
var (
	partners    = [2]int{64, 88}
	agreements  = [2]int{64, 127}
	evaluations = [2]int{64, 166}
	needs       = [2]int{64, 244}
	maps        = [2]int{64, 284}
	settings    = [2]int{64, 401}
	firstRow    = [2]int{300, 200}
)

var sessions = []session{
	{true, "en_GB.UTF-8", []shot{
		{nil, "dashboard.png"},
		{[][2]int{partners, firstRow}, "partners.png"},
		{[][2]int{agreements, firstRow}, "agreements.png"},
		{[][2]int{evaluations, {300, 320}}, "evaluations.png"},
		{[][2]int{needs, firstRow}, "needs.png"},
		{[][2]int{maps}, "maps.png"},
		{[][2]int{settings}, "settings.png"},
	}, false},
	{false, "en_GB.UTF-8", []shot{{nil, "welcome.png"}}, false},
	{true, "es_ES.UTF-8", []shot{{[][2]int{agreements, firstRow}, "agreements-es.png"}}, false},
	{true, "en_GB.UTF-8", []shot{{[][2]int{{64, 48}, {97, 644}}, "conflict.png"}}, true}, // the first click waits for the sync at start
}

func main() {
	bin := flag.String("bin", "./accord", "the built program")
	out := flag.String("out", "docs/screenshots", "folder for the PNG files")
	flag.Parse()
	for _, s := range sessions {
		if err := run(*bin, *out, s); err != nil {
			fmt.Fprintln(os.Stderr, "screenshots:", err)
			os.Exit(1)
		}
	}
}

// run starts the program in a fresh data folder and a fresh settings folder, so no choice made on this
// computer (a language, a skipped welcome) changes the pictures, and takes the session's pictures.
func run(bin, out string, s session) error {
	folder, err := os.MkdirTemp("", "accord-screenshots")
	if err != nil {
		return err
	}
	defer os.RemoveAll(folder)
	data, config := filepath.Join(folder, "data"), filepath.Join(folder, "config")
	if s.demo {
		if b, err := exec.Command(bin, "--data", data, "demo", "--partners", "300").CombinedOutput(); err != nil {
			return fmt.Errorf("demo: %v\n%s", err, b)
		}
	}
	if s.conflict {
		if err := conflictWithAnotherLaptop(bin, data, filepath.Join(folder, "other"), filepath.Join(folder, "shared")); err != nil {
			return err
		}
	}
	display, err := xcapture.Start(1100, 720)
	if err != nil {
		return err
	}
	defer display.Stop()
	app := exec.Command(bin, "--data", data)
	app.Env = append(display.Env(), "ACCORD_TRACE=1", "LANG="+s.lang, "LANGUAGE=", "XDG_CONFIG_HOME="+config)
	stderr, _ := app.StderrPipe()
	if err := app.Start(); err != nil {
		return err
	}
	defer func() { app.Process.Kill(); app.Wait() }()
	if err := waitReady(stderr); err != nil {
		return err
	}
	for _, sh := range s.shots {
		for _, c := range sh.clicks {
			click := exec.Command("xdotool", "mousemove", fmt.Sprint(c[0]), fmt.Sprint(c[1]), "click", "1")
			click.Env = display.Env()
			if err := click.Run(); err != nil {
				return fmt.Errorf("xdotool: %w", err)
			}
			time.Sleep(700 * time.Millisecond)
		}
		time.Sleep(time.Second)
		if err := save(display, filepath.Join(out, sh.name)); err != nil {
			return err
		}
	}
	return nil
}

// conflictWithAnotherLaptop shares the data with a second laptop through a shared folder, changes the
// same partner's phone on both, and syncs, so the window opens on a record to compare.
func conflictWithAnotherLaptop(bin, data, other, shared string) error {
	if err := os.MkdirAll(shared, 0o700); err != nil {
		return err
	}
	steps := [][]string{{data, "sync", "--folder", shared}, {other, "sync", "--folder", shared}}
	for _, st := range steps {
		if b, err := exec.Command(bin, append([]string{"--data"}, st...)...).CombinedOutput(); err != nil {
			return fmt.Errorf("sync: %v\n%s", err, b)
		}
	}
	for i, dir := range []string{data, other} {
		if err := changeFirstPartnersPhone(dir, fmt.Sprintf("+34 600 %d00 000", i+1)); err != nil {
			return err
		}
		time.Sleep(5 * time.Millisecond) // the second change is the newer
	}
	for _, dir := range []string{data, other, data} {
		if b, err := exec.Command(bin, "--data", dir, "sync").CombinedOutput(); err != nil {
			return fmt.Errorf("sync: %v\n%s", err, b)
		}
	}
	return nil
}

func changeFirstPartnersPhone(dir, phone string) error {
	s, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := store.Get[data.Partner](s, data.List[data.Partner](s)[0].ID)
	if err != nil {
		return err
	}
	p.Phone = phone
	return s.Save(p)
}

func waitReady(stderr interface{ Read([]byte) (int, error) }) error {
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "trace: ready") {
			go func() {
				for sc.Scan() {
				}
			}()
			return nil
		}
	}
	return fmt.Errorf("the window never got ready")
}

func save(d *xcapture.Display, path string) error {
	img, err := d.Capture()
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Println(path)
	return png.Encode(f, img)
}
