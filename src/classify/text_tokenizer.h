// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chat text → tokens for the emotion lexicon: words (lower-cased, stemmed, contractions and chat spellings
// expanded, stutters and stretched letters undone), emoji and emoticons as symbols, and punctuation runs kept
// as breaks because "?!" and "!!!" carry emotion too.
//
// Handles any input: invalid UTF-16, control characters, non-Latin scripts (their words pass through
// unstemmed and simply match nothing) and very long text (linear time).

#include "classify/text_token.h"

#include <QStringView>

namespace ths {

class TextTokenizer
{
public:
    static TextTokens tokenize(QStringView text);

    // The emoticon, in canonical form (":-)" → ":)"), that `chunk` is as a whole, or an empty string.
    static QString canonicalEmoticon(QStringView chunk);
    // Whether the code point is an emoji that should become a Symbol token.
    static bool isEmoji(char32_t codePoint);
};

} // namespace ths
