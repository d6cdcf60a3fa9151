package main

import (
	"debug/pe"
	"os"
	"testing"
)

// TestWindowsProgramIsAGUIProgramWithItsIcon checks the accord.exe `make windows` cross-builds: a 64-bit
// Windows program of the GUI subsystem (double-clicking it opens no console window), carrying resources —
// the icon, version information and manifest Fyne's packaging tool adds.
func TestWindowsProgramIsAGUIProgramWithItsIcon(t *testing.T) {
	path := os.Getenv("ACCORD_EXE")
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("ACCORD_EXE is not set: make test builds accord.exe and checks it here")
		}
		t.Skip("set ACCORD_EXE to an accord.exe built by make windows")
	}
	f, err := pe.Open(path)
	if err != nil {
		t.Fatalf("%s is not a Windows program: %v", path, err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want 64-bit x86", f.Machine)
	}
	header, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("optional header %T, want a 64-bit one", f.OptionalHeader)
	}
	if header.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d, want %d (a GUI program, no console window)", header.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	if s := f.Section(".rsrc"); s == nil || s.Size == 0 {
		t.Error("no resources: the icon and manifest are missing")
	}
}
