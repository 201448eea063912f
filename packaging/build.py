"""Build TierDesk as a one-folder application: ``dist/TierDesk/`` with its executable
``dist/TierDesk/tierdesk`` (``tierdesk.exe`` on Windows, ``TierDesk.app`` beside it on macOS),
which needs no Python on the machine.

    .venv/bin/python -m pip install -e '.[ship]'
    .venv/bin/python packaging/build.py            # the folder; --deb: the Debian package too
    dist/TierDesk/tierdesk --self-test

The freezer is PyInstaller (packaging/README.md says why); its recipe is packaging/tierdesk.spec
and what it leaves out is in packaging/bundle_rules.py. The licence texts of what the folder
carries are copied into dist/TierDesk/licences/.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "TierDesk"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "packaging" / "tierdesk.spec"
LICENCE_FILE_NAMES = ("license", "licence", "copying", "notice", "authors")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def copy_licences(target: Path) -> int:
    """The licence texts of TierDesk's own resources, of Python and of every distribution
    the program runs on, one folder each."""
    target.mkdir(parents=True, exist_ok=True)
    copied = 0
    for path in (ROOT / "resources" / "licences").glob("*.txt"):
        shutil.copy2(path, target / path.name)
        copied += 1
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    python_licence = Path(sys.base_prefix) / "lib" / version / "LICENSE.txt"
    if python_licence.exists():
        (target / "Python").mkdir(exist_ok=True)
        shutil.copy2(python_licence, target / "Python" / "LICENSE.txt")
        copied += 1
    from tierdesk.ui.about_dialog import COMPONENTS

    for _name, distribution, _licence in COMPONENTS:
        if not distribution:
            continue
        try:
            dist = metadata.distribution(distribution)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or ():
            if Path(str(file)).name.lower().startswith(LICENCE_FILE_NAMES):
                source = Path(str(dist.locate_file(file)))
                if source.is_file():
                    folder = target / distribution
                    folder.mkdir(exist_ok=True)
                    shutil.copy2(source, folder / source.name)
                    copied += 1
    return copied


def strip_libraries(bundle: Path) -> int:
    """Strip the debugging symbols of the folder's libraries (Linux), leaving alone those that
    a wheel's repair tool patched (folders ending in ``.libs``: stripping breaks NumPy's
    OpenBLAS). Returns the bytes saved."""
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return 0
    import subprocess

    saved = 0
    for library in (bundle / "_internal").rglob("*.so*"):
        if library.is_symlink() or not library.is_file() or any(
                part.endswith(".libs") for part in library.parts):
            continue
        before = library.stat().st_size
        subprocess.run([strip, "--strip-unneeded", str(library)], check=True,
                       capture_output=True)
        saved += before - library.stat().st_size
    return saved


def build_bundle(*, clean: bool = True) -> float:
    """Run the freezer; returns the seconds it took."""
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        raise SystemExit("PyInstaller is missing: .venv/bin/python -m pip install -e "
                         "'.[ship]'") from None
    started = time.perf_counter()
    args = ["--noconfirm", "--log-level", "WARN", "--distpath", str(DIST),
            "--workpath", str(WORK), str(SPEC)]
    pyinstaller.run((["--clean"] if clean else []) + args)
    strip_libraries(BUNDLE)
    licences = copy_licences(BUNDLE / "licences")
    took = time.perf_counter() - started
    print(f"{BUNDLE.relative_to(ROOT)}: {folder_size(BUNDLE) / 1e6:.0f} MB, "
          f"{licences} licence files, built in {took:.0f} s")
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deb", action="store_true",
                        help="then make the Debian package (dist/tierdesk_VERSION_ARCH.deb)")
    parser.add_argument("--fast-deb", action="store_true",
                        help="compress the Debian package quickly (a check, not a release)")
    parser.add_argument("--keep-cache", action="store_true",
                        help="reuse the freezer's cache of an earlier build (faster)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    build_bundle(clean=not args.keep_cache)
    if args.deb:
        sys.path.insert(0, str(ROOT / "packaging" / "linux"))
        from build_deb import build_deb

        print(f"Wrote {build_deb(BUNDLE, DIST, fast=args.fast_deb).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
