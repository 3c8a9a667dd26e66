// SPDX-License-Identifier: GPL-3.0-or-later
// TextTokenizer and EnglishStemmer: what the lexicon sees of chat text — stems, contractions, chat spellings,
// emoticons and emoji, punctuation runs, capitals, stretched letters, stutters — and that any input is safe.

#include "classify/english_stemmer.h"
#include "classify/text_tokenizer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ths;

namespace {

QStringList texts(const TextTokens &tokens)
{
    QStringList out;
    for (const TextToken &t : tokens)
        out << t.text;
    return out;
}

QStringList kinds(const TextTokens &tokens)
{
    QStringList out;
    for (const TextToken &t : tokens)
        out << (t.isWord() ? QStringLiteral("w") : t.isBreak() ? QStringLiteral("b") : QStringLiteral("s"));
    return out;
}

} // namespace

class TestTextTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stems_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("stem");
        // Inflections of one word meet at one key.
        for (const char *w : {"love", "loved", "loving", "loves", "lovingly"})
            QTest::newRow(w) << w << "love";
        for (const char *w : {"worry", "worried", "worries", "worrying"})
            QTest::newRow(w) << w << "worry";
        for (const char *w : {"happy", "happiness", "happily", "happier", "happiest"})
            QTest::newRow(w) << w << "happy";
        for (const char *w : {"excite", "excited", "exciting", "excitement", "excitedly"})
            QTest::newRow(w) << w << "excit";
        for (const char *w : {"annoy", "annoyed", "annoying", "annoys"})
            QTest::newRow(w) << w << "annoy";
        for (const char *w : {"smile", "smiled", "smiling", "smiles"})
            QTest::newRow(w) << w << "smil";
        for (const char *w : {"cry", "cried", "cries", "crying"})
            QTest::newRow(w) << w << "cry";
        for (const char *w : {"embarrassed", "embarrassing", "embarrassment"})
            QTest::newRow(w) << w << "embarrass";
        // e restored after a short stem, so "hated" is "hate", not the "hat" on someone's head.
        QTest::newRow("hated") << "hated" << "hate";
        QTest::newRow("hate") << "hate" << "hate";
        QTest::newRow("hat") << "hat" << "hat";
        QTest::newRow("cute") << "cute" << "cute";
        QTest::newRow("hoping") << "hoping" << "hope";
        QTest::newRow("hopped") << "hopped" << "hop";
        QTest::newRow("sobbing") << "sobbing" << "sob";
        QTest::newRow("agreed") << "agreed" << "agree";
        QTest::newRow("kisses") << "kisses" << "kiss";
        QTest::newRow("wishes") << "wishes" << "wish";
        QTest::newRow("sadly") << "sadly" << "sad";
        QTest::newRow("sadness") << "sadness" << "sad";
        // Words that only look inflected stay whole.
        QTest::newRow("need") << "need" << "need";
        QTest::newRow("thing") << "thing" << "thing";
        QTest::newRow("nervous") << "nervous" << "nervous";
        QTest::newRow("this") << "this" << "this";
        QTest::newRow("lovely") << "lovely" << "lovely";
        QTest::newRow("only") << "only" << "only";
        QTest::newRow("compliment") << "compliment" << "compliment";
        // "less" and "ful" change the meaning and are never stripped.
        QTest::newRow("hopeless") << "hopeless" << "hopeless";
        QTest::newRow("hopeful") << "hopeful" << "hopeful";
        QTest::newRow("hopefully") << "hopefully" << "hopeful";
        QTest::newRow("short") << "sad" << "sad";
        QTest::newRow("empty") << "" << "";
    }

    void stems()
    {
        QFETCH(QString, word);
        QFETCH(QString, stem);
        QCOMPARE(EnglishStemmer::stem(word), stem);
    }

    void words_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("lower case") << "I am HAPPY" << QStringList{"i", "am", "happy"};
        QTest::newRow("n't") << "I don't know" << QStringList{"i", "do", "not", "know"};
        QTest::newRow("can't") << "can't" << QStringList{"can", "not"};
        QTest::newRow("won't") << "won't" << QStringList{"will", "not"};
        QTest::newRow("ain't") << "ain't" << QStringList{"is", "not"};
        QTest::newRow("I'm") << "I'm fine" << QStringList{"i", "am", "fine"};
        QTest::newRow("they're") << "they're" << QStringList{"they", "are"};
        QTest::newRow("we've") << "we've" << QStringList{"we", "have"};
        QTest::newRow("you'll") << "you'll" << QStringList{"you", "will"};
        QTest::newRow("I'd") << "I'd" << QStringList{"i", "would"};
        QTest::newRow("it's") << "it's" << QStringList{"it", "is"};
        QTest::newRow("let's") << "let's go" << QStringList{"let", "us", "go"};
        QTest::newRow("possessive") << "Mia's cat" << QStringList{"mia", "cat"};
        QTest::newRow("curly apostrophe") << "don’t" << QStringList{"do", "not"};
        QTest::newRow("no apostrophe") << "dont cant im" << QStringList{"do", "not", "can", "not", "i", "am"};
        QTest::newRow("chat spelling") << "thx u" << QStringList{"thanks", "you"};
        QTest::newRow("idk") << "idk" << QStringList{"i", "do", "not", "know"};
        QTest::newRow("quotes and stars") << "*smiles* \"hi\"" << QStringList{"smiles", "hi"};
        QTest::newRow("hyphenated") << "self-conscious" << QStringList{"self", "conscious"};
        QTest::newRow("stutter") << "I-I w-what s-s-sorry" << QStringList{"i", "what", "sorry"};
        QTest::newRow("laughter") << "hahaha lol LMAO hehe" << QStringList{"haha", "haha", "haha", "haha"};
        QTest::newRow("aha is no laugh") << "aha" << QStringList{"aha"};
        QTest::newRow("stretched") << "sooo goood" << QStringList{"soo", "good"};
        QTest::newRow("accents") << "très café" << QStringList{"très", "café"};
    }

    void words()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, tokens);
        QCOMPARE(texts(TextTokenizer::tokenize(text)), tokens);
    }

    void flags()
    {
        const TextTokens t = TextTokenizer::tokenize(QStringLiteral("I HATE it OK sooo I-I"));
        QCOMPARE(texts(t), (QStringList{"i", "hate", "it", "ok", "soo", "i"}));
        QVERIFY(!t.at(0).shouted); // one capital letter is not shouting
        QVERIFY(t.at(1).shouted);
        QVERIFY(!t.at(2).shouted);
        QVERIFY(t.at(3).shouted);
        QVERIFY(t.at(4).elongated);
        QCOMPARE(t.at(4).variant, QStringLiteral("so"));
        QVERIFY(!t.at(1).elongated);
        QVERIFY(t.at(1).variant.isEmpty());
        QVERIFY(t.at(5).stutter);
        QVERIFY(!t.at(0).stutter);
        // Shouting survives contraction expansion: both halves of "DON'T" are capitals.
        const TextTokens dont = TextTokenizer::tokenize(QStringLiteral("DON'T"));
        QCOMPARE(texts(dont), (QStringList{"do", "not"}));
        QVERIFY(dont.at(0).shouted && dont.at(1).shouted);
    }

    void punctuation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tokens");
        QTest::addColumn<QStringList>("kinds");
        QTest::newRow("?!") << "Really?!" << QStringList{"really", "?!"} << QStringList{"w", "b"};
        QTest::newRow("ellipsis") << "Wait... what" << QStringList{"wait", "...", "what"} << QStringList{"w", "b", "w"};
        QTest::newRow("comma") << "no, thanks" << QStringList{"no", ",", "thanks"} << QStringList{"w", "b", "w"};
        QTest::newRow("line end") << "hi\nbye" << QStringList{"hi", "\n", "bye"} << QStringList{"w", "b", "w"};
        QTest::newRow("line end after stop") << "hi.\n\nbye" << QStringList{"hi", ".", "bye"}
                                             << QStringList{"w", "b", "w"};
        QTest::newRow("time is no emoticon") << "at 2:30" << QStringList{"at", "2", ":", "30"}
                                             << QStringList{"w", "w", "b", "w"};
    }

    void punctuation()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, tokens);
        QFETCH(QStringList, kinds);
        const TextTokens t = TextTokenizer::tokenize(text);
        QCOMPARE(texts(t), tokens);
        QCOMPARE(::kinds(t), kinds);
    }

    void endsSentence()
    {
        const TextTokens t = TextTokenizer::tokenize(QStringLiteral("a. b, c! d? e… f; g\nh"));
        QStringList ends;
        for (const TextToken &token : t)
            if (token.isBreak())
                ends << (token.endsSentence() ? QStringLiteral("end") : QStringLiteral("clause"));
        QCOMPARE(ends, (QStringList{"end", "clause", "end", "end", "end", "clause", "end"}));
        QVERIFY(!t.first().endsSentence()); // a word never ends a sentence
    }

    void symbols_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tokens");
        QTest::addColumn<QStringList>("kinds");
        QTest::newRow(":)") << ":)" << QStringList{":)"} << QStringList{"s"};
        QTest::newRow(":-) is :)") << ":-)" << QStringList{":)"} << QStringList{"s"};
        QTest::newRow("=) is :)") << "=)" << QStringList{":)"} << QStringList{"s"};
        QTest::newRow(":D") << ":D" << QStringList{":D"} << QStringList{"s"};
        QTest::newRow("XD") << "XD" << QStringList{"xD"} << QStringList{"s"};
        QTest::newRow(":'(") << ":'(" << QStringList{":'("} << QStringList{"s"};
        QTest::newRow("<3") << "<3" << QStringList{"<3"} << QStringList{"s"};
        QTest::newRow("<333") << "<333" << QStringList{"<3"} << QStringList{"s"};
        QTest::newRow(":)))") << ":)))" << QStringList{":)"} << QStringList{"s"};
        QTest::newRow("glued") << "great:)" << QStringList{"great", ":)"} << QStringList{"w", "s"};
        QTest::newRow("then punctuation") << "ok :)!!" << QStringList{"ok", ":)", "!!"} << QStringList{"w", "s", "b"};
        QTest::newRow("emoji") << "ok😭😭" << QStringList{"ok", "😭", "😭"} << QStringList{"w", "s", "s"};
        QTest::newRow("variation selector") << "❤️" << QStringList{"❤"} << QStringList{"s"};
        QTest::newRow("skin tone") << "👍🏽" << QStringList{"👍"} << QStringList{"s"};
        QTest::newRow("zwj sequence") << "❤️‍🔥" << QStringList{"❤", "🔥"} << QStringList{"s", "s"};
        QTest::newRow("emoji then stop") << "yes😂." << QStringList{"yes", "😂", "."} << QStringList{"w", "s", "b"};
    }

    void symbols()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, tokens);
        QFETCH(QStringList, kinds);
        const TextTokens t = TextTokenizer::tokenize(text);
        QCOMPARE(texts(t), tokens);
        QCOMPARE(::kinds(t), kinds);
        for (const TextToken &token : t)
            if (!token.isWord())
                QCOMPARE(token.stem, token.text);
    }

    void canonicalEmoticon()
    {
        QCOMPARE(TextTokenizer::canonicalEmoticon(u":-("), QStringLiteral(":("));
        QCOMPARE(TextTokenizer::canonicalEmoticon(u"^_^"), QStringLiteral("^^"));
        QVERIFY(TextTokenizer::canonicalEmoticon(u":d").isEmpty()); // case matters for letter faces
        QVERIFY(TextTokenizer::canonicalEmoticon(u"").isEmpty());
        QVERIFY(TextTokenizer::canonicalEmoticon(u"hello").isEmpty());
        QVERIFY(TextTokenizer::isEmoji(U'😭'));
        QVERIFY(TextTokenizer::isEmoji(U'❤'));
        QVERIFY(!TextTokenizer::isEmoji(U'a'));
        QVERIFY(!TextTokenizer::isEmoji(0x1F3FB)); // a skin tone alone is a modifier, not an emoji
    }

    void emptyAndBlank()
    {
        QVERIFY(TextTokenizer::tokenize(u"").isEmpty());
        QVERIFY(TextTokenizer::tokenize(u"   \t\n\r\n  ").isEmpty());
        QVERIFY(TextTokenizer::tokenize(u"* \" ( ) [ ] ~ # @").isEmpty());
    }

    void brokenInputIsSafe()
    {
        // Lone surrogates, NULs, control characters, replacement characters and random bytes: tokens come out,
        // nothing crashes, and every token is well-formed (non-empty, words never contain spaces).
        QString broken;
        broken += QChar(0xD800);
        broken += QStringLiteral("abc");
        broken += QChar(0xDC00);
        broken += QChar(0);
        broken += QStringLiteral("\x01\x02 don't\x7F ");
        broken += QChar(0xFFFD);
        QRandomGenerator random(1234);
        QByteArray bytes(64 * 1024, Qt::Uninitialized);
        for (char &b : bytes)
            b = char(random.bounded(256));
        for (const QString &text : {broken, QString::fromUtf8(bytes), QString::fromLatin1(bytes)}) {
            const TextTokens tokens = TextTokenizer::tokenize(text);
            for (const TextToken &t : tokens) {
                QVERIFY(!t.text.isEmpty());
                if (t.isWord())
                    QVERIFY(!t.text.contains(u' '));
            }
        }
        QCOMPARE(texts(TextTokenizer::tokenize(broken)), (QStringList{"abc", "do", "not"}));
    }
};

QTEST_GUILESS_MAIN(TestTextTokenizer)
#include "test_text_tokenizer.moc"
