#!/usr/bin/env python3
"""Checks a packaged Clio .vsix is fit to publish: size, licence, changelog, icon, repository, target, binary.

Usage: check_package.py VSIX --target T (--bundled | --no-bundled) --root REPO [--log PACKAGE_LOG]
                        [--screenshot tests/artifacts/NAME.png]...
Prints one "ok"/"FAIL" line per check and exits 1 if any failed.
"""
import argparse
import json
import posixpath
import re
import stat
import struct
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse

# The marketplace takes far more; a small download is the point (issue 16). The linux-x64 package
# bundles the `dist` build, stripped, with the fact base prebuilt and the word lists front-coded.
MAX_BYTES = 4_000_000
failures = []


def check(ok, what):
    print(f"{'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        failures.append(what)
    return ok


def png_size(data):
    """Width and height from a PNG's IHDR chunk, or None if it is not a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def elf_sections(data):
    """Section names of a 64-bit little-endian ELF file (empty when it is not one)."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    strtab_off, = struct.unpack_from("<Q", data, shoff + shstrndx * shentsize + 0x18)
    names = []
    for i in range(shnum):
        name_off, = struct.unpack_from("<I", data, shoff + i * shentsize)
        end = data.index(b"\0", strtab_off + name_off)
        names.append(data[strtab_off + name_off:end].decode("latin1"))
    return names


def check_docs(z, names, root, manifest, screenshots):
    ext_dir = root / "editors" / "vscode"
    licence = next((n for n in ("extension/LICENSE.txt", "extension/LICENSE") if n in names), None)
    if check(licence is not None, "the package holds a LICENSE"):
        check(z.read(licence) == (root / "LICENSE").read_bytes(), "its LICENSE is the repository's (MIT)")
    check(manifest.get("license") == "MIT", f"package.json says MIT (got {manifest.get('license')!r})")
    if check("extension/changelog.md" in {n.lower() for n in names}, "the package holds a CHANGELOG.md"):
        name = next(n for n in names if n.lower() == "extension/changelog.md")
        check(z.read(name) == (ext_dir / "CHANGELOG.md").read_bytes(), "its CHANGELOG is editors/vscode/CHANGELOG.md")
    readme = z.read("extension/readme.md").decode("utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", readme)
    shots = 0
    for url in images:
        parts = urlparse(url)
        check(parts.scheme == "https", f"README image is an https URL: {url}")
        # https://github.com/OWNER/REPO/raw/HEAD/<path in the repository>
        path = posixpath.normpath(parts.path).split("/raw/HEAD/", 1)
        in_repo = path[1] if len(path) == 2 else ""
        if in_repo.startswith("tests/artifacts/"):
            # Not required to exist yet: the end-to-end test that follows takes it.
            shots += 1
            check(in_repo in screenshots, f"README screenshot {in_repo} is one the test takes ({screenshots})")
        else:
            check(in_repo != "" and (root / in_repo).is_file(), f"README image {url} is a file in the repository")
    check(shots > 0, f"the README shows a screenshot from tests/artifacts/ (images: {images})")


def check_metadata(z, names, root, manifest, vsixmanifest, target):
    check(manifest.get("publisher") == "clio-essays", f"publisher is clio-essays (got {manifest.get('publisher')!r})")
    repo = manifest.get("repository") or {}
    url = repo.get("url", "") if isinstance(repo, dict) else repo
    check(url.startswith("https://github.com/"), f"package.json has a GitHub repository ({url!r})")
    check('Id="Microsoft.VisualStudio.Services.Links.Source"' in vsixmanifest, "the gallery manifest links the source")
    icon = manifest.get("icon")
    if check(icon is not None and f"extension/{icon}" in names, f"the icon {icon} is in the package"):
        size = png_size(z.read(f"extension/{icon}"))
        check(size is not None and min(size) >= 128, f"the icon is a PNG of at least 128×128 (got {size})")
    check(f'TargetPlatform="{target}"' in vsixmanifest, f"the package targets {target}")


def check_server(z, names, bundled):
    server = [n for n in names if n.startswith("extension/server/")]
    if not bundled:
        check(server == [], f"no server binary in this package (got {server})")
        return
    if not check(server == ["extension/server/clio-ls"], f"the package bundles server/clio-ls (got {server})"):
        return
    info = z.getinfo("extension/server/clio-ls")
    check(bool((info.external_attr >> 16) & stat.S_IXUSR), "the bundled clio-ls is executable")
    data = z.read("extension/server/clio-ls")
    check(data[:4] == b"\x7fELF" and struct.unpack_from("<H", data, 18)[0] == 0x3E, "the bundled clio-ls is an x86-64 ELF binary")
    sections = elf_sections(data)
    # .debug_gdb_scripts is loaded at run time and survives strip; the symbol and line tables must not.
    kept = sorted({".symtab", ".debug_info", ".debug_line", ".debug_str"} & set(sections))
    check(bool(sections) and kept == [], f"the bundled clio-ls is stripped (symbol and debug tables left: {kept})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vsix")
    ap.add_argument("--target", required=True)
    ap.add_argument("--bundled", action=argparse.BooleanOptionalAction, required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--log")
    ap.add_argument("--screenshot", action="append", default=[], help="a repository path the test writes")
    args = ap.parse_args()
    root = Path(args.root)
    vsix = Path(args.vsix)
    size = vsix.stat().st_size
    print(f"---- {vsix.name}: {size / 1e6:.2f} MB")
    check(size < MAX_BYTES, f"{vsix.name} is under {MAX_BYTES // 1_000_000} MB ({size} bytes)")
    if args.log:
        warnings = [l for l in Path(args.log).read_text(errors="replace").splitlines() if re.search(r"\bWARNING\b|\bERROR\b", l)]
        check(warnings == [], f"vsce packaged without warnings {warnings}")
    with zipfile.ZipFile(vsix) as z:
        names = z.namelist()
        manifest = json.loads(z.read("extension/package.json"))
        vsixmanifest = z.read("extension.vsixmanifest").decode("utf-8")
        check_docs(z, names, root, manifest, args.screenshot)
        check_metadata(z, names, root, manifest, vsixmanifest, args.target)
        check_server(z, names, args.bundled)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
