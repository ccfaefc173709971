#!/usr/bin/env bash
# Regenerates the Fashion-MNIST sample embedded in the mnist jar, from the Debian package
# dataset-fashion-mnist (MIT, Zalando Research): the first 4000 training and 1000 test images
# with their labels, as gzip IDX files.
#   apt-get install dataset-fashion-mnist
#   mnist/scripts/make-sample.sh [SOURCE_DIR]      (default /usr/share/datasets/fashion-mnist)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
src=${1:-/usr/share/datasets/fashion-mnist}
out=mnist/src/main/resources/dev/jgrad/mnist/sample
[ -f "$src/train-images-idx3-ubyte.gz" ] || {
  echo "make-sample: no Fashion-MNIST in $src: install it with 'apt-get install dataset-fashion-mnist'" >&2
  exit 1
}
cd "$root"
mvn -B -q -pl mnist -am compile -Dmaven.javadoc.skip=true >&2
java -cp tensor-core/target/classes:mnist/target/classes mnist/scripts/MakeSample.java "$src" "$out" 4000 1000
# The decompressed contents are what must reproduce (gzip bytes may vary with the zlib version).
for f in "$out"/*.gz; do echo "$(gzip -dc "$f" | md5sum | cut -d' ' -f1)  $(basename "${f%.gz}")"; done
