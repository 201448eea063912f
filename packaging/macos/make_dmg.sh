#!/usr/bin/env bash
# Put dist/TierDesk.app on a disk image a user opens and drags to Applications (macOS only:
# hdiutil). Run after packaging/macos/build_app.sh.
#   bash packaging/macos/make_dmg.sh           -> dist/TierDesk-<version>.dmg
set -euo pipefail
cd "$(dirname "$0")/../.."
app=dist/TierDesk.app
[ -d "$app" ] || { echo "$app is missing: run packaging/macos/build_app.sh first" >&2; exit 1; }
version=$(.venv/bin/python -c 'import tierdesk; print(tierdesk.__version__)')
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
image="dist/TierDesk-$version.dmg"
rm -f "$image"
hdiutil create -volname "TierDesk $version" -srcfolder "$staging" -fs HFS+ -format UDZO \
  -imagekey zlib-level=9 -ov "$image"
if [ -n "${TIERDESK_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$TIERDESK_SIGN_IDENTITY" "$image"
fi
echo "Wrote $image"
