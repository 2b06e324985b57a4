"""Build the installer for this system, in one command:

    python packaging/build.py [--skip-pyinstaller]

1. compiles the translations (resources/translations/*.ts) to .qm with PySide6's lrelease;
2. runs PyInstaller on packaging/helpdesk.spec: a one-folder app in dist/helpdesk/;
3. packs it for this system into dist/:
   - Linux: helpdesk_VERSION_ARCH.deb (dpkg-deb): the app in /opt/helpdesk, ``helpdesk`` on the
     PATH (/usr/bin), a menu entry and its icons;
   - Windows: HelpDesk-VERSION-setup.exe, with Inno Setup's ``iscc`` (packaging/windows/helpdesk.iss);
   - macOS: "Help desk.app" (the spec's BUNDLE) in HelpDesk-VERSION.dmg, with ``hdiutil``.
Needs ``pip install ".[package]"``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
ICONS = ROOT / "resources" / "icons"
sys.path.insert(0, str(ROOT))

import helpdesk  # noqa: E402

VERSION = helpdesk.__version__

# What Qt's xcb platform plugin and its libraries need that a bare Debian or Ubuntu desktop may lack
# (checked with ldd on the bundle: everything else is inside /opt/helpdesk). See the README.
DEB_DEPENDS = [
    "libc6",
    "libfontconfig1",
    "libfreetype6",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libegl1",
    "libgl1",
    "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0",
]


def run(*command: str | Path, **kwargs) -> None:
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], check=True, **kwargs)


def compile_translations() -> None:
    from ui.i18n import compile_translation

    for source in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        target = source.with_suffix(".qm")
        if not compile_translation(source, target):
            raise SystemExit(f"could not compile {source}")
        print(f"compiled {target.relative_to(ROOT)}")


def pyinstaller() -> None:
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        BUILD / "pyinstaller",
        PACKAGING / "helpdesk.spec",
    )


DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Help desk
Name[fa]=میز خدمت مشتریان
GenericName=Help desk
Comment=Customers, calls and complaints for the front desk
Comment[fa]=مشتریان، تماس‌ها و شکایت‌ها برای میز پذیرش
Exec=helpdesk
Icon=helpdesk
Terminal=false
Categories=Office;Database;Qt;
Keywords=customers;calls;complaints;support;
StartupWMClass=helpdesk
"""


def deb() -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    root = BUILD / "deb" / "helpdesk"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(DIST / "helpdesk", root / "opt" / "helpdesk", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/helpdesk/helpdesk", root / "usr" / "bin" / "helpdesk")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / "helpdesk.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    for png in ICONS.glob("helpdesk-*.png"):
        size = png.stem.split("-")[1]
        folder = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, folder / "helpdesk.png")
    doc = root / "usr" / "share" / "doc" / "helpdesk"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    control = root / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        f"Package: helpdesk\nVersion: {VERSION}\nSection: misc\nPriority: optional\nArchitecture: {arch}\n"
        f"Installed-Size: {size_kb}\nDepends: {', '.join(DEB_DEPENDS)}\n"
        "Maintainer: Help desk developers <helpdesk@localhost>\n"
        "Description: desktop help desk for front-desk staff\n"
        " Customers, calls, complaints, calm-down sessions and reports, in English and Persian,\n"
        " on a SQLite file or a PostgreSQL server. Qt, Python and every library are inside\n"
        " /opt/helpdesk.\n",
        encoding="utf-8",
    )
    # Whoever runs the build, the installed files belong to root and are readable by all.
    for path in root.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    out = DIST / f"helpdesk_{VERSION}_{arch}.deb"
    # zstd: quick to pack and to unpack (dpkg 1.21.18+: Debian 12, Ubuntu 21.10 and later).
    run("dpkg-deb", "--root-owner-group", "-Zzstd", "-z9", "--build", root, out)
    return out


def copyright_text() -> str:
    import json

    components = json.loads((ROOT / "resources" / "licenses" / "bundled.json").read_text(encoding="utf-8"))
    lines = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
        "Upstream-Name: helpdesk",
        "",
        "Files: *",
        "Copyright: the help desk's developers",
        "License: proprietary",
        "",
        "The installed app bundles, in /opt/helpdesk:",
    ]
    lines += [f"  {c['name']}: {c['licence']}" for c in components["components"]]
    lines += [
        "",
        (
            "Their licence texts are in /opt/helpdesk/_internal/resources/licenses, "
            "/opt/helpdesk/_internal/resources/fonts and each library's *.dist-info folder,"
        ),
        "and are shown in the app under Help > About.",
        "",
    ]
    return "\n".join(lines)


def windows() -> Path:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe"
        iscc = str(default) if default.exists() else None
    if iscc is None:
        raise SystemExit("Inno Setup's iscc was not found: install Inno Setup 6 (choco install innosetup)")
    run(
        iscc,
        f"/DAppVersion={VERSION}",
        f"/DAppDir={DIST / 'helpdesk'}",
        f"/O{DIST}",
        PACKAGING / "windows" / "helpdesk.iss",
    )
    return DIST / f"HelpDesk-{VERSION}-setup.exe"


def macos() -> Path:
    app = DIST / "Help desk.app"
    if not app.is_dir():
        raise SystemExit(f"{app} was not built")
    # The disk image holds the app and a link to /Applications to drag it onto.
    stage = BUILD / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    run("ditto", app, stage / app.name)
    os.symlink("/Applications", stage / "Applications")
    out = DIST / f"HelpDesk-{VERSION}.dmg"
    out.unlink(missing_ok=True)
    run("hdiutil", "create", "-volname", f"Help desk {VERSION}", "-srcfolder", stage, "-ov", "-format", "UDZO", out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--skip-pyinstaller", action="store_true", help="pack the dist/helpdesk folder of an earlier run again"
    )
    args = parser.parse_args()
    compile_translations()
    if not args.skip_pyinstaller:
        pyinstaller()
    system = platform.system()
    if system == "Linux":
        out = deb()
    elif system == "Windows":
        out = windows()
    elif system == "Darwin":
        out = macos()
    else:
        raise SystemExit(f"no installer for {system}; the app is in {DIST / 'helpdesk'}")
    print(f"built {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
