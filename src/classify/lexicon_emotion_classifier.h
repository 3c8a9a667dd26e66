// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The built-in emotion model: word, phrase and emoji lists with weights (EmotionLexicon) plus rules for
// negation ("not happy"), intensity ("so happy", "a bit sad", capitals, stretched letters), contrast ("… but"),
// sentence punctuation ("?!", "!!!", "…") and stutters ("I-I"). Every cue adds evidence to its labels; neutral
// starts with a fixed amount and wins when nothing stronger fires; scores are (floor + evidence)^sharpness,
// normalised to sum to 1 — a softmax over log(floor + evidence).
//
// Immutable after construction, so one instance may serve many threads at once.

#include "classify/emotion_classifier.h"
#include "classify/emotion_lexicon.h"

namespace ths {

class LexiconEmotionClassifier : public EmotionClassifier
{
public:
    // Uses the built-in lexicon.
    LexiconEmotionClassifier();
    explicit LexiconEmotionClassifier(EmotionLexicon lexicon);

    QList<EmotionScore> classify(const QString &text) const override;

    // The evidence per label (index = labels() order, neutral's base included). When `trace` is given it gets
    // one line per cue or rule that fired, for `classify --explain` and for tuning the lexicon.
    EmotionVector evidence(const QString &text, QStringList *trace = nullptr) const;
    // Evidence → the 28 scores, sorted highest first (ties keep labels() order).
    QList<EmotionScore> scores(const EmotionVector &evidence) const;

    const EmotionLexicon &lexicon() const { return m_lexicon; }

private:
    EmotionLexicon m_lexicon;
};

} // namespace ths
