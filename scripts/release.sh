#!/usr/bin/env bash
# Cuts a release on the current branch:
#   scripts/release.sh RELEASE NEXT      e.g. scripts/release.sh 0.1.0 0.2.0-SNAPSHOT
# 1. sets RELEASE in every POM and in the README's Maven coordinates, and dates the CHANGELOG's
#    "Unreleased" section as RELEASE; builds it (mvn package, no tests); commits "Release RELEASE";
#    tags vRELEASE;
# 2. sets NEXT in every POM, opens a new "Unreleased" section, commits "Start NEXT".
# Pushing the branch and the tag is left to you: git push && git push origin vRELEASE.
# Run the tests first (./jgrad test); this script refuses a dirty tree or an existing tag.
set -euo pipefail

die() { echo "release: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: scripts/release.sh RELEASE NEXT   (e.g. 0.1.0 0.2.0-SNAPSHOT)"
release=$1 next=$2
[[ $release =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "RELEASE must be MAJOR.MINOR.PATCH, got '$release'"
[[ $next =~ ^[0-9]+\.[0-9]+\.[0-9]+-SNAPSHOT$ ]] || die "NEXT must be MAJOR.MINOR.PATCH-SNAPSHOT, got '$next'"
[ "$release-SNAPSHOT" != "$next" ] || die "NEXT must come after RELEASE"

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -z "$(git status --porcelain)" ] || die "the working tree has uncommitted changes; commit or stash them first"
! git rev-parse -q --verify "refs/tags/v$release" >/dev/null || die "tag v$release exists already"

# The version of the parent POM: the first <version> after its own <artifactId>.
current=$(sed -n '0,/<artifactId>jgrad-parent<\/artifactId>/d; s/.*<version>\(.*\)<\/version>.*/\1/p' pom.xml | head -n1)
[ -n "$current" ] || die "cannot read the version from pom.xml"
mapfile -t poms < <(git ls-files '*pom.xml' | grep -v '^modules-it/src/it/')

# Every jgrad POM names the version in two places only: the parent POM's own <version>, and each
# module's <parent> block (its dependencies on each other use ${project.version}).
set_version() {
  local from=$1 to=$2 pom
  for pom in "${poms[@]}"; do
    sed -i "0,/<artifactId>jgrad-parent<\/artifactId>/b; 0,/<version>$(sed 's/[.]/\\./g' <<<"$from")<\/version>/s//<version>$to<\/version>/" "$pom"
    grep -qF "<version>$to</version>" "$pom" || die "$pom: no <version>$from</version> after jgrad-parent"
  done
  ! grep -lF "<version>$from</version>" "${poms[@]}" || die "the POMs above still name $from"
}

set_version "$current" "$release"
sed -i "s|<jgrad.version>[^<]*</jgrad.version>|<jgrad.version>$release</jgrad.version>|" README.md
if [ -f CHANGELOG.md ]; then
  grep -q '^## \[Unreleased\]$' CHANGELOG.md || die "CHANGELOG.md has no '## [Unreleased]' section"
  sed -i "s|^## \[Unreleased\]$|## [$release] - $(date -u +%F)|" CHANGELOG.md
fi
echo "release: building $release ..." >&2
mvn -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dinvoker.skip=true >"$root/target-release.log" 2>&1 \
  || { cat "$root/target-release.log" >&2; git checkout -- .; die "$release does not build (log above); nothing committed"; }
rm -f "$root/target-release.log"
git commit -q -am "Release $release"
git tag -a "v$release" -m "jgrad $release"

set_version "$release" "$next"
if [ -f CHANGELOG.md ]; then
  sed -i "0,/^## \[$release\]/s//## [Unreleased]\n\n## [$release]/" CHANGELOG.md
fi
git commit -q -am "Start $next"
echo "release: tagged v$release ($(git rev-parse --short "v$release^{commit}")); the branch is now at $next." >&2
echo "release: push with: git push && git push origin v$release" >&2
