# Sourced by ./neurite and ./run-tests. Sets NEURITE_JAVA_HOME to a JDK whose major version is 21 or
# newer, looking at JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/*; prints one sentence and exits
# if none qualifies.

neurite_java_major() {
  # Prints the major version of the JDK at $1 ("" when $1 is not a JDK with javac).
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

neurite_find_jdk() {
  local candidates=() dir major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${dir%/}"); done
  for dir in "${candidates[@]}"; do
    major=$(neurite_java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      NEURITE_JAVA_HOME="$dir"
      return 0
    fi
  done
  echo "neurite: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm/*); install one, e.g. Temurin 21+, or set JAVA_HOME to it." >&2
  exit 1
}

neurite_find_jdk
export JAVA_HOME="$NEURITE_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
