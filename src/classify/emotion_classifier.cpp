// SPDX-License-Identifier: GPL-3.0-or-later
#include "classify/emotion_classifier.h"

namespace ths {

QStringList EmotionClassifier::labels()
{
    // Alphabetical, as in the GoEmotions label file and the Extras classify module; clients index sprites by
    // these exact names, so neither spelling nor order may change.
    static const QStringList kLabels = {
        QStringLiteral("admiration"),  QStringLiteral("amusement"),      QStringLiteral("anger"),
        QStringLiteral("annoyance"),   QStringLiteral("approval"),       QStringLiteral("caring"),
        QStringLiteral("confusion"),   QStringLiteral("curiosity"),      QStringLiteral("desire"),
        QStringLiteral("disappointment"), QStringLiteral("disapproval"), QStringLiteral("disgust"),
        QStringLiteral("embarrassment"), QStringLiteral("excitement"),   QStringLiteral("fear"),
        QStringLiteral("gratitude"),   QStringLiteral("grief"),          QStringLiteral("joy"),
        QStringLiteral("love"),        QStringLiteral("nervousness"),    QStringLiteral("neutral"),
        QStringLiteral("optimism"),    QStringLiteral("pride"),          QStringLiteral("realization"),
        QStringLiteral("relief"),      QStringLiteral("remorse"),        QStringLiteral("sadness"),
        QStringLiteral("surprise"),
    };
    return kLabels;
}

int EmotionClassifier::labelIndex(QStringView label)
{
    const QStringList all = labels();
    for (int i = 0; i < all.size(); ++i)
        if (all.at(i) == label)
            return i;
    return -1;
}

} // namespace ths
