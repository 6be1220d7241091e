<#
.SYNOPSIS
  Builds the DHP Forms Windows installer: installer\out\DHP Forms-<version>.msi

.DESCRIPTION
  The Windows twin of installer/build.sh, with the same steps and the same configuration files
  (installer/jpackage/jlink.args, common.args, windows.args):
    1. mvn clean package (tests skipped) + copy runtime dependencies (maven-dependency-plugin).
    2. JavaFX jars with the "win" classifier are unpacked as modules for jlink and their DLLs set
       aside; the empty non-classifier JavaFX jars are dropped; all other jars, the app jar and
       forms\ become the jpackage input (class path and app content).
    3. jlink a runtime and copy the JavaFX DLLs into its bin\ folder, where JavaFX looks first.
    4. jpackage --type msi.

  WRITTEN BUT NOT TESTED: no Windows machine was available when this was written. The same steps
  are tested on Linux by build.sh.

  Needs: JDK 17+ (JAVA_HOME), Maven 3.8+ (mvn on PATH), and WiX Toolset 3.x (candle.exe and
  light.exe on PATH; JDK 17's jpackage supports WiX 3 only).

.PARAMETER Type
  msi (default), exe or app-image.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\build.ps1
#>
param(
  [ValidateSet('msi', 'exe', 'app-image')]
  [string] $Type = 'msi'
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$started = Get-Date

$Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
Set-Location $Root
$Out = Join-Path $Root 'installer\out'
$Work = Join-Path $Out 'work'
$Conf = 'installer/jpackage'

function Step([string] $Message) {
  $s = [int]((Get-Date) - $started).TotalSeconds
  Write-Host ("`n==> [{0,3}s] {1}" -f $s, $Message)
}
function Fail([string] $Message) { throw "build.ps1: $Message" }
# Runs a native program and stops on a non-zero exit code (PowerShell 5 does not).
function Run([string] $Exe, [string[]] $Arguments) {
  & $Exe @Arguments
  if ($LASTEXITCODE -ne 0) { Fail "$Exe failed with exit code $LASTEXITCODE" }
}

# --- JDK and WiX -------------------------------------------------------------------------------
if ($env:JAVA_HOME) { $Jdk = $env:JAVA_HOME }
else {
  $jp = Get-Command jpackage.exe -ErrorAction SilentlyContinue
  if (-not $jp) { Fail 'set JAVA_HOME to a full JDK 17 or newer' }
  $Jdk = Split-Path (Split-Path $jp.Source)
}
foreach ($tool in 'java', 'jar', 'jlink', 'jpackage') {
  if (-not (Test-Path "$Jdk\bin\$tool.exe")) { Fail "$Jdk\bin\$tool.exe not found; set JAVA_HOME to a full JDK 17+" }
}
$Jar = "$Jdk\bin\jar.exe"
if ($Type -ne 'app-image') {
  foreach ($wix in 'candle.exe', 'light.exe') {
    if (-not (Get-Command $wix -ErrorAction SilentlyContinue)) {
      Fail "$wix not found: install WiX Toolset 3.14 and put its bin folder on PATH"
    }
  }
}

# --- 1. Maven ------------------------------------------------------------------------------------
Step 'Maven: package (tests skipped) and copy runtime dependencies'
if (Test-Path $Work) { Remove-Item -Recurse -Force $Work }
foreach ($d in 'deps', 'input', 'fxmods', 'natives') { New-Item -ItemType Directory -Force (Join-Path $Work $d) | Out-Null }
$mvn = if ($env:MVN) { $env:MVN } else { 'mvn' }
# -D arguments go in as strings: as bare words PowerShell would split them at the dot.
Run $mvn @('-B', '-q', '-DskipTests', 'clean', 'package',
  'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
  '-DincludeScope=runtime', "-DoutputDirectory=$Work\deps", '-Dmdep.prependGroupId=true')

$props = 'target\maven-archiver\pom.properties'
if (-not (Test-Path $props)) { Fail "$props missing: did mvn package build the jar?" }
$p = @{}
foreach ($line in Get-Content $props) { if ($line -match '^(\w+)=(.*)$') { $p[$Matches[1]] = $Matches[2] } }
$AppJar = "$($p['artifactId'])-$($p['version']).jar"
if (-not (Test-Path "target\$AppJar")) { Fail "target\$AppJar not found" }
# Installers want numbers only: 0.1.0-SNAPSHOT -> 0.1.0.
$Version = if ($env:APP_VERSION) { $env:APP_VERSION } else { ($p['version'] -replace '[^0-9.].*$', '').TrimEnd('.') }
if (-not $Version) { Fail "cannot derive a numeric version from '$($p['version'])'; set APP_VERSION" }

Push-Location $Work
try {
  Run $Jar @('xf', "$Root\target\$AppJar", 'META-INF/MANIFEST.MF')
  $hit = Select-String -Path 'META-INF\MANIFEST.MF' -Pattern '^Main-Class:\s*(\S+)'
} finally { Pop-Location }
if (-not $hit) { Fail "target\$AppJar has no Main-Class (pom property app.mainClass)" }
$MainClass = $hit.Matches[0].Groups[1].Value
$classEntry = ($MainClass -replace '\.', '/') + '.class'
if (-not ((& $Jar tf "target\$AppJar") -contains $classEntry)) { Fail "main class $MainClass is not in target\$AppJar" }

# --- 2. Split dependencies -----------------------------------------------------------------------
Step 'Sorting dependencies: JavaFX modules for jlink, the rest for the class path'
$fxModules = @()
foreach ($jarFile in Get-ChildItem "$Work\deps\*.jar") {
  if ($jarFile.Name -like 'org.openjfx.*') {
    # The non-classifier JavaFX jars are empty placeholders without module-info: skip them.
    if (-not ((& $Jar tf $jarFile.FullName) -contains 'module-info.class')) { continue }
    $module = ((& $Jar --describe-module --file $jarFile.FullName) | Select-Object -First 1).Split('@')[0]
    $dir = New-Item -ItemType Directory (Join-Path "$Work\fxmods" $module)
    Push-Location $dir
    try { Run $Jar @('xf', $jarFile.FullName) } finally { Pop-Location }
    Get-ChildItem $dir -Filter '*.dll' | Move-Item -Destination "$Work\natives"
    $fxModules += $module
  } else {
    Copy-Item $jarFile.FullName "$Work\input"
  }
}
if ($fxModules.Count -eq 0) { Fail 'no JavaFX modules found among the runtime dependencies' }
Copy-Item "target\$AppJar" "$Work\input"
if (Test-Path 'forms') { Copy-Item -Recurse 'forms' "$Work\input\forms" }
else {
  Write-Warning 'no forms\ directory; the package ships an empty forms folder'
  New-Item -ItemType Directory "$Work\input\forms" | Out-Null
}
Write-Host "JavaFX modules: $($fxModules -join ',')"

# --- 3. jlink ------------------------------------------------------------------------------------
Step "jlink: runtime with JDK modules + $($fxModules -join ',')"
$modulePath = "$Work\fxmods"
if (Test-Path "$Jdk\jmods") { $modulePath = "$Jdk\jmods;$modulePath" }
Run "$Jdk\bin\jlink.exe" @("@$Conf/jlink.args", '--module-path', $modulePath,
  '--add-modules', ($fxModules -join ','), '--output', "$Work\runtime")
Copy-Item "$Work\natives\*.dll" "$Work\runtime\bin"

# --- 4. jpackage ---------------------------------------------------------------------------------
Step "jpackage: $Type, version $Version"
$osArgs = @("@$Conf/windows.args")
if ($Type -eq 'app-image') {
  $osArgs = @('--icon', 'installer/icon/dhp-forms.ico') # the other options are for installers only
  if (Test-Path "$Out\DHP Forms") { Remove-Item -Recurse -Force "$Out\DHP Forms" }
} else {
  Remove-Item -Force "$Out\DHP Forms-*.$Type" -ErrorAction SilentlyContinue
}
$extra = @()
if ($env:VERBOSE) { $extra += '--verbose' }
Run "$Jdk\bin\jpackage.exe" (@("@$Conf/common.args") + $osArgs + @(
  '--type', $Type, '--app-version', $Version,
  '--input', "$Work\input", '--main-jar', $AppJar, '--main-class', $MainClass,
  '--runtime-image', "$Work\runtime", '--dest', $Out, '--temp', "$Work\jpackage-temp") + $extra)

Step 'Done'
foreach ($item in Get-ChildItem $Out -Exclude 'work') {
  if ($item.LastWriteTime -lt $started) { continue }
  $bytes = if ($item -is [IO.FileInfo]) { $item.Length }
           else { (Get-ChildItem $item.FullName -Recurse -File | Measure-Object Length -Sum).Sum }
  Write-Host ("  {0}  {1:N0} bytes" -f $item.Name, $bytes)
}
Write-Host ("  built in {0:N0}s" -f ((Get-Date) - $started).TotalSeconds)
