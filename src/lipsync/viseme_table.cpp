// SPDX-License-Identifier: GPL-3.0-or-later
#include "lipsync/viseme_table.h"

#include <QHash>

#include <optional>

namespace ths {

namespace {

Viseme shape(float a, float i, float u, float e, float o, float dominance, bool vowel = false)
{
    Viseme v;
    v.shape = {a, i, u, e, o};
    v.dominance = dominance;
    v.isVowel = vowel;
    return v;
}

Viseme closed(float dominance = 1.0f)
{
    Viseme v;
    v.dominance = dominance;
    v.closesLips = true;
    return v;
}

// A single vowel symbol (espeak's ASCII phoneme alphabet, after length and variant marks are stripped).
// Close vowels open the jaw less than open ones, so their shapes peak lower (a 1.0, e/o 0.85, i/u 0.7).
std::optional<Viseme> vowelUnit(QChar c)
{
    constexpr float kV = 1.0f; // vowels dominate consonants
    switch (c.unicode()) {
    case 'a': case 'A': return shape(1.0f, 0, 0, 0, 0, kV, true);
    case '&': return shape(0.8f, 0, 0, 0.45f, 0, kV, true);          // æ
    case 'V': return shape(0.75f, 0, 0, 0.1f, 0, kV, true);          // ʌ
    case '@': return shape(0.45f, 0, 0, 0.25f, 0, 0.7f, true);       // ə: a lax, half-open mouth
    case '3': return shape(0.3f, 0, 0, 0.55f, 0, 0.8f, true);        // ɜ
    case 'e': return shape(0, 0, 0, 0.85f, 0, kV, true);
    case 'E': return shape(0.25f, 0, 0, 0.8f, 0, kV, true);          // ɛ
    case 'i': return shape(0, 0.7f, 0, 0, 0, kV, true);
    case 'I': return shape(0, 0.6f, 0, 0.15f, 0, kV, true);          // ɪ
    case 'o': return shape(0, 0, 0, 0, 0.85f, kV, true);
    case 'O': return shape(0.2f, 0, 0, 0, 0.85f, kV, true);          // ɔ
    case '0': return shape(0.35f, 0, 0, 0, 0.8f, kV, true);          // ɒ
    case 'u': return shape(0, 0, 0.7f, 0, 0, kV, true);
    case 'U': return shape(0, 0, 0.6f, 0, 0.1f, kV, true);           // ʊ
    case 'M': return shape(0, 0.25f, 0.55f, 0, 0, kV, true);         // ɯ (unrounded u)
    case 'y': return shape(0, 0.25f, 0.6f, 0, 0, kV, true);          // y (Mandarin ü)
    case 'Y': return shape(0, 0, 0.55f, 0.35f, 0, kV, true);         // ø
    case 'W': return shape(0.2f, 0, 0.3f, 0.5f, 0, kV, true);        // œ
    default: return std::nullopt;
    }
}

// Whole mnemonics whose letters alone would mislead.
const QHash<QString, std::vector<Viseme>> &specialCases()
{
    static const QHash<QString, std::vector<Viseme>> table = [] {
        QHash<QString, std::vector<Viseme>> t;
        t.insert(QStringLiteral("a#"), {shape(0.5f, 0, 0, 0.2f, 0, 0.8f, true)}); // English weak "a" (ɐ)
        t.insert(QStringLiteral("i."), {shape(0, 0.45f, 0, 0.3f, 0, 0.8f, true)}); // Mandarin apical "shi", "zi"
        t.insert(QStringLiteral("I#"), {shape(0, 0.6f, 0, 0.3f, 0, 0.8f, true)});
        t.insert(QStringLiteral("I2"), {shape(0, 0.6f, 0, 0.3f, 0, 0.8f, true)});
        t.insert(QStringLiteral("@L"), {shape(0.4f, 0, 0, 0.25f, 0, 0.7f, true), shape(0, 0, 0, 0.25f, 0, 0.3f)});
        return t;
    }();
    return table;
}

// Consonants: stops, affricates and fricatives hold a nearly closed jaw firmly (their audio is a closure or a
// narrow hiss), nasals and liquids less so, and h, the glides and unknown symbols mostly follow their vowels.
Viseme consonant(const QString &phoneme)
{
    QString name = phoneme;
    while (name.startsWith(QLatin1Char('_')))
        name.remove(0, 1); // "_j": a glide written with espeak's underscore prefix
    if (name.isEmpty())
        return shape(0.25f, 0, 0, 0.1f, 0, 0.2f);
    const QChar c = name.at(0);
    const QChar next = name.size() > 1 ? name.at(1) : QChar();
    const bool retroflex = name.contains(QLatin1Char('.'));
    switch (c.unicode()) {
    case 'p': case 'b': case 'm':
        return closed();
    case 'f': case 'v':
        return shape(0, 0.05f, 0, 0.1f, 0, 0.9f); // lower lip to the teeth: all but shut
    case 'w':
        return shape(0, 0, 0.5f, 0, 0.1f, 0.8f);
    case 'S': case 'Z':
        return shape(0, 0, 0.15f, 0, 0.25f, 0.7f); // ʃ ʒ: lips pushed forward
    case 'j':
        return shape(0, 0.35f, 0, 0.1f, 0, 0.4f);
    case 't': case 'd':
        if (next == QLatin1Char('S') || next == QLatin1Char('Z')) { // tʃ dʒ, Mandarin "tS;" (j, q)
            if (name.contains(QLatin1Char(';')))
                return shape(0, 0.2f, 0, 0.1f, 0, 0.7f); // alveolo-palatal: spread, not rounded
            return shape(0, 0, 0.15f, 0, 0.25f, 0.7f);
        }
        if (retroflex)
            return shape(0, 0, 0.1f, 0.05f, 0.15f, 0.7f); // Mandarin retroflex "ts." (zh, ch)
        return shape(0, 0, 0, 0.15f, 0, 0.7f);
    case 's': case 'z':
        if (retroflex)
            return shape(0, 0, 0.1f, 0.05f, 0.15f, 0.7f); // retroflex "s.", "z." (sh, r)
        if (name.contains(QLatin1Char('\\')))
            return shape(0, 0.2f, 0, 0.1f, 0, 0.7f); // Japanese "s\" (し): spread
        return shape(0, 0, 0, 0.2f, 0, 0.7f);
    case 'k': case 'g': case 'c': case 'J': case 'q': case 'G': case '?':
        return shape(0.15f, 0, 0, 0.05f, 0, 0.6f); // the tongue closes; the jaw comes up with it
    case 'x': case 'X': case 'C': case 'Q':
        return shape(0.2f, 0, 0, 0.05f, 0, 0.5f);
    case 'n': case 'N':
        return shape(0.1f, 0, 0, 0.15f, 0, 0.5f);
    case 'l': case 'r': case 'R': case 'T': case 'D': case '4': case 'L':
        return shape(0.1f, 0, 0, 0.25f, 0, 0.4f);
    case 'h':
        return shape(0.3f, 0, 0, 0, 0, 0.15f); // breath through the next vowel's mouth
    default:
        return shape(0.25f, 0, 0, 0.1f, 0, 0.2f);
    }
}

// Drops espeak's length, stress, tone and variant marks around the symbols.
QString core(const QString &name)
{
    QString out;
    for (QChar c : name)
        if (c.isLetter() || c == QLatin1Char('@') || c == QLatin1Char('&') || c == QLatin1Char('3') || c == QLatin1Char('0'))
            out.append(c);
    return out;
}

} // namespace

bool VisemeTable::isPause(const QString &phoneme)
{
    return phoneme.startsWith(QLatin1Char('_')) && (phoneme.size() == 1 || !phoneme.at(1).isLetter());
}

std::vector<Viseme> VisemeTable::lookup(const QString &phoneme)
{
    if (phoneme.isEmpty() || isPause(phoneme)) {
        Viseme pause = closed();
        pause.isPause = true;
        return {pause};
    }
    if (auto it = specialCases().constFind(phoneme); it != specialCases().constEnd())
        return *it;
    const QString letters = core(phoneme);
    if (letters.isEmpty() || !vowelUnit(letters.at(0)))
        return {consonant(phoneme)};
    // A vowel, a diphthong/triphthong ("aI", "iou"), or a vowel with a nasal coda (Mandarin "ong").
    std::vector<Viseme> parts;
    qsizetype i = 0;
    for (; i < letters.size(); ++i) {
        const auto v = vowelUnit(letters.at(i));
        if (!v)
            break;
        parts.push_back(*v);
    }
    if (i < letters.size())
        parts.push_back(consonant(letters.mid(i)));
    return parts;
}

} // namespace ths
