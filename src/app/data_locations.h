// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the program finds its data (the weights in models/, the example characters in images/), so that one binary
// works from an installed package, from a relocated copy of the install tree and from a development build:
//   1. $XDG_DATA_HOME/talkinghead-studio (~/.local/share/…): the user's own model variants, found without flags;
//   2. <executable>/../share/talkinghead-studio: the data installed beside the binary (a package, or an install
//      tree moved anywhere);
//   3. each $XDG_DATA_DIRS entry + /talkinghead-studio (/usr/local/share, /usr/share);
//   4. the source tree's models/ and images/ the build was configured with (a development build).
// Models are looked up per variant (findModelsDir): the first of these folders that holds the whole variant wins.

#include <QString>
#include <QStringList>

namespace ths {

// The data folders 1–3 above (existing or not, duplicates removed), most specific first.
QStringList dataDirs();
// Each data folder's models/, then the source tree's.
QStringList modelsSearchPath();
// The default character (images/lambda_00.png) in the first data folder that has it; else the source tree's path.
QString defaultCharacterImage();
// One line for --help texts: where models are looked for, without machine-specific paths.
QString modelsSearchPathHelp();

} // namespace ths
