#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the small weight-file fixtures (named .bin so that nobody mistakes them for model weights) of the .pt reader tests (run with Debian's /usr/bin/python3 + python3-torch).

  small.bin        an OrderedDict state_dict with _metadata, written through a file object like THA3's torch_save:
                  float32, float16, a view with a storage offset and a non-contiguous stride, an empty tensor
  small_plain.bin  the same tensors in a plain dict, saved to a path (root folder named after the file)
  legacy.bin       the same, in the pre-1.6 (non-zip) torch.save format
  expected.txt    key, dtype, shape and the values as text, for the test to compare against
"""
import collections, os, sys
import torch

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
base = torch.arange(24, dtype=torch.float32).reshape(4, 6) / 8 - 1
sd = collections.OrderedDict()
sd["layer.0.weight"] = torch.tensor([[0.5, -1.25, 3.0], [2.0, 0.0, -0.125]], dtype=torch.float32)
sd["layer.0.bias"] = torch.tensor([1.5, -2.5], dtype=torch.float16)
sd["view.offset"] = base[1:3]                # storage offset 6 into a shared storage
sd["view.strided"] = base.t()[::2]           # non-contiguous: stride (2, 6)
sd["empty"] = torch.zeros(0, 3)
sd._metadata = collections.OrderedDict([("", {"version": 1}), ("layer.0", {"version": 2})])

with open(os.path.join(out, "small.bin"), "wb") as f:
    torch.save(sd, f)
torch.save(dict(sd), os.path.join(out, "small_plain.bin"))
torch.save(sd, os.path.join(out, "legacy.bin"), _use_new_zipfile_serialization=False)
with open(os.path.join(out, "expected.txt"), "w") as f:
    for k, v in sd.items():
        vals = " ".join(repr(float(x)) for x in v.float().flatten().tolist())
        f.write(f"{k} {str(v.dtype).replace('torch.', '')} {list(v.shape)} {vals}\n".replace(", ", ","))
print("wrote small.bin, small_plain.bin, legacy.bin, expected.txt to", out)
