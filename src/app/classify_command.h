// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `classify` subcommand of talkinghead-studio. Takes the arguments after its name and returns the exit
// status: 0 done, 1 failed (the reason on stderr; also an accuracy below --min-accuracy), 2 bad usage.
//
//   talkinghead-studio classify "I can't believe you did that!"      top labels with scores
//   talkinghead-studio classify --json --top 28 "text"                  the /api/classify response body
//   talkinghead-studio classify --explain "text"                        which cues and rules fired
//   talkinghead-studio classify --eval FILE.jsonl [--misses N] [--min-accuracy 0.6]
//   … --lexicon FILE.json                                               another lexicon (tuning without a rebuild)
// Text "-" is read from stdin.

#include <QStringList>

namespace ths {

int runClassifyCommand(const QStringList &args);

} // namespace ths
