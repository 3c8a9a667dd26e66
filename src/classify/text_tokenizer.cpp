// SPDX-License-Identifier: GPL-3.0-or-later
#include "classify/text_tokenizer.h"

#include "classify/english_stemmer.h"

#include <QHash>
#include <QRegularExpression>

namespace ths {

namespace {

// Emoticons as typed → one canonical spelling, so the lexicon lists each face once. Letters are
// case-sensitive here (":D" is a grin, ":d" nothing) because that is how people type them.
const QHash<QString, QString> &emoticons()
{
    static const QHash<QString, QString> table = {
        {":)", ":)"},    {":-)", ":)"},   {":]", ":)"},    {"=)", ":)"},    {"(:", ":)"},    {":>", ":)"},
        {":D", ":D"},    {":-D", ":D"},   {"=D", ":D"},    {"xD", "xD"},    {"XD", "xD"},    {"xd", "xD"},
        {":(", ":("},    {":-(", ":("},   {":[", ":("},    {"=(", ":("},    {"):", ":("},    {":c", ":("},
        {":'(", ":'("},  {":’(", ":'("},  {":'-(", ":'("}, {";)", ";)"},    {";-)", ";)"},   {";D", ";)"},
        {":P", ":P"},    {":-P", ":P"},   {":p", ":P"},    {":-p", ":P"},   {"xP", ":P"},    {"XP", ":P"},
        {":O", ":O"},    {":-O", ":O"},   {":o", ":O"},    {":-o", ":O"},   {"o_o", ":O"},   {"O_O", ":O"},
        {"D:", "D:"},    {">:(", ">:("},  {">:[", ">:("},  {">:-(", ">:("}, {":/", ":/"},    {":-/", ":/"},
        {":\\", ":/"},   {":|", ":|"},    {":-|", ":|"},   {"<3", "<3"},    {"</3", "</3"},  {"^^", "^^"},
        {"^_^", "^^"},   {"^-^", "^^"},   {"-_-", "-_-"},  {"-.-", "-_-"},  {"T_T", "T_T"},  {"T-T", "T_T"},
        {";_;", "T_T"},  {"QQ", "T_T"},   {"o_O", "o_O"},  {"O_o", "o_O"},  {"o.O", "o_O"},  {"O.o", "o_O"},
        {">_<", ">_<"},  {">.<", ">_<"},  {":3", ":3"},    {":*", ":*"},    {":-*", ":*"},   {":$", ":$"},
        {"^^;", "^^;"},  {"^_^;", "^^;"}, {"x_x", "x_x"},  {"X_X", "x_x"},
    };
    return table;
}

// Apostrophe-less chat spellings and abbreviations → what they stand for.
const QHash<QString, QStringList> &chatSpellings()
{
    static const QHash<QString, QStringList> table = {
        {"dont", {"do", "not"}},         {"cant", {"can", "not"}},         {"wont", {"will", "not"}},
        {"didnt", {"did", "not"}},       {"doesnt", {"does", "not"}},      {"isnt", {"is", "not"}},
        {"wasnt", {"was", "not"}},       {"werent", {"were", "not"}},      {"arent", {"are", "not"}},
        {"havent", {"have", "not"}},     {"hasnt", {"has", "not"}},        {"hadnt", {"had", "not"}},
        {"couldnt", {"could", "not"}},   {"wouldnt", {"would", "not"}},    {"shouldnt", {"should", "not"}},
        {"mustnt", {"must", "not"}},     {"aint", {"is", "not"}},          {"cannot", {"can", "not"}},
        {"im", {"i", "am"}},             {"ive", {"i", "have"}},           {"youre", {"you", "are"}},
        {"thats", {"that", "is"}},       {"whats", {"what", "is"}},        {"theyre", {"they", "are"}},
        {"u", {"you"}},                  {"ur", {"your"}},                 {"ya", {"you"}},
        {"thx", {"thanks"}},             {"tysm", {"thank", "you", "so", "much"}},
        {"pls", {"please"}},             {"plz", {"please"}},              {"idk", {"i", "do", "not", "know"}},
        {"dunno", {"do", "not", "know"}}, {"wanna", {"want", "to"}},       {"gonna", {"going", "to"}},
        {"gotta", {"got", "to"}},        {"kinda", {"kind", "of"}},        {"sorta", {"sort", "of"}},
        {"nvm", {"never", "mind"}},      {"tbh", {"to", "be", "honest"}},  {"ily", {"i", "love", "you"}},
        {"luv", {"love"}},               {"lets", {"let", "us"}},               {"sry", {"sorry"}},               {"soz", {"sorry"}},
    };
    return table;
}

// "it's" is "it is", but "Mia's" is a possessive.
bool takesIs(QStringView base)
{
    static const QStringList kWords = {"it", "that", "what", "there", "here", "he", "she", "who", "where",
                                       "how", "this", "everything", "nothing", "something", "everyone"};
    return kWords.contains(base);
}

bool isApostrophe(char32_t c)
{
    return c == U'\'' || c == U'’' || c == U'‘' || c == U'`' || c == U'ʼ';
}

bool isHyphen(char32_t c)
{
    return c == U'-' || c == U'‐' || c == U'‑';
}

bool isPunctuationBreak(char32_t c)
{
    return c == U'.' || c == U'!' || c == U'?' || c == U',' || c == U';' || c == U':' || c == U'…'
        || c == U'—' || c == U'–' || c == U'¡' || c == U'¿' || c == U'‽' || c == U'。' || c == U'！'
        || c == U'？' || c == U'、';
}

// Modifiers that belong to the emoji before them and carry no meaning of their own here.
bool isEmojiModifier(char32_t c)
{
    return c == 0xFE0F || c == 0xFE0E || c == 0x200D || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF);
}

// "sooo" → "soo", "yessss" → "yess": runs of three or more letters are cut to `keep` letters.
QString shortenRuns(const QString &word, int keep, bool *changed)
{
    QString out;
    out.reserve(word.size());
    for (qsizetype i = 0; i < word.size();) {
        qsizetype j = i;
        while (j < word.size() && word.at(j) == word.at(i))
            ++j;
        const qsizetype run = j - i;
        if (run >= 3 && word.at(i).isLetter()) {
            *changed = true;
            out.append(QString(keep, word.at(i)));
        } else {
            out.append(word.mid(i, run));
        }
        i = j;
    }
    return out;
}

bool isLaughter(const QString &word)
{
    // "haha", "hahaha", "ahahah", "hehe", "hihihi", "bwahaha", "muahaha", "lol", "lolol", "lmao", "lmfao".
    static const QRegularExpression kLaugh(
        QStringLiteral("^(?:(?:bw|mw|mu|m|b)?a?(?:h+[aei]+){2,}h*|a?(?:ha){2,}|l+o+l+(?:o+l+)*|lmf?a+o+|rofl)$"));
    return kLaugh.match(word).hasMatch();
}

class Builder
{
public:
    TextTokens tokens;

    void addBreak(const QString &run)
    {
        TextToken t;
        t.kind = TextToken::Kind::Break;
        t.text = t.stem = run;
        tokens.append(t);
    }

    void addLineEnd()
    {
        if (!tokens.isEmpty() && !tokens.constLast().isBreak())
            addBreak(QStringLiteral("\n"));
    }

    void addSymbol(const QString &symbol)
    {
        TextToken t;
        t.kind = TextToken::Kind::Symbol;
        t.text = t.stem = symbol;
        tokens.append(t);
    }

    // One run of letters, digits, apostrophes and hyphens, as typed.
    void addWord(QString raw)
    {
        for (QChar &c : raw)
            if (isApostrophe(c.unicode()))
                c = u'\'';
        while (!raw.isEmpty() && (raw.front() == u'\'' || isHyphen(raw.front().unicode())))
            raw.remove(0, 1);
        while (!raw.isEmpty() && (raw.back() == u'\'' || isHyphen(raw.back().unicode())))
            raw.chop(1);
        if (raw.isEmpty())
            return;

        int letters = 0, upper = 0;
        for (QChar c : raw) {
            if (c.isLetter()) {
                ++letters;
                if (c.isUpper())
                    ++upper;
            }
        }
        const bool shouted = letters >= 2 && upper == letters;

        QString lower = raw.toLower();
        for (QChar &c : lower)
            if (isHyphen(c.unicode()))
                c = u'-';
        QStringList parts = lower.split(u'-', Qt::SkipEmptyParts);
        // "I-I", "w-what", "s-s-sorry": the fragments before the word are a stutter, not words.
        bool stutter = false;
        while (parts.size() > 1 && parts.first().size() <= 2 && parts.at(1).startsWith(parts.first())) {
            parts.removeFirst();
            stutter = true;
        }
        for (const QString &part : std::as_const(parts))
            addPart(part, shouted, stutter);
    }

private:
    void addPart(const QString &part, bool shouted, bool stutter)
    {
        bool elongated = false;
        QString word = isLaughter(part) ? QStringLiteral("haha") : shortenRuns(part, 2, &elongated);
        QString variant;
        if (elongated) {
            variant = shortenRuns(part, 1, &elongated);
            if (chatSpellings().contains(variant)) { // "plzzz" → "plz" → "please"
                word = variant;
                variant.clear();
            }
        }
        QStringList expanded;
        const qsizetype apostrophe = word.indexOf(u'\'');
        if (apostrophe > 0) {
            expanded = expandContraction(word.left(apostrophe), word.mid(apostrophe + 1));
        } else if (const auto it = chatSpellings().constFind(word); it != chatSpellings().cend()) {
            expanded = *it;
        } else {
            expanded = {word};
        }
        for (const QString &w : std::as_const(expanded)) {
            if (w.isEmpty())
                continue;
            TextToken t;
            t.text = w;
            t.stem = EnglishStemmer::stem(w);
            t.shouted = shouted;
            t.elongated = elongated;
            t.stutter = stutter;
            if (!variant.isEmpty() && expanded.size() == 1)
                t.variant = variant;
            tokens.append(t);
        }
    }

    static QStringList expandContraction(const QString &base, const QString &suffix)
    {
        if (suffix == u't' && base.endsWith(u'n')) {
            const QString verb = base.chopped(1);
            if (verb == u"ca")
                return {"can", "not"};
            if (verb == u"wo")
                return {"will", "not"};
            if (verb == u"sha")
                return {"shall", "not"};
            if (verb == u"ai")
                return {"is", "not"};
            return {verb, "not"};
        }
        if (suffix == u'm')
            return {base, "am"};
        if (suffix == u"re")
            return {base, "are"};
        if (suffix == u"ve")
            return {base, "have"};
        if (suffix == u"ll")
            return {base, "will"};
        if (suffix == u'd')
            return {base, "would"};
        if (suffix == u's') {
            if (base == u"let")
                return {"let", "us"};
            return takesIs(base) ? QStringList{base, "is"} : QStringList{base};
        }
        // "y'all", "o'clock", "rock'n'roll": the apostrophe is spelling only.
        return {base + QString(suffix).remove(u'\'')};
    }
};

// Splits a whitespace-free chunk into words, symbols and punctuation runs.
void tokenizeChunk(QStringView chunk, Builder &out)
{
    if (const QString face = TextTokenizer::canonicalEmoticon(chunk); !face.isEmpty()) {
        out.addSymbol(face);
        return;
    }
    // "great:)" or ":)!!": an emoticon glued to a word or to punctuation.
    qsizetype end = chunk.size();
    while (end > 0 && (chunk.at(end - 1) == u'!' || chunk.at(end - 1) == u'.' || chunk.at(end - 1) == u'?'
                       || chunk.at(end - 1) == u','))
        --end;
    for (qsizetype len = std::min<qsizetype>(end, 5); len >= 2; --len) {
        const QStringView tail = chunk.mid(end - len, len);
        if (tail.front().isLetterOrNumber())
            continue;
        if (const QString face = TextTokenizer::canonicalEmoticon(tail); !face.isEmpty()) {
            if (end - len > 0)
                tokenizeChunk(chunk.left(end - len), out);
            out.addSymbol(face);
            if (end < chunk.size())
                out.addBreak(chunk.mid(end).toString());
            return;
        }
    }

    QString word, punctuation;
    const auto flushWord = [&] {
        if (!word.isEmpty())
            out.addWord(word);
        word.clear();
    };
    const auto flushPunctuation = [&] {
        if (!punctuation.isEmpty())
            out.addBreak(punctuation);
        punctuation.clear();
    };
    for (qsizetype i = 0; i < chunk.size(); ++i) {
        // Decode UTF-16 by hand (QStringIterator is private API in Qt 6.4); a lone surrogate becomes U+FFFD.
        char32_t c = chunk.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < chunk.size() && chunk.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(chunk.at(i), chunk.at(i + 1));
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = 0xFFFD;
        }
        if (isEmojiModifier(c)) {
            continue; // variation selectors are combining marks too, but belong to the emoji before them
        } else if (QChar::isLetterOrNumber(c) || (QChar::category(c) == QChar::Mark_NonSpacing && !word.isEmpty())) {
            flushPunctuation();
            word.append(QStringView(QChar::fromUcs4(c)));
        } else if ((isApostrophe(c) || isHyphen(c)) && !word.isEmpty()) {
            word.append(QStringView(QChar::fromUcs4(c)));
        } else if (isPunctuationBreak(c)) {
            flushWord();
            punctuation.append(QStringView(QChar::fromUcs4(c)));
        } else if (TextTokenizer::isEmoji(c)) {
            flushWord();
            flushPunctuation();
            out.addSymbol(QStringView(QChar::fromUcs4(c)).toString());
        } else {
            // Quotes, brackets, asterisks, symbols, control characters and invalid data all separate words.
            flushWord();
            flushPunctuation();
        }
    }
    flushWord();
    flushPunctuation();
}

} // namespace

QString TextTokenizer::canonicalEmoticon(QStringView chunk)
{
    if (chunk.size() < 2 || chunk.size() > 8)
        return {};
    const auto &table = emoticons();
    if (const auto it = table.constFind(chunk.toString()); it != table.cend())
        return *it;
    // ":)))", ":DDD", "<333": a repeated last character is the same face, stressed.
    qsizetype n = chunk.size();
    while (n > 2 && chunk.at(n - 1) == chunk.at(n - 2))
        --n;
    if (n < chunk.size())
        if (const auto it = table.constFind(chunk.left(n).toString()); it != table.cend())
            return *it;
    return {};
}

bool TextTokenizer::isEmoji(char32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF && !(c >= 0x1F3FB && c <= 0x1F3FF)) || (c >= 0x2600 && c <= 0x27BF)
        || (c >= 0x2B00 && c <= 0x2BFF) || (c >= 0x2300 && c <= 0x23FF) || c == 0x2665 || c == 0x203C
        || c == 0x2049;
}

TextTokens TextTokenizer::tokenize(QStringView text)
{
    Builder out;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool atEnd = i == text.size();
        const QChar c = atEnd ? QChar(u' ') : text.at(i);
        if (!atEnd && !c.isSpace()) {
            if (start < 0)
                start = i;
            continue;
        }
        if (start >= 0)
            tokenizeChunk(text.mid(start, i - start), out);
        start = -1;
        // A line end closes a sentence: chat lines often carry no full stop.
        if (c == u'\n' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            out.addLineEnd();
    }
    return out.tokens;
}

} // namespace ths
