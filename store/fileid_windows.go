package store

import (
	"fmt"
	"os"
	"syscall"
)

// fileIdentity is the file's creation time: a copy, or a copy renamed over this one by a restore, was
// created later. (The file index Windows keeps needs an open handle; the creation time does as well here.)
func fileIdentity(info os.FileInfo) string {
	if a, ok := info.Sys().(*syscall.Win32FileAttributeData); ok {
		return fmt.Sprint(a.CreationTime.Nanoseconds())
	}
	return ""
}
