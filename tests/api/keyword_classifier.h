// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A tiny EmotionClassifier for the server tests: a few keywords per label, so that a test knows the top label.
// The server only needs the interface; the real model is tested in tests/classify.

#include "classify/emotion_classifier.h"

namespace ths::test {

class KeywordClassifier : public EmotionClassifier
{
public:
    // The 28 GoEmotions labels in Extras' order (neutral among them).
    static QStringList goEmotions();
    // joy ← happy/glad, anger ← angry/furious, curiosity ← why/wonder, sadness ← sad; otherwise neutral wins.
    QList<EmotionScore> classify(const QString &text) const override;
};

} // namespace ths::test
