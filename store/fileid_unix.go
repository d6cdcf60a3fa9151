//go:build !windows

package store

import (
	"fmt"
	"os"
	"syscall"
)

// fileIdentity is the file's inode: a copy, or a file renamed over this one, has another.
func fileIdentity(info os.FileInfo) string {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return fmt.Sprint(st.Ino)
	}
	return ""
}
