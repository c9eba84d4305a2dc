#!/usr/bin/env python3
"""Writes small valid safetensors model files (and a few near misses) as seeds for the model
fuzzer: the layout EventLSTM.load expects (PyTorch names), F32 and F16, under continuo.hyperparameters."""
import json, os, struct, sys

def model(vocab, timing, layers, hidden, dtype):
    tensors = []
    for k in range(layers):
        inp = vocab + timing if k == 0 else hidden
        tensors += [(f"lstm.weight_ih_l{k}", [4 * hidden, inp]), (f"lstm.weight_hh_l{k}", [4 * hidden, hidden]),
                    (f"lstm.bias_ih_l{k}", [4 * hidden]), (f"lstm.bias_hh_l{k}", [4 * hidden])]
    tensors += [("token_head.weight", [vocab, hidden]), ("token_head.bias", [vocab]),
                ("timing_head.weight", [timing, hidden]), ("timing_head.bias", [timing])]
    size = 4 if dtype == "F32" else 2
    header = {"__metadata__": {"continuo.hyperparameters": json.dumps(
        {"vocabularySize": vocab, "timingClassCount": timing, "layers": layers, "hidden": hidden, "dropout": 0.1})}}
    data, offset = b"", 0
    for i, (name, shape) in enumerate(tensors):
        count = 1
        for d in shape: count *= d
        values = [((i * 7 + j) % 13 - 6) / 8 for j in range(count)]
        data += struct.pack(f"<{count}{'f' if dtype == 'F32' else 'e'}", *values)
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + count * size]}
        offset += count * size
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for vocab, timing, layers, hidden in [(3, 2, 1, 2), (4, 3, 2, 3), (2, 2, 1, 1)]:
    for dtype in ["F32", "F16"]:
        with open(os.path.join(out, f"model-{vocab}-{timing}-{layers}-{hidden}-{dtype}.safetensors"), "wb") as f:
            f.write(model(vocab, timing, layers, hidden, dtype))
