#!/usr/bin/env bash
# One sitting: PyTorch's reference loop and ./jgrad train, 1 thread, full Fashion-MNIST,
# SGD lr 0.1, batch 100, EPOCHS (default 5) epochs, MODELS (default "softmax mlp"; "cnn" for the CNN). Only same-sitting ratios mean anything
# on a shared machine. Needs: apt-get install -y python3-torch libopenblas0-pthread dataset-fashion-mnist
set -u
cd "$(dirname "$0")/.."
D=${D:-/usr/share/datasets/fashion-mnist}
REF=${REF:-bench/reference/torch_mnist_ref.py}
MODELS=${MODELS:-softmax mlp}
EPOCHS=${EPOCHS:-5}
echo "== $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
for model in $MODELS; do
  echo "-- PyTorch $model"
  env -u OPENBLAS_CORETYPE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$REF" "$D" "$model" "$EPOCHS"
  echo "-- jgrad $model"
  JGRAD_JAVA_OPTS=-Xmx512m ./jgrad train --data "$D" --model "$model" --epochs "$EPOCHS" --threads 1 2>/dev/null
done
echo "== end load: $(cut -d' ' -f1-3 /proc/loadavg)"
