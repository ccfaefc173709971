"""Writes reference.safetensors with the reference safetensors library (numpy backend).

SafeTensorsInteropTest reads it back and rebuilds the same values from the formulas below.
Regenerate (needs `pip install safetensors numpy`):
    python3 make_reference.py
"""
import numpy as np
from safetensors.numpy import save_file

tensors = {
    "0.weight": (np.arange(12, dtype=np.float32).reshape(3, 4) * 0.5 - 1.0),
    "0.bias": np.array([0.1, -0.2, 0.3], dtype=np.float32),
    "2.weight": (np.arange(6, dtype=np.float64).reshape(2, 3) / 3.0),
    "steps": np.array([-(2**40), 0, 2**62], dtype=np.int64),
    "counts": np.array([[1, -2], [3, 2**31 - 1]], dtype=np.int32),
    "pixels": np.array([0, 7, 128, 255], dtype=np.uint8),
    "mask": np.array([True, False, True], dtype=np.bool_),
    "scale": np.array(2.5, dtype=np.float32),
    "empty": np.zeros((0, 5), dtype=np.float32),
}
save_file(tensors, "reference.safetensors", metadata={"format": "pt", "model": "mlp", "sizes": "4,3,2"})
