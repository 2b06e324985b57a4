; Inno Setup 6 script: the Windows installer of the help desk.
; Built by packaging/build.py after PyInstaller, as
;   iscc /DAppVersion=X.Y.Z /DAppDir=<repo>\dist\helpdesk /O<repo>\dist packaging\windows\helpdesk.iss
; Paths without a drive are relative to this file's folder.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppDir
  #define AppDir "..\..\dist\helpdesk"
#endif

[Setup]
; The AppId stays the same for every version, so a new installer upgrades the old installation.
AppId={{6B0E3F5C-2C1D-4B8E-9A57-1F4C2D7E8A90}
AppName=Help desk
AppVersion={#AppVersion}
AppVerName=Help desk {#AppVersion}
AppPublisher=Help desk developers
DefaultDirName={autopf}\Help desk
DefaultGroupName=Help desk
DisableProgramGroupPage=yes
; Installs for everyone (administrator) or, when chosen, for the current user only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=HelpDesk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\helpdesk.ico
UninstallDisplayIcon={app}\helpdesk.exe
UninstallDisplayName=Help desk
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; PyInstaller builds a 64-bit app on the 64-bit runner.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The user data (database, drafts, backups, logs) lives in the user profile and is kept on uninstall.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#AppDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Help desk"; Filename: "{app}\helpdesk.exe"
Name: "{autodesktop}\Help desk"; Filename: "{app}\helpdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\helpdesk.exe"; Description: "{cm:LaunchProgram,Help desk}"; Flags: nowait postinstall skipifsilent
