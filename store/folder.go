package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// PortableFolder is the folder name that, beside the executable, makes Accord portable (a USB stick).
const PortableFolder = "accord-data"

// ResolveFolder picks the data folder: the --data flag, else $ACCORD_DATA, else accord-data beside the
// executable when it exists, else the system's per-user application data folder.
func ResolveFolder(flag string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if env := os.Getenv("ACCORD_DATA"); env != "" {
		return filepath.Abs(env)
	}
	if exe, err := os.Executable(); err == nil {
		portable := filepath.Join(filepath.Dir(exe), PortableFolder)
		if info, err := os.Stat(portable); err == nil && info.IsDir() {
			return portable, nil
		}
	}
	return userDataFolder()
}

// userDataFolder is where per-user application data belongs on each system: %AppData%\Accord on Windows,
// ~/Library/Application Support/Accord on macOS, $XDG_DATA_HOME/accord (~/.local/share/accord) elsewhere.
func userDataFolder() (string, error) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find a folder for Accord's data: %w", err)
		}
		return filepath.Join(base, "Accord"), nil
	}
	if xdg := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(xdg) {
		return filepath.Join(xdg, "accord"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find a folder for Accord's data: %w", err)
	}
	return filepath.Join(home, ".local", "share", "accord"), nil
}
