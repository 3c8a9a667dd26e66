// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text → emotion scores over the 28 GoEmotions labels that SillyTavern-Extras' `classify` module uses.
// An interface, so that a neural model can replace the built-in lexicon model later.

#include <QList>
#include <QString>
#include <QStringList>

namespace ths {

struct EmotionScore {
    QString label;
    double score = 0.0;
};

class EmotionClassifier
{
public:
    // How many labels every classification lists (GoEmotions: 27 emotions + neutral).
    static constexpr int kLabelCount = 28;

    virtual ~EmotionClassifier() = default;
    // All 28 labels with scores in [0, 1], sorted highest first (ties: label order of labels()).
    virtual QList<EmotionScore> classify(const QString &text) const = 0;

    // The 28 labels in the order SillyTavern-Extras lists them.
    static QStringList labels();
    // Position of `label` in labels(), or -1 when it is not one of them (exact, case-sensitive match).
    static int labelIndex(QStringView label);
};

} // namespace ths
