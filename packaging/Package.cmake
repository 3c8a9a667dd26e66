# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package, made by CPack from the install rules (scripts/package, or `cpack` in the build folder).
# Included from the top-level CMakeLists.txt (CPack's configuration belongs to the top level).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME talkinghead-studio)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The Talkinghead Studio developers")
set(CPACK_PACKAGE_CONTACT "The Talkinghead Studio developers <${THS_MAINTAINER_EMAIL}>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX "${CMAKE_BINARY_DIR}/packages")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "animate an anime character from one image (THA3)")
# The Debian long description: CPack indents it; an empty line becomes " ." by CPack itself.
set(CPACK_PACKAGE_DESCRIPTION
"Talkinghead Studio brings an anime character to life from one picture with
the THA3 neural networks, on the CPU (or an NVIDIA GPU): the head turns, the
eyes blink, the body breathes and the mouth follows speech.

It has a desktop studio (import and check a character image, pose it, build
expressions, lip-sync to text or recordings, export images), command-line
tools, and an API server that replaces the talkinghead module of
SillyTavern-Extras.

The THA3 weights (CC-BY-4.0, Pramook Khungurn) and an example character
(CC-BY-NC-4.0) are included.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/talkinghead-studio/talkinghead-studio")
# The shared libraries the program links: computed by dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What the program loads at run time, which dpkg-shlibdeps cannot see: the QML modules the studio imports, the
# platform plugins (xcb for X11 and Wayland's), image format plugins, the GStreamer plugins Qt Multimedia plays and
# decodes audio with, and espeak-ng's voices.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-window, \
qml6-module-qtquick-dialogs, qml6-module-qtquick-templates, qml6-module-qtqml-workerscript, qml6-module-qtmultimedia, \
qml6-module-qtcore, qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qt-labs-platform, \
qml6-module-qt-labs-settings, qt6-qpa-plugins, qt6-image-formats-plugins, gstreamer1.0-plugins-base, \
gstreamer1.0-plugins-good, espeak-ng-data")
# libtorch runs its 1×1 convolutions through BLAS (see scripts/common.sh); CJK fonts for the Chinese and Japanese
# interface; the Wayland platform plugin.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-openmp, fonts-wqy-microhei, qt6-wayland")
include(CPack)
