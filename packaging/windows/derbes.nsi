; The Derbes installer for Windows, built on Linux with Debian's makensis (packaging/windows/build.sh).
; Per user, without administrator rights: it installs into %LOCALAPPDATA%\Programs\Derbes, adds a
; Start-menu entry and an entry in "Apps & features", and removes only its own files again.
; Vaults (by default %USERPROFILE%\Derbes) and settings (%APPDATA%\kz.derbes.app) are the
; person's data: neither an upgrade nor the uninstaller ever touches them.
;
; makensis -DVERSION=0.1.0 -DSTAGE=<folder with Derbes.exe, WebView2Loader.dll, bin\derbes.exe>
;          -DOUTFILE=<installer.exe> -DICON=<icon.ico> derbes.nsi

; A 64-bit installer for a 64-bit program: it runs wherever Derbes can (Windows itself refuses
; both on 32-bit Windows, with its own message), and under Debian's 64-bit-only Wine, where the
; tests run it. Debian's nsis ships the amd64-unicode stubs and plugins.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
; build.sh gives -DCOMPRESSOR=zlib for debug installers, which are only tested.
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}

!ifndef VERSION | STAGE | OUTFILE | ICON
  !error "Give -DVERSION, -DSTAGE, -DOUTFILE and -DICON (see packaging/windows/build.sh)"
!endif

!define PRODUCT "Derbes"
!define PUBLISHER "Derbes"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT}"
!define PRODUCT_KEY "Software\${PRODUCT}"
; The Evergreen WebView2 Runtime's client id (Microsoft's documented way to detect it).
!define WEBVIEW2_CLIENT "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${PRODUCT}"
Caption "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${PRODUCT_KEY}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} ${VERSION} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; welcome.bmp is welcome.svg, made with: rsvg-convert welcome.svg | convert - -type TrueColor BMP3:welcome.bmp
!define MUI_WELCOMEFINISHPAGE_BITMAP "${__FILEDIR__}\welcome.bmp"
!define MUI_FINISHPAGE_RUN "$INSTDIR\Derbes.exe"
; Asked before any language is chosen, so in all three.
!define MUI_LANGDLL_WINDOWTITLE "Derbes"
!define MUI_LANGDLL_INFO "Тілді таңдаңыз · Выберите язык · Choose a language"
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${PRODUCT_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Kazakh first: where Windows speaks none of the three, the installer does.
!insertmacro MUI_LANGUAGEEX "${__FILEDIR__}\lang" "Kazakh"
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_LANGUAGE "English"

LangString WebView2Missing ${LANG_KAZAKH} "Derbes терезесін көрсету үшін Microsoft Edge WebView2 қажет. Windows 10 және 11 оны әдетте өзі орнатады, бірақ бұл компьютерде ол табылмады.$\r$\n$\r$\nDerbes орнатыла береді. Іске қоспас бұрын WebView2-ні Microsoft сайтынан жүктеп алып, орнатыңыз (интернеті бар кез келген компьютерде жүктеп, флешкамен әкелуге болады):$\r$\nhttps://go.microsoft.com/fwlink/p/?LinkId=2124703$\r$\n$\r$\nОрнатуды жалғастырасыз ба?"
LangString WebView2Missing ${LANG_RUSSIAN} "Для окна Derbes нужен Microsoft Edge WebView2. Windows 10 и 11 обычно устанавливают его сами, но на этом компьютере он не найден.$\r$\n$\r$\nDerbes можно установить и сейчас. Перед запуском скачайте и установите WebView2 с сайта Microsoft (можно скачать на любом компьютере с интернетом и принести на флешке):$\r$\nhttps://go.microsoft.com/fwlink/p/?LinkId=2124703$\r$\n$\r$\nПродолжить установку?"
LangString WebView2Missing ${LANG_ENGLISH} "Derbes needs Microsoft Edge WebView2 to show its window. Windows 10 and 11 usually install it themselves, but it was not found on this computer.$\r$\n$\r$\nDerbes can still be installed now. Before you start it, download and install WebView2 from Microsoft (any computer with internet will do; bring it on a USB stick):$\r$\nhttps://go.microsoft.com/fwlink/p/?LinkId=2124703$\r$\n$\r$\nContinue the installation?"
LangString KeepsData ${LANG_KAZAKH} "Қоймалар мен баптаулар жойылмайды: олар өз қалталарында қалады."
LangString KeepsData ${LANG_RUSSIAN} "Хранилища и настройки не удаляются: они остаются в своих папках."
LangString KeepsData ${LANG_ENGLISH} "Vaults and settings are not removed: they stay in their own folders."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
  Call CheckWebView2
FunctionEnd

; WebView2 is where Microsoft's documentation says to look: per machine (the 32-bit registry
; view, which is WOW6432Node on 64-bit Windows) or per user. It cannot be downloaded from here,
; so the installer says what to do and lets the person go on.
Function CheckWebView2
  SetRegView 32
  ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  SetRegView 64
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(WebView2Missing)" /SD IDYES IDYES +2
    Abort
  ${EndIf}
FunctionEnd

Section "Derbes" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; The same names as the previous version: an upgrade replaces the program, nothing else.
  File "${STAGE}\Derbes.exe"
  File "${STAGE}\WebView2Loader.dll"
  ; The command-line tool in a folder of its own: Windows names are not case-sensitive, so
  ; derbes.exe cannot sit beside Derbes.exe, and bin\ can go on PATH alone.
  SetOutPath "$INSTDIR\bin"
  File "${STAGE}\bin\derbes.exe"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\Uninstall Derbes.exe"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\Derbes.exe" "" "$INSTDIR\Derbes.exe" 0

  WriteRegStr HKCU "${PRODUCT_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${PRODUCT_KEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\Derbes.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall Derbes.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall Derbes.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize ${SecMain} $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; Only what the installer put there, by name: never a folder's contents, never a vault.
Section "Uninstall"
  Delete "$INSTDIR\Derbes.exe"
  Delete "$INSTDIR\bin\derbes.exe"
  RMDir "$INSTDIR\bin"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\Uninstall Derbes.exe"
  ; Removed only when empty: whatever else someone put there stays.
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${PRODUCT_KEY}"
  DetailPrint "$(KeepsData)"
SectionEnd
