#!/bin/sh
# Install ML Team Maturity Workshop for this user (no root needed), or remove it again.
#
#   ./install.sh              installs into ~/.local (PREFIX=/some/where ./install.sh for another)
#   ./install.sh --uninstall  removes what the install put there; the workshops, settings and
#                             log in ~/.local/share, ~/.config and ~/.local/state are kept
#
# What goes where: the app folder in PREFIX/lib/ml-team-maturity-workshop, the `workshop`
# command in PREFIX/bin, the menu entry, icons, AppStream metainfo and the man page in
# PREFIX/share.
set -eu

APP=ml-team-maturity-workshop
DESKTOP_ID=org.mlteammaturity.Workshop
PREFIX=${PREFIX:-"$HOME/.local"}
HERE=$(cd "$(dirname "$0")" && pwd)
LIB="$PREFIX/lib/$APP"
SHARE="$PREFIX/share"
SIZES="16 24 32 48 64 128 256 512"

refresh_caches() {
    # Optional helpers: the menu picks the entry up without them, only a little later.
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
    return 0
}

uninstall() {
    rm -rf "$LIB"
    if [ -L "$PREFIX/bin/workshop" ] && [ "$(readlink "$PREFIX/bin/workshop")" = "$LIB/workshop" ]; then
        rm -f "$PREFIX/bin/workshop"
    fi
    rm -f "$SHARE/applications/$DESKTOP_ID.desktop" "$SHARE/metainfo/$DESKTOP_ID.metainfo.xml"
    rm -f "$SHARE/man/man1/workshop.1.gz" "$SHARE/icons/hicolor/scalable/apps/$APP.svg"
    for size in $SIZES; do
        rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/$APP.png"
    done
    refresh_caches
    echo "Removed ML Team Maturity Workshop from $PREFIX (your workshops are kept)."
}

install_app() {
    if [ -e "$PREFIX/bin/workshop" ] && [ ! -L "$PREFIX/bin/workshop" ]; then
        echo "install.sh: $PREFIX/bin/workshop exists and is not ours; move it away first" >&2
        exit 1
    fi
    mkdir -p "$PREFIX/bin" "$PREFIX/lib" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/man/man1" \
        "$SHARE/icons/hicolor/scalable/apps"
    # Into a fresh folder, then swapped in: a failed copy never leaves half an app.
    rm -rf "$LIB.new"
    mkdir -p "$LIB.new"
    cp -R "$HERE/workshop" "$HERE/_internal" "$HERE/licenses" "$LIB.new/"
    for file in README.md THIRD-PARTY-NOTICES.txt; do
        [ -f "$HERE/$file" ] && cp "$HERE/$file" "$LIB.new/"
    done
    rm -rf "$LIB"
    mv "$LIB.new" "$LIB"
    ln -sfn "$LIB/workshop" "$PREFIX/bin/workshop"
    # The menu entry starts the installed binary by its full path: ~/.local/bin is not on
    # every desktop session's PATH.
    sed "s|^Exec=workshop|Exec=$LIB/workshop|; s|^TryExec=workshop|TryExec=$LIB/workshop|" \
        "$HERE/share/applications/$DESKTOP_ID.desktop" > "$SHARE/applications/$DESKTOP_ID.desktop"
    cp "$HERE/share/metainfo/$DESKTOP_ID.metainfo.xml" "$SHARE/metainfo/"
    cp "$HERE/share/man/man1/workshop.1.gz" "$SHARE/man/man1/"
    cp "$HERE/share/icons/hicolor/scalable/apps/$APP.svg" "$SHARE/icons/hicolor/scalable/apps/"
    for size in $SIZES; do
        mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
        cp "$HERE/share/icons/hicolor/${size}x${size}/apps/$APP.png" "$SHARE/icons/hicolor/${size}x${size}/apps/"
    done
    refresh_caches
    echo "Installed ML Team Maturity Workshop into $PREFIX."
    case ":$PATH:" in
        *":$PREFIX/bin:"*) echo "Start it from the applications menu, or run: workshop" ;;
        *) echo "Start it from the applications menu, or run: $PREFIX/bin/workshop ($PREFIX/bin is not on your PATH)" ;;
    esac
}

case "${1:-}" in
    "") install_app ;;
    --uninstall) uninstall ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) echo "install.sh: unknown option $1 (use --uninstall, or nothing to install)" >&2; exit 2 ;;
esac
