#!/usr/bin/env bash
# Stages the published modules as Maven Central takes them, then checks what was staged.
#   scripts/stage.sh            -> target/staging (a Maven repository layout)
# Deploys the parent POM and tensor-core, autograd, nn, data and mnist (jars, sources and javadoc
# jars, checksums) with `mvn deploy -DaltDeploymentRepository=local::default::file:...`, skipping
# the install, with a local repository under target/, so that nothing lands in ~/.m2; bench, examples and modules-it are not
# published. Then every staged POM must carry (or inherit from the staged parent) the licence, the
# SCM and the URL, and every jar must carry META-INF/LICENSE and META-INF/NOTICE.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
staging="$root/target/staging"
modules=(tensor-core autograd nn data mnist)
jar_tool="${JAVA_HOME:+$JAVA_HOME/bin/}jar"

fail() { echo "stage: $*" >&2; exit 1; }

# Maven caches a deployed snapshot's metadata in its local repository: give it one of its own under
# target/, which reads plugins from ~/.m2 as a remote repository (never writing there) or Central.
user_repo=${JGRAD_USER_M2_REPO:-$HOME/.m2/repository}
stage_repo="$root/target/stage-m2"
settings="$root/target/stage-settings.xml"
rm -rf "$staging"
mkdir -p "$root/target"
sed "s|@localRepositoryUrl@|file://$user_repo|g" modules-it/src/it/settings.xml >"$settings"
mvn -B -q deploy -pl "$(IFS=,; echo "${modules[*]}")" -am -s "$settings" -Dmaven.repo.local="$stage_repo" \
  -DskipTests -Dmaven.install.skip=true \
  -DaltDeploymentRepository="local::default::file:$staging" >"$root/target/stage.log" 2>&1 \
  || { cat "$root/target/stage.log" >&2; fail "mvn deploy failed (log above, also in target/stage.log)"; }

version=$(sed -n '0,/<artifactId>jgrad-parent<\/artifactId>/d; s/.*<version>\(.*\)<\/version>.*/\1/p' pom.xml | head -n1)
[ -n "$version" ] || fail "cannot read the version from pom.xml"

# The newest staged file of an artifact with the given suffix (snapshots carry timestamps in their names).
staged() {
  local artifact=$1 suffix=$2 dir="$staging/dev/jgrad/$1/$version"
  [ -d "$dir" ] || fail "$artifact $version was not staged (no $dir)"
  ls "$dir"/"$artifact"-*"$suffix" 2>/dev/null | grep -v -- "-sources$suffix\$\|-javadoc$suffix\$" | sort | tail -n1
}

check_checksums() {
  local file=$1
  [ -f "$file.md5" ] && [ -f "$file.sha1" ] || fail "no .md5/.sha1 beside $file"
  [ "$(cut -d' ' -f1 <"$file.sha1")" = "$(sha1sum "$file" | cut -d' ' -f1)" ] || fail "wrong SHA-1 for $file"
}

parent_pom=$(staged jgrad-parent .pom)
[ -n "$parent_pom" ] || fail "no staged parent POM"
check_checksums "$parent_pom"
for needle in '<licenses>' '<name>Apache-2.0</name>' 'https://www.apache.org/licenses/LICENSE-2.0.txt' \
              '<scm ' '<connection>scm:git:' '<url>' '<developers>' '<organization>' '<description>'; do
  grep -qF -- "$needle" "$parent_pom" || fail "$(basename "$parent_pom") lacks $needle"
done

for m in "${modules[@]}"; do
  pom=$(staged "$m" .pom)
  [ -n "$pom" ] || fail "no staged POM for $m"
  check_checksums "$pom"
  # A module inherits licence, SCM, URL and developers from the staged parent of the same version.
  grep -qF "<artifactId>jgrad-parent</artifactId>" "$pom" && grep -qF "<version>$version</version>" "$pom" \
    || fail "$(basename "$pom") does not inherit from jgrad-parent $version"
  for needle in '<name>' '<description>'; do
    grep -qF -- "$needle" "$pom" || fail "$(basename "$pom") lacks $needle"
  done
  for own in '<licenses>' '<scm'; do
    ! grep -qF -- "$own" "$pom" || fail "$(basename "$pom") overrides the parent's $own"
  done
  dir=$(dirname "$pom")
  for kind in "" -sources -javadoc; do
    jar=$(ls "$dir/$m"-*"$kind.jar" 2>/dev/null | { if [ -z "$kind" ]; then grep -v -- '-sources.jar$\|-javadoc.jar$'; else cat; fi; } | sort | tail -n1)
    [ -n "$jar" ] || fail "no $m${kind:- main} jar staged"
    check_checksums "$jar"
    listing=$("$jar_tool" tf "$jar")
    for entry in META-INF/LICENSE META-INF/NOTICE; do
      grep -qx "$entry" <<<"$listing" || fail "$(basename "$jar") lacks $entry"
    done
  done
done
# The float64 kernels are generated in the build (tensor-core/src/build/GenerateDouble.java), not kept in src.
tensor_sources=$(ls "$staging/dev/jgrad/tensor-core/$version"/tensor-core-*-sources.jar | sort | tail -n1)
grep -qx 'dev/jgrad/tensor/kernel/VectorDgemm.java' <<<"$("$jar_tool" tf "$tensor_sources")" \
  || fail "$(basename "$tensor_sources") lacks the generated float64 kernels"
grep -qx 'dev/jgrad/mnist/sample/LICENSE-Fashion-MNIST.txt' <<<"$("$jar_tool" tf "$(ls "$staging/dev/jgrad/mnist/$version"/mnist-*.jar | grep -v -- '-sources.jar$\|-javadoc.jar$' | sort | tail -n1)")" \
  || fail "the mnist jar lacks the Fashion-MNIST licence beside its sample"
echo "stage: $version staged in $staging and checked (parent + ${modules[*]}: POM metadata, jars, sources, javadoc, checksums, licences)"
