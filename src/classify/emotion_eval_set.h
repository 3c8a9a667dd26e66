// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A labelled set of texts (JSON Lines: {"text": "…", "label": "joy"} per line, optionally "note") and the
// accuracy of a classifier on it, with the confusion between labels. Used by `classify --eval` and the tests.

#include "classify/emotion_classifier.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace ths {

struct LabelledText {
    QString text;
    int label = 0; // index into EmotionClassifier::labels()
    int line = 0;  // 1-based line in the file, for reports
};

struct EmotionEvalReport {
    struct Miss {
        LabelledText item;
        int predicted = 0;
        double score = 0.0;
    };
    using Counts = std::array<int, EmotionClassifier::kLabelCount>;

    int total = 0;
    int correct = 0;    // top-1 label is the expected one
    int correctTop3 = 0; // the expected label is among the top three
    Counts perLabelTotal{};
    Counts perLabelCorrect{};
    std::array<Counts, EmotionClassifier::kLabelCount> confusion{}; // [expected][predicted]
    QList<Miss> misses;

    double accuracy() const { return total ? double(correct) / total : 0.0; }
    double top3Accuracy() const { return total ? double(correctTop3) / total : 0.0; }
    // Accuracy, the `worstLabels` labels with the lowest recall and what they were mistaken for, and up to
    // `maxMisses` misclassified texts.
    QString format(int worstLabels = 6, int maxMisses = 0) const;
};

class EmotionEvalSet
{
public:
    static std::optional<EmotionEvalSet> fromJsonLines(const QByteArray &data, const QString &source, QString *error);
    static std::optional<EmotionEvalSet> fromFile(const QString &path, QString *error);

    const QList<LabelledText> &items() const { return m_items; }
    EmotionEvalReport evaluate(const EmotionClassifier &classifier) const;

private:
    QList<LabelledText> m_items;
};

} // namespace ths
