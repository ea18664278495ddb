#!/usr/bin/env bash
# Starts the Windows app under Wine, which has no WebView2, and proves that the binary, its
# resources and its language handling load: it must show its own message, in the language the
# machine speaks, instead of failing. A screenshot of each language lands in the output folder.
#   packaging/windows/webview2-message.sh <folder with derbes-app.exe> <output folder>
# Needs Xvfb, the kk_KZ and ru_RU locales, and the Wine prefix and shim of scripts/windows.sh
# (wine_env, wine_shim); scripts/package.sh sets all of these up.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="$1"
OUT="$2"
mkdir -p "$OUT"
title() { sed -n 's/^app-webview2-missing-title = //p' "$ROOT/crates/core/locales/$1/app.ftl"; }

# Wine's own Tahoma, which message boxes use, lacks the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і)
# that Windows' fonts have; DejaVu Sans (fonts-dejavu-core) stands in so the screenshots show the
# sentences as a Windows machine would.
fc-list 2>/dev/null | grep "DejaVu Sans" >/dev/null || echo "DejaVu Sans is missing: Kazakh letters will show as boxes" >&2
for font in Tahoma "MS Shell Dlg" "MS Shell Dlg 2"; do
  wine reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "$font" /t REG_SZ /d "DejaVu Sans" /f >/dev/null 2>&1
done

# The Wine server started above has no display (nor may any started earlier): a window asked of
# it would go nowhere. Each case below starts its own under Xvfb.
wineserver -k >/dev/null 2>&1 || true

# kk and ru as the machine's locale (Wine takes it from LANG), en by DERBES_LANG.
for case in "kk LANG=kk_KZ.UTF-8" "ru LANG=ru_RU.UTF-8" "en DERBES_LANG=en"; do
  set -- $case
  lang="$1"
  expected="$(title "$lang")"
  shot="$OUT/windows-webview2-missing-$lang.png"
  xvfb-run -a -s "-screen 0 1024x700x24" env "$2" bash -c '
    wine "$0/derbes-app.exe" >/dev/null 2>&1 &
    for _ in $(seq 1 120); do
      xwininfo -root -tree 2>/dev/null | grep -qF "\"$1\"" && break
      sleep 1
    done
    sleep 2
    found=$(xwininfo -root -tree 2>/dev/null | grep -cF "\"$1\"" || true)
    import -window root "$2"
    wineserver -k >/dev/null 2>&1 || true
    [ "$found" -gt 0 ]' "$BIN" "$expected" "$shot" ||
    { echo "FAILED: no message box titled \"$expected\" ($lang); see $shot" >&2; exit 1; }
  echo "ok: the Windows app says \"$expected\" ($lang): $shot"
done
