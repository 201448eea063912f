#!/usr/bin/env bash
# Build TierDesk.app on a Mac (packaging/README.md, "macOS"): a virtual environment with the
# freezer, the one-folder application, and the .app bundle PyInstaller makes from it
# (packaging/tierdesk.spec), checked with its self-test.
#   bash packaging/macos/build_app.sh          -> dist/TierDesk.app
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m venv .venv
.venv/bin/python -m pip install -q -e '.[ship]'
.venv/bin/python packaging/build.py
QT_QPA_PLATFORM=offscreen dist/TierDesk.app/Contents/MacOS/tierdesk --self-test
# Signing (needs a Developer ID certificate in the keychain; skipped when none is named):
if [ -n "${TIERDESK_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp \
    --sign "$TIERDESK_SIGN_IDENTITY" dist/TierDesk.app
fi
echo "dist/TierDesk.app is ready; bash packaging/macos/make_dmg.sh makes the disk image."
