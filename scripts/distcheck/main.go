// Command distcheck checks what `make dist` built before a salon gets it:
// the Windows program is a 64-bit (PE32+) GUI program carrying the app's
// icon, a manifest and its name and version; the Linux package holds the
// program, the icon and the desktop entry, and the program says its version.
//
//	go run ./scripts/distcheck [build/dist]
package main

import (
	"bytes"
	"debug/elf"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// check counts what passed and what failed, and says each.
type check struct{ passed, failed int }

// that says whether ok, about what, and returns ok.
func (c *check) that(ok bool, what string, detail ...any) bool {
	if ok {
		c.passed++
		fmt.Println("distcheck: ok  ", what)
		return true
	}
	c.failed++
	fmt.Println("distcheck: FAIL", what, fmt.Sprint(detail...))
	return false
}

func main() {
	dir := "build/dist"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	c := &check{}
	app, err := readApp(".")
	c.that(err == nil, "FyneApp.toml read", err)
	exes, _ := filepath.Glob(filepath.Join(dir, "Companion-*-windows-amd64.exe"))
	if c.that(len(exes) == 1, "one Windows program in "+dir, exes); len(exes) == 1 {
		checkWindows(c, exes[0], app)
	}
	pkgs, _ := filepath.Glob(filepath.Join(dir, "Companion-*-linux-amd64.tar.xz"))
	if c.that(len(pkgs) == 1, "one Linux package in "+dir, pkgs); len(pkgs) == 1 {
		checkLinux(c, pkgs[0], app)
	}
	fmt.Printf("distcheck: %d passed, %d failed\n", c.passed, c.failed)
	if c.failed > 0 {
		os.Exit(1)
	}
}

// appInfo is what FyneApp.toml says of the app, and its icon.
type appInfo struct {
	name, id, version string
	icon              []byte
}

func readApp(root string) (appInfo, error) {
	var a appInfo
	data, err := os.ReadFile(filepath.Join(root, "FyneApp.toml"))
	if err != nil {
		return a, err
	}
	field := func(key string) string {
		m := regexp.MustCompile(`(?m)^\s*` + key + `\s*=\s*"([^"]*)"`).FindSubmatch(data)
		if m == nil {
			return ""
		}
		return string(m[1])
	}
	a.name, a.id, a.version = field("Name"), field("ID"), field("Version")
	a.icon, err = os.ReadFile(filepath.Join(root, field("Icon")))
	return a, err
}

func checkWindows(c *check, path string, app appInfo) {
	x, err := readExe(path)
	if !c.that(err == nil, "Windows: a PE file", err) {
		return
	}
	c.that(x.amd64 && x.pe32plus, "Windows: PE32+ for x86-64")
	c.that(x.subsystem == subsystemGUI, "Windows: a GUI program, no console window", " (subsystem ", x.subsystem, ")")
	c.that(len(x.resources[rtGroupIcon]) > 0 && len(x.resources[rtIcon]) > 0, "Windows: an icon resource")
	c.that(len(x.resources[rtManifest]) > 0, "Windows: a manifest")
	icons := x.resources[rtIcon]
	c.that(len(icons) > 0 && sameIcon(icons[len(icons)-1], app.icon), "Windows: the icon is assets' icon")
	var text string
	for _, v := range x.resources[rtVersion] {
		text += versionText(v)
	}
	named := regexp.MustCompile("ProductName\x00+" + regexp.QuoteMeta(app.name) + "\x00").MatchString(text)
	c.that(named, "Windows: product name "+app.name+" in the version resource", fmt.Sprintf("%q", text))
	c.that(strings.Contains(text, app.version), "Windows: version "+app.version+" in the version resource")
	data, err := os.ReadFile(path)
	stamped := stampedVersion(path)
	c.that(err == nil && bytes.Contains(data, []byte(stamped)), "Windows: the program carries the version "+stamped, err)
}

// stampedVersion is the version in a file's name, Companion-VERSION-….
func stampedVersion(path string) string {
	base := strings.TrimPrefix(filepath.Base(path), "Companion-")
	return base[:strings.LastIndex(base[:strings.LastIndex(base, "-")], "-")]
}

// sameIcon reports whether an icon resource shows the app's icon: the
// same picture, compared point by point on a grid.
func sameIcon(res, icon []byte) bool {
	if !isPNG(res) {
		return false
	}
	a, err1 := png.Decode(bytes.NewReader(res))
	b, err2 := png.Decode(bytes.NewReader(icon))
	if err1 != nil || err2 != nil {
		return false
	}
	for i := 1; i < 8; i++ {
		for j := 1; j < 8; j++ {
			if !near(at(a, i, j), at(b, i, j)) {
				return false
			}
		}
	}
	return true
}

func at(m image.Image, i, j int) [4]uint32 {
	r := m.Bounds()
	x, y := r.Min.X+r.Dx()*i/8, r.Min.Y+r.Dy()*j/8
	cr, cg, cb, ca := m.At(x, y).RGBA()
	return [4]uint32{cr >> 8, cg >> 8, cb >> 8, ca >> 8}
}

func near(a, b [4]uint32) bool {
	for k := range a {
		if d := int(a[k]) - int(b[k]); d > 24 || d < -24 {
			return false
		}
	}
	return true
}

func checkLinux(c *check, path string, app appInfo) {
	list, err := exec.Command("tar", "-tJf", path).Output()
	if !c.that(err == nil, "Linux: a tar.xz", err) {
		return
	}
	files := strings.Fields(string(list))
	find := func(suffix string) string {
		for _, f := range files {
			if strings.HasSuffix(f, suffix) {
				return f
			}
		}
		return ""
	}
	bin, desktop := find("/usr/local/bin/companion"), find("/share/applications/"+app.id+".desktop")
	icon, makefile := find("/share/pixmaps/"+app.id+".png"), find("/Makefile")
	c.that(bin != "" && desktop != "" && icon != "" && makefile != "",
		"Linux: holds the program, the desktop entry, the icon and the Makefile", files)
	read := func(name string) []byte {
		if name == "" {
			return nil
		}
		b, _ := exec.Command("tar", "-xJOf", path, name).Output()
		return b
	}
	c.that(bytes.Equal(read(icon), app.icon), "Linux: the icon is assets' icon")
	entry := string(read(desktop))
	for _, line := range []string{"Name=" + app.name, "Exec=companion", "Icon=" + app.id, "Categories=Office;"} {
		c.that(strings.Contains(entry, "\n"+line+"\n"), "Linux: desktop entry has "+line, "\n", entry)
	}
	checkLinuxProgram(c, read(bin), stampedVersion(path))
}

// checkLinuxProgram runs the packaged program's --version.
func checkLinuxProgram(c *check, program []byte, version string) {
	tmp, err := os.MkdirTemp("", "distcheck-")
	if err != nil {
		c.that(false, "Linux: a folder to run the program in", err)
		return
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "companion")
	os.WriteFile(bin, program, 0o755)
	f, err := elf.Open(bin)
	if c.that(err == nil, "Linux: the program is an ELF file", err) {
		c.that(f.Machine == elf.EM_X86_64, "Linux: for x86-64")
		f.Close()
	}
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+tmp, "XDG_DATA_HOME="+tmp, "COMPANION_LANG=en")
	out, err := cmd.CombinedOutput()
	c.that(err == nil && strings.HasPrefix(string(out), "Companion "+version+"\n"), "Linux: companion --version says "+version, "\n", string(out))
}
