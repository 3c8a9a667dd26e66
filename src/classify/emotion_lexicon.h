// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The word lists, weights and rule parameters of the lexicon classifier, read from JSON (the built-in copy is
// the resource :/ths/classify/emotion_lexicon.json, source src/classify/data/emotion_lexicon.json).
//
// Format (every key is checked; an unknown key or a bad value is an error naming its JSON path):
//   "parameters":   numbers and label→weight objects that tune the rules (see Parameters below)
//   "negators":     ["not", "never", "no one", …]          words that turn the next cues around
//   "modifiers":    {"very": 1.5, "a bit": 0.5, …}         multiply the next cue
//   "contrasts":    ["but", "however", …]                  what follows outweighs what came before
//   "negation":     {"joy": {"disappointment": 0.5, …}}    where a negated cue of a label goes
//   "emotions":     {"joy": {"happy": 1.0, "made my day": 1.2, "😊": 1.0, ":)": 0.8}, …}
// Keys are written as plain text and go through TextTokenizer, so "happy" also matches "happier" and "HAPPY",
// "don't worry" matches "dont worry", and a key of several words is a phrase matched before its words.
// A key "=word" matches that one word exactly, unstemmed, and wins over the stemmed keys: "=stunned" (surprise)
// and "stunning" (admiration) would otherwise share the stem "stun".
// Two keys of one label that stem alike ("love", "loved") are an error, so that nothing is counted twice.

#include "classify/emotion_classifier.h"
#include "classify/text_token.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <array>
#include <optional>

namespace ths {

using EmotionVector = std::array<double, EmotionClassifier::kLabelCount>;

class EmotionLexicon
{
public:
    // Tuning of the rules; each field is a key of "parameters".
    struct Parameters {
        double neutralBase = 0.0;      // neutral_base: evidence neutral starts with; weaker cues do not beat it
        double evidenceFloor = 1.0;    // evidence_floor: what a label without evidence counts as in the score
        double sharpness = 1.0;        // sharpness: score ∝ (evidence_floor + evidence)^sharpness
        int negationScope = 3;         // negation_scope: words after a negator that it reaches
        int modifierScope = 2;         // modifier_scope: words after "very"/"a bit" that it reaches
        double shoutFactor = 1.0;      // shout_factor: weight of a cue written in capitals
        double elongationFactor = 1.0; // elongation_factor: weight of a stretched cue ("sooo sad")
        double exclaimFactor = 0.0;    // exclaim_factor: per "!" (up to 3), added to a sentence's weight
        double contrastBefore = 1.0;   // contrast_before: weight of a sentence's evidence before "but"
        double contrastAfter = 1.0;    // contrast_after: weight of the evidence after it
        double lastSentenceFactor = 1.0; // last_sentence_factor: weight of the final sentence with evidence
        int maxCharacters = 0;         // max_characters: longer text is cut here, as a model truncates its input
        EmotionVector exclaimCue{};    // exclaim_cue: a "!" sentence without any cue
        EmotionVector questionCue{};   // question_cue: a question of three words or more
        EmotionVector shortQuestionCue{}; // short_question_cue: "What?", "Huh?", "Really?"
        EmotionVector surpriseCue{};   // surprised_question_cue: "?!", "!?", "‽"
        EmotionVector ellipsisCue{};   // ellipsis_cue: a sentence trailing off with "…"
        EmotionVector stutterCue{};    // stutter_cue: "I-I", "w-what"
        EmotionVector shoutCue{};      // shout_cue: a sentence mostly in capitals (its cues count more as well)
    };

    // What one lexicon key (a word, a phrase or a symbol) does. A key may be a cue and a negator at once
    // ("no": a cue of its own when nothing follows it, a negator when something does).
    struct Entry {
        EmotionVector weights{}; // cue weights per label (all zero: not a cue)
        bool isCue = false;
        bool isNegator = false;
        bool isContrast = false;
        double multiplier = 1.0; // not 1: an intensifier (> 1) or a diminisher (< 1)
        int length = 1;          // tokens in the key
    };

    static std::optional<EmotionLexicon> fromJson(const QByteArray &json, const QString &source, QString *error);
    static std::optional<EmotionLexicon> fromFile(const QString &path, QString *error);
    // The compiled-in lexicon. Its validity is a test; a broken build stops here with the reason.
    static const EmotionLexicon &builtIn();
    static const QString kBuiltInPath;

    const Parameters &parameters() const { return m_parameters; }

    struct Match {
        const Entry *entry = nullptr;
        qsizetype length = 0;  // tokens covered, skipped modifiers included
        double modifier = 1.0; // product of the modifiers skipped inside a phrase ("was *really* hoping")
    };
    // The longest key that starts at tokens[pos] and does not cross a Break (entry nullptr: none). Inside a
    // phrase, single-word modifiers may stand between its words: "I really want", "could really go for".
    Match match(const TextTokens &tokens, qsizetype pos) const;
    // Where the weights of a negated cue go ("not happy": joy → disappointment, sadness).
    EmotionVector negate(const EmotionVector &weights) const;
    // For stretched words: picks between "soo" and "so" whichever the lexicon knows.
    void resolveElongation(TextTokens &tokens) const;

    // How many keys carry a cue for each label (for reports and tests).
    std::array<int, EmotionClassifier::kLabelCount> cueCounts() const;
    int keyCount() const { return int(m_entries.size() + m_exact.size()); }

private:
    Parameters m_parameters;
    QHash<QString, Entry> m_entries; // key: the stems of the key's tokens joined by spaces
    QHash<QString, Entry> m_exact;   // "=word" keys, by the lower-case word
    QSet<QString> m_prefixes;        // proper prefixes of keys of two tokens or more ("don't" of "don't worry")
    std::array<EmotionVector, EmotionClassifier::kLabelCount> m_negation{};

    friend class EmotionLexiconParser;
};

} // namespace ths
