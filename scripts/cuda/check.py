#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parity and speed of the Qt-free engine (tha3-bench) on a machine with the PyTorch wheel, e.g. a CUDA GPU.

usage: check.py --bench BUILD/src/tha3/tha3-bench --parity PARITY_DIR [--device cuda] [--frames N] [--out DIR]

PARITY_DIR is a parity fixture set: input.png, poses/*.json ({"name": {param: value}} in model order),
models/separable_float/*.pt and expected/separable_float/*.png (the original code's output). For each precision the
poses are rendered and compared with the expected images (max and mean absolute difference in 8-bit levels, and the
same with fully transparent pixels' colours left out), and OUT/side_by_side_<configuration>.png shows the pose that
differs most: the original's image, ours, and their difference ×16 (black: 16 levels or more); then each
configuration is benchmarked.
Needs numpy, Pillow and torch (torch only to write fp16 copies of the weights for the half-precision runs).
"""
import argparse, json, os, subprocess, sys, tempfile
from pathlib import Path

import numpy as np
from PIL import Image

SIZE = 512


def to_raw(png, raw):
    Path(raw).write_bytes(np.asarray(Image.open(png).convert("RGBA"), dtype=np.uint8).tobytes())


def from_raw(raw):
    return np.frombuffer(Path(raw).read_bytes(), dtype=np.uint8).reshape(SIZE, SIZE, 4)


def diff(expected, actual, mask_transparent):
    """(max, mean, 99.9th percentile) of the absolute difference in 8-bit levels over all channels."""
    e, a = expected.astype(np.int16), actual.astype(np.int16)
    d = np.abs(e - a)
    if mask_transparent:
        hidden = (expected[..., 3] == 0) & (actual[..., 3] == 0)
        d[hidden, :3] = 0
    return int(d.max()), float(d.mean()), float(np.percentile(d, 99.9))


def on_checkerboard(rgba):
    """The image over a grey checkerboard, so that transparency shows."""
    y, x = np.mgrid[0:rgba.shape[0], 0:rgba.shape[1]]
    board = np.where(((x // 16 + y // 16) % 2)[..., None] == 0, 200, 150).astype(np.float32)
    a = rgba[..., 3:4].astype(np.float32) / 255
    return (rgba[..., :3] * a + board * (1 - a)).astype(np.uint8)


def side_by_side(expected, actual, path):
    """expected | actual | the absolute difference of all four channels (max over channels) ×16, white = 16+ levels."""
    d = np.abs(expected.astype(np.int16) - actual.astype(np.int16)).max(axis=2)
    heat = np.clip(255 - d * 16, 0, 255).astype(np.uint8)
    panels = [on_checkerboard(expected), on_checkerboard(actual), np.repeat(heat[..., None], 3, axis=2)]
    Image.fromarray(np.concatenate(panels, axis=1)).save(path)


def half_weights(src, dst):
    try:
        import torch
    except ImportError:
        print("torch is not installed here: no fp16 copies of the weights, the half-weights run is skipped", flush=True)
        return False
    dst.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.glob("*.pt")):
        sd = torch.load(f, map_location="cpu")
        torch.save({k: v.half() for k, v in sd.items()}, dst / f.name)
    return True


def run(cmd, log):
    print("$", " ".join(map(str, cmd)), flush=True)
    r = subprocess.run(list(map(str, cmd)), capture_output=True, text=True)
    sys.stdout.write(r.stdout)
    sys.stderr.write(r.stderr)
    log.write(f"$ {' '.join(map(str, cmd))}\n{r.stdout}{r.stderr}\n")
    log.flush()
    if r.returncode != 0:
        print(f"(exit {r.returncode})", flush=True)
    return r.returncode == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--parity", required=True, type=Path)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--frames", type=int, default=100)
    ap.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp()))
    ap.add_argument("--skip-bench", action="store_true")
    ap.add_argument("--only", help="run only the configurations whose label contains this text")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    log = open(args.out / "check.log", "a")
    work = Path(tempfile.mkdtemp())

    image = work / "input.rgba"
    to_raw(args.parity / "input.png", image)
    names, lines = [], []
    for p in sorted((args.parity / "poses").glob("*.json")):
        (name, values), = json.loads(p.read_text()).items()
        names.append(p.stem)
        lines.append(" ".join(repr(float(v)) for v in values.values()))
    poses = work / "poses.txt"
    poses.write_text("\n".join(lines) + "\n")
    weights = args.parity / "models" / "separable_float"
    half = work / "separable_half"
    have_half = half_weights(weights, half)

    configs = [("fp32 exact", [f"--weights", weights, "--precision", "fp32", "--exact"]),
               ("fp32", ["--weights", weights, "--precision", "fp32"]),
               ("fp16 (float weights)", ["--weights", weights, "--precision", "fp16"]),
               ("fp16 (half weights)", ["--weights", half, "--half-weights"]),
               ("bf16", ["--weights", weights, "--precision", "bf16"])]
    if not have_half:
        configs = [c for c in configs if "half weights" not in c[0]]
    if args.only:
        configs = [c for c in configs if args.only in c[0]]
    print("## parity against the original's 8-bit output (levels)", flush=True)
    for label, opts in configs:
        outdir = work / label.replace(" ", "_").replace("(", "").replace(")", "")
        if not run([args.bench, "--device", args.device, "--image", image, "--poses", poses, "--output-dir", outdir] + opts, log):
            continue
        worst = [0, 0.0, 0.0, 0, 0.0, 0.0]
        worst_pose = (-1.0, None, None)  # (mean difference, expected, actual) of the pose that differs most
        for i, name in enumerate(names):
            expected = np.asarray(Image.open(args.parity / "expected" / "separable_float" / f"{name}.png").convert("RGBA"))
            actual = from_raw(outdir / f"{i}.rgba")
            this = diff(expected, actual, False) + diff(expected, actual, True)
            worst = [max(w, v) for w, v in zip(worst, this)]
            if this[1] > worst_pose[0]:
                worst_pose = (this[1], expected, actual)
            if i == 0:
                Image.fromarray(actual).save(args.out / f"{label.split()[0]}_{name}.png")
        side_by_side(worst_pose[1], worst_pose[2], args.out / f"side_by_side_{outdir.name}.png")
        line = (f"parity {label} on {args.device}: max={worst[0]} mean={worst[1]:.4f} p99.9={worst[2]:.1f}; "
                f"masked max={worst[3]} mean={worst[4]:.4f} p99.9={worst[5]:.1f} (worst pose of {len(names)})")
        print(line, flush=True)
        log.write(line + "\n")

    if args.skip_bench:
        return
    print("## speed", flush=True)
    for label, opts in configs:
        run([args.bench, "--device", args.device, "--image", image, "--frames", args.frames] + opts, log)


if __name__ == "__main__":
    main()
