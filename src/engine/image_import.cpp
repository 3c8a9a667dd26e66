// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder: image import and validation is being written (see image_import.h).
