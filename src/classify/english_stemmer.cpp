// SPDX-License-Identifier: GPL-3.0-or-later
#include "classify/english_stemmer.h"

namespace ths {

namespace {

// Shorter stems than this are not made: "need" must not become "ne", nor "thing" "th".
constexpr int kMinStem = 3;

bool isVowel(QChar c)
{
    return c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u';
}

bool hasVowel(QStringView s)
{
    for (QChar c : s)
        if (isVowel(c) || c == u'y')
            return true;
    return false;
}

// Strips `suffix` and appends `replacement` when at least `minRest` letters are left and the result still has
// a vowel ("cried" → "cry" counts its y).
bool replaceSuffix(QString &word, QStringView suffix, QStringView replacement, int minRest = kMinStem)
{
    if (!word.endsWith(suffix))
        return false;
    const QStringView rest = QStringView(word).left(word.size() - suffix.size());
    const QString result = rest.toString() + replacement.toString();
    if (rest.size() < minRest || !hasVowel(result))
        return false;
    word = result;
    return true;
}

// Plurals and third persons: "worries" → "worry", "wishes" → "wish", "hugs" → "hug", "kisses" → "kiss".
void stripPlural(QString &s)
{
    if (replaceSuffix(s, u"sses", u"ss") || replaceSuffix(s, u"ies", u"y", 2))
        return;
    if (s.endsWith(u"shes") || s.endsWith(u"ches") || s.endsWith(u"xes") || s.endsWith(u"zes")) {
        replaceSuffix(s, u"es", u"");
        return;
    }
    // "nervous", "kiss" and "this" end in s without being plurals.
    if (s.endsWith(u's') && !s.endsWith(u"ss") && !s.endsWith(u"us") && !s.endsWith(u"is"))
        replaceSuffix(s, u"s", u"");
}

// After "-ed"/"-ing": "stopped" → "stop" (but "kissed" keeps its ss), and a short
// consonant-vowel-consonant stem gets its e back ("hated" → "hate", "loving" → "love"), so it meets the base
// word instead of a different one ("hat"). An undoubled stem gets no e: "hopped" is "hop", not "hope".
void repairVerbStem(QString &s)
{
    const qsizetype n = s.size();
    if (n >= 4 && s.at(n - 1) == s.at(n - 2) && !isVowel(s.at(n - 1)) && s.at(n - 1) != u'l'
        && s.at(n - 1) != u's' && s.at(n - 1) != u'z') {
        s.chop(1);
        return;
    }
    if (n == 3 && !isVowel(s.at(0)) && isVowel(s.at(1)) && !isVowel(s.at(2)) && s.at(2) != u'w'
        && s.at(2) != u'x' && s.at(2) != u'y')
        s.append(u'e');
}

} // namespace

QString EnglishStemmer::stem(const QString &word)
{
    if (word.size() <= kMinStem)
        return word;
    QString s = word;
    stripPlural(s);
    // Longest first; the y-restoring forms come before their plain ones ("happiness" before "ness").
    if (replaceSuffix(s, u"iness", u"y") || replaceSuffix(s, u"ness", u"") || replaceSuffix(s, u"iest", u"y")
        || replaceSuffix(s, u"ier", u"y") || replaceSuffix(s, u"ily", u"y") || replaceSuffix(s, u"ied", u"y", 2)) {
        // done
    } else if (s.endsWith(u"ment") && !s.endsWith(u"iment")) { // not "compliment" → "compli"
        replaceSuffix(s, u"ment", u"");
    } else if (s.endsWith(u"eed")) {
        replaceSuffix(s, u"d", u"", 4); // "agreed" → "agree", while "need" stays
    } else if (replaceSuffix(s, u"ingly", u"") || replaceSuffix(s, u"edly", u"") || replaceSuffix(s, u"ing", u"")
               || replaceSuffix(s, u"ed", u"")) {
        repairVerbStem(s);
    } else if (!s.endsWith(u"ely")) { // "lovely" is not "love", "surely" not "sure"
        replaceSuffix(s, u"ly", u"");
    }
    // A silent final e goes where enough is left ("smile"/"smiling" → "smil"); "love", "hate", "cute" keep theirs
    // because the three-letter rest would be another word.
    if (s.size() >= kMinStem + 2 && s.endsWith(u'e') && !s.endsWith(u"ee"))
        s.chop(1);
    return s;
}

} // namespace ths
