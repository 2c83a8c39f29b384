[% extends "pyapp.nsi" %]
; Simpul's additions to pynsist's installer:
; - per-user install by default (no admin rights); /AllUsers when run elevated;
; - Bahasa Indonesia first, English second;
; - a desktop shortcut beside the Start-menu one;
; - an upgrade replaces the old program files and then migrates the user's database (after a
;   backup), which lives in %LOCALAPPDATA%\Simpul, never in the install folder;
; - the uninstaller leaves that data folder in place and says so.

[% block modernui %]
!include "MUI2.nsh"
!define MUI_ABORTWARNING
!define MUI_ICON "[[icon]]"
!define MUI_UNICON "[[icon]]"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_FUNCTION LaunchSimpul
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

Function LaunchSimpul
  Exec '"$INSTDIR\Python\pythonw.exe" "$INSTDIR\Simpul.launch.pyw"'
FunctionEnd

LangString DataKept ${LANG_INDONESIAN} "Data Simpul (basis data dan cadangannya) TIDAK dihapus. Data tetap ada di $LOCALAPPDATA\Simpul dan akan dipakai lagi bila Simpul dipasang ulang. Hapus folder itu sendiri bila memang tidak diperlukan lagi."
LangString DataKept ${LANG_ENGLISH} "Simpul's data (the database and its backups) was NOT removed. It stays in $LOCALAPPDATA\Simpul and is used again if Simpul is reinstalled. Delete that folder yourself if it is no longer needed."
LangString Migrating ${LANG_INDONESIAN} "Memperbarui basis data (cadangan dibuat dulu)..."
LangString Migrating ${LANG_ENGLISH} "Upgrading the database (a backup is made first)..."
[% endblock modernui %]

[% block install_pkgs %]
  ; An upgrade must not leave modules of the old version behind.
  RMDir /r "$INSTDIR\pkgs"
  [[ super() ]]
[% endblock install_pkgs %]

[% block install_shortcuts %]
  [[ super() ]]
  SetOutPath "%HOMEDRIVE%\%HOMEPATH%"
  [% for scname, sc in ib.shortcuts.items() %]
  CreateShortCut "$DESKTOP\[[scname]].lnk" "[[sc['target'] ]]" '[[ sc['parameters'] ]]' "$INSTDIR\[[ sc['icon'] ]]"
  [% endfor %]
  SetOutPath "$INSTDIR"
[% endblock install_shortcuts %]

[% block install_commands %]
  [[ super() ]]
  ; The database belongs to the user who installs per-user; an all-users install leaves the
  ; upgrade to each user's first start (the app makes the same backup then).
  StrCmp $MultiUser.InstallMode CurrentUser 0 skip_migration
    DetailPrint "$(Migrating)"
    nsExec::ExecToLog '"$INSTDIR\Python\python.exe" -m desktop upgrade'
  skip_migration:
[% endblock install_commands %]

[% block uninstall_shortcuts %]
  [[ super() ]]
  [% for scname in ib.shortcuts %]
  Delete "$DESKTOP\[[scname]].lnk"
  [% endfor %]
  DetailPrint "$(DataKept)"
  MessageBox MB_OK|MB_ICONINFORMATION "$(DataKept)" /SD IDOK
[% endblock uninstall_shortcuts %]
