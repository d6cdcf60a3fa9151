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

	"accord/internal/xcapture"
)

// shot is one picture: where to click first (window coordinates), then the file name.
type shot struct {
	clicks [][2]int
	name   string
}

var shots = []shot{
	{nil, "dashboard.png"},
	{[][2]int{{64, 60}, {300, 180}}, "partners.png"},
	{[][2]int{{64, 100}, {300, 180}}, "agreements.png"},
	{[][2]int{{64, 140}, {300, 300}}, "evaluations.png"},
	{[][2]int{{64, 180}, {300, 180}}, "needs.png"},
	{[][2]int{{64, 220}}, "maps.png"},
	{[][2]int{{64, 335}}, "settings.png"},
}

func main() {
	bin := flag.String("bin", "./accord", "the built program")
	out := flag.String("out", "docs/screenshots", "folder for the PNG files")
	flag.Parse()
	if err := run(*bin, *out); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(bin, out string) error {
	folder, err := os.MkdirTemp("", "accord-screenshots")
	if err != nil {
		return err
	}
	defer os.RemoveAll(folder)
	if b, err := exec.Command(bin, "--data", folder, "demo", "--partners", "300").CombinedOutput(); err != nil {
		return fmt.Errorf("demo: %v\n%s", err, b)
	}
	display, err := xcapture.Start(1100, 720)
	if err != nil {
		return err
	}
	defer display.Stop()
	app := exec.Command(bin, "--data", folder)
	app.Env = append(display.Env(), "ACCORD_TRACE=1", "LANG=en_GB.UTF-8")
	stderr, _ := app.StderrPipe()
	if err := app.Start(); err != nil {
		return err
	}
	defer func() { app.Process.Kill(); app.Wait() }()
	if err := waitReady(stderr); err != nil {
		return err
	}
	for _, s := range shots {
		for _, c := range s.clicks {
			click := exec.Command("xdotool", "mousemove", fmt.Sprint(c[0]), fmt.Sprint(c[1]), "click", "1")
			click.Env = display.Env()
			if err := click.Run(); err != nil {
				return fmt.Errorf("xdotool: %w", err)
			}
			time.Sleep(700 * time.Millisecond)
		}
		time.Sleep(time.Second)
		if err := save(display, filepath.Join(out, s.name)); err != nil {
			return err
		}
	}
	return nil
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
