// SPDX-License-Identifier: GPL-3.0-or-later
// ths_translations holds only resources (the compiled .qm files); a static library needs one translation unit.
namespace ths {
int translationsAnchor() { return 0; }
} // namespace ths
