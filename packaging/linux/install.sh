#!/bin/sh
# 备案材料助手 Beian Desktop — install for the current user (no root needed), or uninstall.
#
#   ./install.sh              install into ~/.local (program, menu entry, icons, file types)
#   ./install.sh --uninstall  remove it again (your cases stay in ~/.local/share/beian-desktop);
#                             a copy is kept as ~/.local/lib/beian-desktop/install.sh
#
# PREFIX=/opt/beian ./install.sh installs elsewhere (then share/ files go to $PREFIX/share,
# which the desktop only reads if it is in XDG_DATA_DIRS); run it as root for /usr/local.
set -eu

APP_ID=io.github.beiandesktop.BeianDesktop
NAME=beian-desktop
HERE=$(cd "$(dirname "$0")" && pwd)

if [ -n "${PREFIX:-}" ]; then
    SHARE=$PREFIX/share
else
    PREFIX=$HOME/.local
    SHARE=${XDG_DATA_HOME:-$HOME/.local/share}
fi
LIBDIR=$PREFIX/lib/$NAME
BINDIR=$PREFIX/bin
PROGRAM=$LIBDIR/$NAME

say() { printf '%s\n' "$*"; }

# Refresh the desktop's caches when their tools exist (the desktop rescans anyway, later).
refresh_caches() {
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$SHARE/mime/packages" ]; then
        update-mime-database "$SHARE/mime" || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$SHARE/applications" ]; then
        update-desktop-database -q "$SHARE/applications" || true
    fi
    # Only refresh an icon cache that exists: a user-level cache nobody maintains would hide
    # icons other apps install later.
    if command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && [ -f "$SHARE/icons/hicolor/icon-theme.cache" ]; then
        gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" || true
    fi
    touch "$SHARE/icons/hicolor" 2>/dev/null || true
}

uninstall() {
    rm -rf "$LIBDIR"
    [ -L "$BINDIR/$NAME" ] && rm -f "$BINDIR/$NAME"
    rm -f "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml" \
        "$SHARE/mime/packages/$APP_ID.xml"
    rm -f "$SHARE"/icons/hicolor/*/apps/"$APP_ID".png "$SHARE"/icons/hicolor/*/apps/"$APP_ID".svg
    refresh_caches
    say "已卸载 / Uninstalled. 案卷仍保存在 / Your cases remain in ~/.local/share/$NAME"
}

# The .desktop file names the program by its absolute path (a desktop session's PATH often
# lacks ~/.local/bin). Exec quoting (Desktop Entry spec): refuse the few characters that
# would need escaping rather than get them wrong.
desktop_file() {
    case "$PROGRAM" in
        *[\"\`\$\\]*) say "Install path must not contain \" \` \$ or \\: $PROGRAM" >&2; exit 1 ;;
    esac
    while IFS= read -r line; do
        case "$line" in
            Exec=*) printf 'Exec="%s" %%F\n' "$PROGRAM" ;;
            TryExec=*) printf 'TryExec=%s\n' "$PROGRAM" ;;
            *) printf '%s\n' "$line" ;;
        esac
    done <"$HERE/share/applications/$APP_ID.desktop"
}

install_app() {
    [ -x "$HERE/$NAME/$NAME" ] || { say "Run install.sh from the unpacked folder." >&2; exit 1; }
    mkdir -p "$PREFIX/lib" "$BINDIR" "$SHARE/applications" "$SHARE/metainfo" \
        "$SHARE/mime/packages"
    rm -rf "$LIBDIR.new"
    cp -R "$HERE/$NAME" "$LIBDIR.new"
    rm -rf "$LIBDIR"
    mv "$LIBDIR.new" "$LIBDIR"
    ln -sf "$PROGRAM" "$BINDIR/$NAME"
    desktop_file >"$SHARE/applications/$APP_ID.desktop"
    cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
    cp "$HERE/share/mime/packages/$APP_ID.xml" "$SHARE/mime/packages/"
    mkdir -p "$SHARE/icons"
    cp -R "$HERE/share/icons/hicolor" "$SHARE/icons/"
    cp "$HERE/install.sh" "$LIBDIR/install.sh"
    refresh_caches
    say "已安装 / Installed: $PROGRAM"
    say "在应用菜单中打开“备案材料助手”，或双击扫描件、PDF 与 case.json 选择用它打开。"
    say "Open “Beian Desktop” from the applications menu, or open scans, PDFs and case.json with it."
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "") install_app ;;
    *) say "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
