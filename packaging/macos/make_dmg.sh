#!/bin/sh
# Make the macOS disk image: the .app and a link to /Applications to drag it onto.
#
#   sh packaging/macos/make_dmg.sh "dist/Beian Desktop.app" dist/beian-desktop-0.1.0-macos.dmg 备案材料助手
#
# packaging/build.py runs it after PyInstaller (macOS only: hdiutil). The image is checked the
# way a user gets it: mounted read-only, the app inside runs its smoke test.
# Unsigned apps: PyInstaller signs ad hoc, which is enough to run; for distribution sign with a
# Developer ID and notarise (codesign --deep --options runtime, notarytool), or users must
# right-click → Open the first time.
set -eu

APP=$1
DMG=$2
VOLUME=$3
[ -d "$APP" ] || { echo "no app bundle at $APP" >&2; exit 1; }

STAGE=$(mktemp -d)
MOUNT=$(mktemp -d)
cleanup() {
    hdiutil detach -quiet "$MOUNT" 2>/dev/null || true
    rm -rf "$STAGE"
    rmdir "$MOUNT" 2>/dev/null || true
}
trap cleanup EXIT

cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -quiet -volname "$VOLUME" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

hdiutil attach -quiet -nobrowse -readonly -mountpoint "$MOUNT" "$DMG"
APP_NAME=$(basename "$APP")
PROGRAM="$MOUNT/$APP_NAME/Contents/MacOS/beian-desktop"
QT_QPA_PLATFORM=offscreen "$PROGRAM" --smoke-test
echo "$DMG"
