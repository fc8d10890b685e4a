//go:build !windows

package main

// attachConsole has nothing to do outside Windows: a program started from
// a terminal prints there.
func attachConsole() {}

// hasConsole reports whether what the program prints reaches a person:
// outside Windows, standard error is the terminal or the desktop's log.
func hasConsole() bool { return true }
