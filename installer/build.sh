#!/usr/bin/env bash
# Builds the DHP Forms installer for the system it runs on:
#   Linux -> installer/out/dhp-forms_<version>-1_<arch>.deb   (tested)
#   macOS -> installer/out/DHP Forms-<version>.dmg            (written, not tested: no Mac here)
#   Windows: use installer/build.ps1 (same configuration).
#
# Usage (from anywhere):  installer/build.sh [--type TYPE]
#   TYPE: deb (Linux default) or app-image; on macOS dmg (default), pkg or app-image.
#
# Steps:
#   1. mvn clean package (tests skipped) and copy the runtime dependencies with
#      maven-dependency-plugin (no pom change needed).
#   2. Split them: JavaFX jars with the platform classifier are unpacked as modules for jlink, their
#      native libraries set aside; the empty non-classifier JavaFX jars are dropped; every other jar
#      goes to the jpackage input directory (the class path) with the app jar and forms/.
#   3. jlink a runtime: JDK modules and options from installer/jpackage/jlink.args plus the JavaFX
#      modules, then copy the JavaFX native libraries into the runtime's lib/ so JavaFX loads them
#      from there (no ~/.openjfx cache per user, no second copy inside the module image).
#   4. jpackage with installer/jpackage/common.args and the OS file (linux.args or mac.args).
#
# Needs: JDK 17+ with jlink and jpackage (JAVA_HOME, or java on PATH), Maven 3.8+, and for .deb:
# dpkg-deb, fakeroot, objdump (installed with apt-get when missing and running as root).
# Environment: APP_VERSION overrides the numeric version taken from pom.xml; MVN overrides "mvn";
# DEB_COMPRESSION=gzip (or none) trades a larger .deb for a much faster build (default: dpkg's xz);
# VERBOSE=1 makes jpackage list the resources it uses (and how to override them).
# Work files go to installer/out/work (deleted and rebuilt every run), packages to installer/out/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/installer/out
WORK=$OUT/work
CONF=installer/jpackage
MVN=${MVN:-mvn}

step() { printf '\n==> [%3ss] %s\n' "$SECONDS" "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

case "$(uname -s)" in
  Linux) OS=linux; TYPE=deb; NATIVE_GLOB='*.so'; NATIVE_DIR=lib ;;
  Darwin) OS=mac; TYPE=dmg; NATIVE_GLOB='*.dylib'; NATIVE_DIR=lib ;;
  *) die "unsupported system $(uname -s); on Windows run installer/build.ps1" ;;
esac
while [ $# -gt 0 ]; do
  case "$1" in
    --type) [ $# -ge 2 ] || die "--type needs a value"; TYPE=$2; shift 2 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$ROOT/installer/build.sh"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

# --- JDK -----------------------------------------------------------------------------------------
if [ -n "${JAVA_HOME:-}" ]; then
  JDK=$JAVA_HOME
else
  JDK=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
fi
for tool in java jar jlink jpackage; do
  [ -x "$JDK/bin/$tool" ] || die "$JDK/bin/$tool not found; set JAVA_HOME to a full JDK 17 or newer"
done
JMODS=""
if [ -d "$JDK/jmods" ]; then JMODS=$JDK/jmods; fi # JDK 24+ can link from its own image instead

# --- Debian packaging tools (only for .deb, only when missing) -----------------------------------
if [ "$TYPE" = deb ]; then
  missing=""
  command -v dpkg-deb >/dev/null || missing="$missing dpkg"
  command -v fakeroot >/dev/null || missing="$missing fakeroot"
  command -v objdump >/dev/null || missing="$missing binutils"
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      step "Installing$missing"
      # shellcheck disable=SC2086 # word splitting of the package list is intended
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
    else
      die "missing$missing; install (sudo apt-get install$missing) and run again"
    fi
  fi
fi

# --- 1. Maven ------------------------------------------------------------------------------------
step "Maven: package (tests skipped) and copy runtime dependencies"
rm -rf "$WORK"
mkdir -p "$WORK/deps" "$WORK/input" "$WORK/fxmods" "$WORK/natives"
"$MVN" -B -q -Dstyle.color=never -DskipTests clean package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$WORK/deps" -Dmdep.prependGroupId=true

props=target/maven-archiver/pom.properties
[ -f "$props" ] || die "$props missing: did mvn package build the jar?"
ARTIFACT=$(sed -n 's/^artifactId=//p' "$props")
POM_VERSION=$(sed -n 's/^version=//p' "$props")
APP_JAR=$ARTIFACT-$POM_VERSION.jar
[ -f "target/$APP_JAR" ] || die "target/$APP_JAR not found"
# Installers want numbers only: 0.1.0-SNAPSHOT -> 0.1.0.
VERSION=${APP_VERSION:-$(printf '%s' "$POM_VERSION" | sed 's/[^0-9.].*$//; s/\.$//')}
[ -n "$VERSION" ] || die "cannot derive a numeric version from '$POM_VERSION'; set APP_VERSION"
if [ "$OS" = mac ] && [ "${VERSION%%.*}" = 0 ]; then
  die "macOS rejects versions starting with 0 ($VERSION); set APP_VERSION, e.g. APP_VERSION=1.0.0"
fi

MAIN_CLASS=$(cd "$WORK" && "$JDK/bin/jar" xf "$ROOT/target/$APP_JAR" META-INF/MANIFEST.MF &&
  sed -n 's/^Main-Class: *//p' META-INF/MANIFEST.MF | tr -d '\r')
[ -n "$MAIN_CLASS" ] || die "target/$APP_JAR has no Main-Class (pom property app.mainClass)"
"$JDK/bin/jar" tf "target/$APP_JAR" | grep -qx "${MAIN_CLASS//.//}.class" ||
  die "main class $MAIN_CLASS is not in target/$APP_JAR"

# --- 2. Split dependencies -----------------------------------------------------------------------
step "Sorting dependencies: JavaFX modules for jlink, the rest for the class path"
FX_MODULES=""
for jar in "$WORK"/deps/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    org.openjfx.*)
      # The non-classifier JavaFX jars are empty placeholders without module-info: skip them.
      "$JDK/bin/jar" tf "$jar" | grep -qx module-info.class || continue
      module=$("$JDK/bin/jar" --describe-module --file "$jar" | sed -n '1s/@.*//p')
      mkdir "$WORK/fxmods/$module"
      (cd "$WORK/fxmods/$module" && "$JDK/bin/jar" xf "$jar")
      find "$WORK/fxmods/$module" -maxdepth 1 -name "$NATIVE_GLOB" -exec mv {} "$WORK/natives/" \;
      FX_MODULES=${FX_MODULES:+$FX_MODULES,}$module
      ;;
    *) cp "$jar" "$WORK/input/" ;;
  esac
done
[ -n "$FX_MODULES" ] || die "no JavaFX modules found among the runtime dependencies"
cp "target/$APP_JAR" "$WORK/input/"
if [ -d forms ]; then
  cp -R forms "$WORK/input/forms"
else
  printf 'build.sh: warning: no forms/ directory; the package ships an empty forms folder\n' >&2
  mkdir "$WORK/input/forms"
fi
echo "JavaFX modules: $FX_MODULES"
echo "Class path: $(find "$WORK/input" -maxdepth 1 -name '*.jar' | wc -l | tr -d ' ') jars"

# --- 3. jlink ------------------------------------------------------------------------------------
step "jlink: runtime with JDK modules + $FX_MODULES"
MODULE_PATH="$WORK/fxmods"
if [ -n "$JMODS" ]; then MODULE_PATH="$JMODS:$MODULE_PATH"; fi
"$JDK/bin/jlink" "@$CONF/jlink.args" --module-path "$MODULE_PATH" --add-modules "$FX_MODULES" \
  --output "$WORK/runtime"
cp "$WORK"/natives/* "$WORK/runtime/$NATIVE_DIR/"

# --- 4. jpackage ---------------------------------------------------------------------------------
step "jpackage: $TYPE, version $VERSION"
case "$TYPE" in
  app-image) rm -rf "$OUT/DHP Forms" "$OUT/DHP Forms.app" ;;
  deb) rm -f "$OUT"/dhp-forms_*.deb ;;
  *) rm -f "$OUT"/dhp-forms-*."$TYPE" "$OUT/DHP Forms-"*."$TYPE" ;;
esac
os_args=("@$CONF/$OS.args")
if [ "$OS" = linux ] && [ "$TYPE" != app-image ]; then
  # jpackage resource overrides (desktop entry, postinst, prerm) with the main class filled in.
  mkdir "$WORK/resources"
  for f in installer/linux/*; do
    sed "s/@MAIN_CLASS@/$MAIN_CLASS/g" "$f" >"$WORK/resources/${f##*/}"
  done
  chmod 755 "$WORK/resources/postinst" "$WORK/resources/prerm"
  os_args+=(--resource-dir "$WORK/resources")
fi
if [ "$TYPE" = deb ] && [ -n "${DEB_COMPRESSION:-}" ]; then
  export DPKG_DEB_COMPRESSOR_TYPE=$DEB_COMPRESSION # read by dpkg-deb 1.21.10+
fi
if [ "$TYPE" = app-image ]; then
  os_args=() # the package-only options (menu, deps, ...) are rejected for an app image
  [ "$OS" = linux ] && os_args=(--icon installer/icon/dhp-forms.png)
  [ "$OS" = mac ] && os_args=(--icon installer/icon/dhp-forms.icns)
fi
"$JDK/bin/jpackage" "@$CONF/common.args" ${os_args[@]+"${os_args[@]}"} \
  --type "$TYPE" --app-version "$VERSION" \
  --input "$WORK/input" --main-jar "$APP_JAR" --main-class "$MAIN_CLASS" \
  --runtime-image "$WORK/runtime" --dest "$OUT" --temp "$WORK/jpackage-temp" \
  ${VERBOSE:+--verbose}

step "Done"
du -sh "$WORK/runtime" "$WORK/input" | sed 's/^/  /'
find "$OUT" -mindepth 1 -maxdepth 1 -newer "$WORK/runtime" ! -name work -exec du -sh {} + | sed 's/^/  /'
echo "  built in ${SECONDS}s"
