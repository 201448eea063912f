"""Make the Debian package of the application folder: dist/tierdesk_VERSION_ARCH.deb.

    .venv/bin/python packaging/build.py --deb      # the folder, then this
    .venv/bin/python packaging/linux/build_deb.py   # from a folder built before
                                                    # (--fast: gzip, for a quick check)

The folder goes to /opt/tierdesk, the command to /usr/bin/tierdesk, with a menu entry, icons
and the file type of transfer files (.tdx). Needs dpkg-deb (Debian, Ubuntu).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ICONS = ROOT / "resources" / "icons"

# What the folder does not carry (the system's C library, OpenGL and X11 connection), and the
# libraries of Qt's X11 plugin, which the folder carries only where the build machine has them.
DEPENDS = ("libc6 (>= 2.31), libegl1, libgl1, libxcb1, libfontconfig1, libdbus-1-3, "
           "libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, "
           "libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0")

CONTROL = """\
Package: tierdesk
Version: {version}
Section: misc
Priority: optional
Architecture: {arch}
Installed-Size: {size}
Depends: {depends}
Maintainer: TierDesk <tierdesk@localhost>
Description: customer archive of a field sales office
 Visit cards, the master file behind them (orders, payments, complaints, tier
 history), tiers and visit quotas, in Simplified Chinese and English.
"""


def _version() -> str:
    sys.path.insert(0, str(ROOT))
    from tierdesk import __version__

    return __version__


def build_deb(bundle: Path, out_dir: Path, *, fast: bool = False) -> Path:
    """The package of the folder ``bundle``, written to ``out_dir``; ``fast``: gzip at its
    quickest instead of xz (for a check that the package builds, not for release)."""
    if not (bundle / "tierdesk").exists():
        raise SystemExit(f"{bundle} holds no tierdesk: run packaging/build.py first")
    dpkg_deb = shutil.which("dpkg-deb")
    if dpkg_deb is None:
        raise SystemExit("dpkg-deb is missing: the Debian package is made on Debian or Ubuntu")
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    version = _version()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(bundle, root / "opt" / "tierdesk", symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / "tierdesk").symlink_to("/opt/tierdesk/tierdesk")
        share = root / "usr" / "share"
        (share / "applications").mkdir(parents=True)
        for entry in ("tierdesk.desktop", "tierdesk-transfer.desktop"):
            shutil.copy2(HERE / entry, share / "applications" / entry)
        (share / "mime" / "packages").mkdir(parents=True)
        shutil.copy2(HERE / "tierdesk-mime.xml", share / "mime" / "packages" / "tierdesk.xml")
        for png in ICONS.glob("tierdesk-*.png"):
            size = png.stem.split("-")[1]
            folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
            folder.mkdir(parents=True)
            shutil.copy2(png, folder / "tierdesk.png")
        scalable = share / "icons" / "hicolor" / "scalable" / "apps"
        scalable.mkdir(parents=True)
        shutil.copy2(ICONS / "tierdesk.svg", scalable / "tierdesk.svg")
        doc = share / "doc" / "tierdesk"
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(
            "TierDesk, with the components listed in Help → About; their licence texts are in\n"
            "/opt/tierdesk/licences.\n", encoding="utf-8")
        size_kb = sum(p.stat().st_size for p in root.rglob("*")
                      if p.is_file() and not p.is_symlink()) // 1024
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN" / "control").write_text(CONTROL.format(
            version=version, arch=arch, size=size_kb, depends=DEPENDS), encoding="utf-8")
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"tierdesk_{version}_{arch}.deb"
        compression = ["-Zgzip", "-z1"] if fast else ["-Zxz", "-z6"]
        subprocess.run([dpkg_deb, "--root-owner-group", *compression, "--build", str(root),
                        str(target)], check=True, capture_output=True)
    return target


if __name__ == "__main__":
    built = build_deb(ROOT / "dist" / "TierDesk", ROOT / "dist", fast="--fast" in sys.argv)
    print(f"Wrote {built.relative_to(ROOT)}")
