// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One unit of text as the emotion lexicon sees it.

#include <QList>
#include <QString>

namespace ths {

struct TextToken {
    enum class Kind {
        Word,   // letters/digits, lower-cased, contractions expanded ("don't" → "do", "not")
        Symbol, // an emoji (variation selectors and skin tones removed) or an emoticon such as ":)" or "<3"
        Break,  // a run of punctuation (".", "?!", "…", ","), or "\n" for a line end
    };
    Kind kind = Kind::Word;
    QString text; // normalised form: lower-case word, canonical symbol, or the punctuation run
    QString stem; // EnglishStemmer::stem(text) for words; the text itself otherwise
    // For a stretched word, the other reading: "sooo" is kept as "soo" with variant "so", "cooool" as "cool"
    // with variant "col"; the lexicon picks the one it knows (EmotionLexicon::resolveElongation).
    QString variant;
    bool shouted = false;   // the word was written in capitals ("HATE"), two letters or more
    bool elongated = false; // a letter was stretched ("sooo", "nooo") before normalising
    bool stutter = false;   // written with a stutter ("I-I", "w-what")

    bool isWord() const { return kind == Kind::Word; }
    bool isBreak() const { return kind == Kind::Break; }
    // A Break that ends a sentence (. ! ? … or a line end), as opposed to a clause (, ; : —).
    bool endsSentence() const;
};

using TextTokens = QList<TextToken>;

} // namespace ths
