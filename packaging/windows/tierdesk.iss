; Inno Setup script: TierDesk's installer for Windows, made from the one-folder application.
; Build on Windows (packaging/README.md, "Windows"):
;   python packaging\build.py
;   iscc /DAppVersion=0.1.0 packaging\windows\tierdesk.iss
; It writes dist\TierDesk-<version>-setup.exe.
; Installs for the current user only (no administrator rights asked), adds a Start-menu
; shortcut, an uninstaller, and opens transfer files (.tdx) with TierDesk.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "TierDesk"
#define AppExe "tierdesk.exe"
#define Root "..\.."

[Setup]
AppId={{6C1E3A52-7B0D-4C55-9D0E-5B3F2A7C8E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=TierDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; per user: {autopf} is %LOCALAPPDATA%\Programs, the registry entries go under HKCU
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=TierDesk-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\tierdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
; The installer's own pages are in English; packaging/README.md says how to add Chinese.
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.TransferFile=TierDesk transfer file
en.Associate=Open transfer files (.tdx) with TierDesk

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:Associate}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Root}\dist\TierDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .tdx -> TierDesk.TransferFile -> "tierdesk.exe --transfer <file>"; removed on uninstall
Root: HKA; Subkey: "Software\Classes\.tdx"; ValueType: string; ValueName: ""; ValueData: "TierDesk.TransferFile"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\TierDesk.TransferFile"; ValueType: string; ValueName: ""; ValueData: "{cm:TransferFile}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\TierDesk.TransferFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\TierDesk.TransferFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --transfer ""%1"""; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
