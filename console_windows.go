package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is AttachConsole's ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

var consoleAttached bool

// attachConsole lets a command typed in a console (companion --version,
// companion backup …) print there. The Windows program is a GUI program, so
// that no console window opens beside the app, and such a program has no
// standard output of its own: it borrows its parent's console, when it has
// one and the output is not already redirected to a file or a pipe.
func attachConsole() {
	if len(os.Args) < 2 {
		return
	}
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if proc.Find() != nil {
		return
	}
	if r, _, _ := proc.Call(uintptr(attachParentProcess)); r == 0 {
		return
	}
	consoleAttached = true
	out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !valid(windows.STD_OUTPUT_HANDLE) {
		os.Stdout = out
	}
	if !valid(windows.STD_ERROR_HANDLE) {
		os.Stderr = out
	}
}

// valid reports whether a standard handle leads somewhere (a console, a
// file or a pipe).
func valid(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	return err == nil && h != 0 && h != windows.InvalidHandle
}

// hasConsole reports whether what the program prints reaches a person: a
// console it was started from, or a file or pipe its output goes to.
func hasConsole() bool {
	return consoleAttached || valid(windows.STD_ERROR_HANDLE)
}
