# libtorch from a PyTorch wheel (its torch/ folder, e.g. in a virtual environment), without the wheel's CMake
# config: that config insists on a full CUDA toolkit, which a user with an NVIDIA driver and the wheel's own CUDA
# libraries (the nvidia-* packages beside it) does not need. Sets TORCH_LIBRARIES to an imported interface target.
#
#   THS_TORCH_WHEEL      the wheel's torch/ folder (holds include/ and lib/)
#   THS_TORCH_WHEEL_CUDA ON: also link libtorch_cuda (the CUDA kernels); OFF: the CPU part only (torch_cpu, c10)
#
# The wheels are built with the C++11 ABI; the libraries' folders, and the nvidia-*/lib folders beside torch/, go
# into the run path so the programs start without LD_LIBRARY_PATH.

set(_wheel "${THS_TORCH_WHEEL}")
foreach(_needed include/ATen/ATen.h include/torch/csrc/api/include/torch/nn/module.h lib/libtorch_cpu.so lib/libc10.so)
  if(NOT EXISTS "${_wheel}/${_needed}")
    message(FATAL_ERROR "THS_TORCH_WHEEL=${_wheel}: ${_needed} is missing; expected the torch/ folder of a PyTorch wheel")
  endif()
endforeach()

add_library(ths_torch_wheel INTERFACE)
target_include_directories(ths_torch_wheel SYSTEM INTERFACE "${_wheel}/include" "${_wheel}/include/torch/csrc/api/include")
target_compile_definitions(ths_torch_wheel INTERFACE _GLIBCXX_USE_CXX11_ABI=1)
set(_libs "${_wheel}/lib/libtorch_cpu.so" "${_wheel}/lib/libc10.so")
if(THS_TORCH_WHEEL_CUDA)
  foreach(_lib libtorch_cuda.so libc10_cuda.so)
    if(NOT EXISTS "${_wheel}/lib/${_lib}")
      message(FATAL_ERROR "THS_TORCH_WHEEL_CUDA is ON, but ${_wheel}/lib/${_lib} is missing: this wheel has no CUDA")
    endif()
  endforeach()
  # Nothing references libtorch_cuda's symbols directly; it registers the CUDA kernels when loaded, so it must stay
  # linked even where the linker drops unreferenced libraries.
  list(APPEND _libs "-Wl,--no-as-needed" "${_wheel}/lib/libtorch_cuda.so" "${_wheel}/lib/libc10_cuda.so" "-Wl,--as-needed")
endif()
# The wheel's libtorch brings its own OpenMP runtime (same soname as the system's libgomp.so.1, first on the run
# path): code compiled with -fopenmp links that one, so the process has one OpenMP thread pool.
set(THS_TORCH_OPENMP_LIBRARY "")
if(EXISTS "${_wheel}/lib/libgomp.so.1")
  set(THS_TORCH_OPENMP_LIBRARY "${_wheel}/lib/libgomp.so.1")
endif()
target_link_libraries(ths_torch_wheel INTERFACE ${_libs})

file(GLOB _nvidia_lib_dirs LIST_DIRECTORIES true "${_wheel}/../nvidia/*/lib" "${_wheel}/../nvidia/*/*/lib")
set(_rpath "${_wheel}/lib" ${_nvidia_lib_dirs})
string(JOIN ":" _rpath_joined ${_rpath})
target_link_options(ths_torch_wheel INTERFACE "LINKER:-rpath,${_rpath_joined}" "LINKER:-rpath-link,${_rpath_joined}")
set(TORCH_LIBRARIES ths_torch_wheel)
message(STATUS "libtorch from the wheel at ${_wheel} (CUDA: ${THS_TORCH_WHEEL_CUDA})")
