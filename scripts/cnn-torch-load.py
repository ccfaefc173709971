#!/usr/bin/python3
"""Loads a CNN that `./jgrad train --model cnn --save FILE` wrote into the PyTorch reference's model
(load_state_dict, strict) and prints its test accuracy, which must equal jgrad's.
Usage: cnn-torch-load.py FILE.safetensors DATA_DIR
Reads safetensors by hand (an 8-byte little-endian header length, a JSON header, the raw data), so
it needs only numpy and torch."""
import gzip, json, struct, sys, numpy as np, torch, torch.nn as nn

def load_file(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    out = {}
    for key, v in header.items():
        if key == "__metadata__":
            continue
        assert v["dtype"] == "F32", (key, v["dtype"])
        a, b = v["data_offsets"]
        out[key] = torch.from_numpy(np.frombuffer(data[a:b], dtype="<f4").copy()).view(v["shape"])
    return out

def load_split(d, prefix):
    with gzip.open(f"{d}/{prefix}-images-idx3-ubyte.gz") as f:
        _, n, r, c = struct.unpack(">IIII", f.read(16))
        x = np.frombuffer(f.read(), np.uint8).reshape(n, r * c)
    with gzip.open(f"{d}/{prefix}-labels-idx1-ubyte.gz") as f:
        f.read(8)
        y = np.frombuffer(f.read(), np.uint8)
    return torch.tensor(x, dtype=torch.float32) / 255., torch.tensor(y, dtype=torch.long)

model = nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                      nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(7 * 7 * 64, 10))
print(model.load_state_dict(load_file(sys.argv[1])))
xte, yte = load_split(sys.argv[2], "t10k")
with torch.no_grad():
    acc = (model(xte).argmax(1) == yte).float().mean().item()
print(f"PyTorch test accuracy with jgrad's weights: {acc:.4f}")
