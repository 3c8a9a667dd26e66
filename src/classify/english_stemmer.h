// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A light suffix stripper for English, made for lexicon look-up rather than linguistics: it maps the inflections
// of one word onto one key ("loved", "loving", "loves" → "love"; "worried", "worries" → "worry";
// "happiness", "happily", "happier" → "happy"; "excited", "excitement" → "excit"). Lexicon entries go through
// the same function, so the lexicon lists plain words and still matches their forms. It never strips "less" or
// "ful", whose words mean something else ("hopeless" is not "hope").

#include <QString>

namespace ths {

class EnglishStemmer
{
public:
    // `word` must already be lower case. Words of three letters or fewer come back unchanged.
    static QString stem(const QString &word);
};

} // namespace ths
