// SPDX-License-Identifier: GPL-3.0-or-later
// LexiconEmotionClassifier: the /api/classify contract (28 labels in the documented order, all listed, sorted,
// scores in [0, 1] summing to 1, deterministic, thread-safe), hostile input (empty, 1 MB, binary garbage,
// other languages), and the rules: negation, intensity, capitals, punctuation, emoji, contrast, stutters.

#include "classify/lexicon_emotion_classifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <thread>

using namespace ths;

namespace {

// The 28 GoEmotions labels of the original classify module, in its order (docs/http-api.md, classify/labels).
const QStringList kDocumentedLabels = {
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion", "curiosity", "desire",
    "disappointment", "disapproval", "disgust", "embarrassment", "excitement", "fear", "gratitude", "grief", "joy",
    "love", "nervousness", "neutral", "optimism", "pride", "realization", "relief", "remorse", "sadness", "surprise"};

const LexiconEmotionClassifier &classifier()
{
    static const LexiconEmotionClassifier instance;
    return instance;
}

QString top(const QString &text)
{
    return classifier().classify(text).first().label;
}

double scoreOf(const QList<EmotionScore> &scores, const QString &label)
{
    for (const EmotionScore &s : scores)
        if (s.label == label)
            return s.score;
    return -1.0;
}

double evidenceOf(const QString &text, const char *label)
{
    return classifier().evidence(text)[size_t(EmotionClassifier::labelIndex(QString::fromLatin1(label)))];
}

// The contract every response must meet, whatever the input.
void checkContract(const QList<EmotionScore> &scores)
{
    QCOMPARE(scores.size(), 28);
    QStringList labels;
    double sum = 0.0;
    for (qsizetype i = 0; i < scores.size(); ++i) {
        const double s = scores.at(i).score;
        QVERIFY2(std::isfinite(s) && s >= 0.0 && s <= 1.0, qPrintable(QString::number(s)));
        if (i > 0)
            QVERIFY(scores.at(i - 1).score >= s);
        labels << scores.at(i).label;
        sum += s;
    }
    QVERIFY2(std::abs(sum - 1.0) < 1e-9, qPrintable(QString::number(sum, 'g', 17)));
    labels.sort();
    QCOMPARE(labels, kDocumentedLabels); // each label exactly once
}

QString repeatTo(const QString &piece, qsizetype size)
{
    QString out;
    out.reserve(size + piece.size());
    while (out.size() < size)
        out += piece;
    return out;
}

} // namespace

class TestLexiconEmotionClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelsAreTheDocumentedOnes()
    {
        QCOMPARE(EmotionClassifier::labels(), kDocumentedLabels);
        QCOMPARE(EmotionClassifier::labels().size(), EmotionClassifier::kLabelCount);
        for (int i = 0; i < kDocumentedLabels.size(); ++i)
            QCOMPARE(EmotionClassifier::labelIndex(kDocumentedLabels.at(i)), i);
        // Positions the classifier relies on internally.
        QCOMPARE(EmotionClassifier::labelIndex(u"confusion"), 6);
        QCOMPARE(EmotionClassifier::labelIndex(u"curiosity"), 7);
        QCOMPARE(EmotionClassifier::labelIndex(u"neutral"), 20);
        QCOMPARE(EmotionClassifier::labelIndex(u"Joy"), -1);
        QCOMPARE(EmotionClassifier::labelIndex(u"talkinghead"), -1);
        QCOMPARE(EmotionClassifier::labelIndex(u""), -1);
    }

    void contractHoldsForAnyInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("whitespace") << QStringLiteral(" \t\n  \r\n ");
        QTest::newRow("punctuation") << QStringLiteral("?!?!... ,,, !!!");
        QTest::newRow("one word") << QStringLiteral("happy");
        QTest::newRow("mixed") << QStringLiteral("I'm SO happy but also scared?! 😭❤️ :)");
        QTest::newRow("emoji only") << QStringLiteral("😂😂😂🔥💯");
        QTest::newRow("japanese") << QStringLiteral("今日はいい天気ですね。");
        QTest::newRow("control characters") << QString::fromLatin1("\x01\x02\x03\x7f\x1b[31m");
        QTest::newRow("lone surrogates") << (QString(QChar(0xD83D)) + QStringLiteral("hi") + QChar(0xDE00));
        QTest::newRow("1 MB of one word") << QString(1024 * 1024, u'a');
        QTest::newRow("1 MB of emoji") << repeatTo(QStringLiteral("😭"), 512 * 1024);
        QTest::newRow("1 MB of feelings") << repeatTo(QStringLiteral("I love you, I hate you! "), 1024 * 1024);
    }

    void contractHoldsForAnyInput()
    {
        QFETCH(QString, text);
        checkContract(classifier().classify(text));
    }

    void contractHoldsForBinaryGarbage()
    {
        QRandomGenerator random(20240219);
        for (int round = 0; round < 20; ++round) {
            QByteArray bytes(4096 * (round + 1), Qt::Uninitialized);
            for (char &b : bytes)
                b = char(random.bounded(256));
            checkContract(classifier().classify(QString::fromUtf8(bytes)));
            checkContract(classifier().classify(QString::fromLatin1(bytes)));
        }
    }

    void nothingToGoOnIsNeutral_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("whitespace") << QStringLiteral("   \n\t ");
        QTest::newRow("statement") << QStringLiteral("The train leaves at seven from platform four.");
        QTest::newRow("narration") << QStringLiteral("She walks to the window and opens the curtains.");
        QTest::newRow("french") << QStringLiteral("Je suis très content de te voir.");
        QTest::newRow("japanese") << QStringLiteral("今日はいい天気ですね。");
        QTest::newRow("russian") << QStringLiteral("Я иду домой.");
        QTest::newRow("binary") << QString::fromLatin1(QByteArray::fromHex("00ff10e2828c7fdeadbeef0a0d"));
        QTest::newRow("1 MB neutral") << repeatTo(QStringLiteral("The train leaves at seven. "), 1024 * 1024);
    }

    void nothingToGoOnIsNeutral()
    {
        QFETCH(QString, text);
        const QList<EmotionScore> scores = classifier().classify(text);
        QCOMPARE(scores.first().label, QStringLiteral("neutral"));
        QVERIFY(scores.first().score > 0.4);
    }

    void tiesKeepTheLabelOrder()
    {
        // With no evidence the 27 other labels score exactly alike and follow labels() order, as /api/classify
        // promises a stable order.
        const QList<EmotionScore> scores = classifier().classify(QString());
        QStringList rest;
        for (qsizetype i = 1; i < scores.size(); ++i) {
            QCOMPARE(scores.at(i).score, scores.at(1).score);
            rest << scores.at(i).label;
        }
        QStringList expected = kDocumentedLabels;
        expected.removeOne(QStringLiteral("neutral"));
        QCOMPARE(rest, expected);
    }

    void longTextIsCutWhereTheLexiconSays()
    {
        // The opening decides, as with a model that truncates its input: what lies beyond max_characters is
        // not read, what lies before is, however long the text.
        const int limit = classifier().lexicon().parameters().maxCharacters;
        const QString filler = repeatTo(QStringLiteral("The train leaves at seven. "), limit);
        QCOMPARE(top(QStringLiteral("I hate you! ") + filler + filler), QStringLiteral("anger"));
        QCOMPARE(top(filler + QStringLiteral(" I hate you!")), QStringLiteral("neutral"));
        QCOMPARE(top(repeatTo(QStringLiteral("I am so happy today! "), 1024 * 1024)), QStringLiteral("joy"));
    }

    void deterministic()
    {
        const QString text = QStringLiteral("Wait, you did WHAT?! I can't believe it... 😂 but thanks, I guess.");
        const QList<EmotionScore> first = classifier().classify(text);
        const LexiconEmotionClassifier other;
        for (int i = 0; i < 3; ++i) {
            for (const QList<EmotionScore> &again : {classifier().classify(text), other.classify(text)}) {
                QCOMPARE(again.size(), first.size());
                for (qsizetype k = 0; k < first.size(); ++k) {
                    QCOMPARE(again.at(k).label, first.at(k).label);
                    QCOMPARE(again.at(k).score, first.at(k).score); // bit for bit
                }
            }
        }
    }

    void oneInstanceServesManyThreads()
    {
        const QStringList texts = {"I'm so happy!", "I hate this.", "Thank you so much 🙏", "What? I don't get it.",
                                   "Ew, gross.", "I'm not sure... maybe?", "I love you <3", "Phew, that was close."};
        QList<QList<EmotionScore>> expected;
        for (const QString &t : texts)
            expected << classifier().classify(t);
        std::atomic<int> mismatches = 0;
        std::vector<std::thread> threads;
        for (int n = 0; n < 8; ++n) {
            threads.emplace_back([&, n] {
                for (int round = 0; round < 200; ++round) {
                    const qsizetype i = (n + round) % texts.size();
                    const QList<EmotionScore> got = classifier().classify(texts.at(i));
                    for (qsizetype k = 0; k < got.size(); ++k)
                        if (got.at(k).label != expected.at(i).at(k).label || got.at(k).score != expected.at(i).at(k).score)
                            ++mismatches;
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(mismatches.load(), 0);
    }

    void topLabel_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        // Plain cues.
        QTest::newRow("joy") << "I am happy." << "joy";
        QTest::newRow("caps anger") << "I HATE this" << "anger";
        QTest::newRow("gratitude") << "Thanks a lot!" << "gratitude";
        QTest::newRow("contraction phrase") << "Don't worry." << "caring";
        QTest::newRow("chat spelling phrase") << "dont worry" << "caring";
        QTest::newRow("can't wait") << "I can't wait!" << "excitement";
        // Negation: turned around, not just dropped.
        QTest::newRow("not happy") << "I am not happy." << "disappointment";
        QTest::newRow("not happy at all") << "I'm not happy at all." << "disappointment";
        QTest::newRow("don't love") << "I don't love it." << "disapproval";
        QTest::newRow("not funny") << "This isn't funny." << "annoyance";
        QTest::newRow("don't agree") << "I don't agree." << "disapproval";
        QTest::newRow("not bad") << "Not bad at all." << "approval";
        QTest::newRow("not angry") << "I'm not angry." << "neutral";
        QTest::newRow("not sure") << "I'm not sure." << "confusion";
        QTest::newRow("never been happier") << "I've never been happier." << "joy";
        QTest::newRow("can't stop smiling") << "I can't stop smiling!" << "joy";
        QTest::newRow("negation ends at comma") << "Not now, I'm happy." << "joy";
        QTest::newRow("negation reaches three words") << "I'm not really that happy." << "disappointment";
        // Punctuation.
        QTest::newRow("?!") << "Really?!" << "surprise";
        QTest::newRow("short question") << "What?" << "confusion";
        QTest::newRow("question") << "How does this work?" << "curiosity";
        QTest::newRow("confused question") << "Huh? Who is driving then?" << "confusion";
        QTest::newRow("wow!") << "Wow!" << "surprise";
        // Emoji and emoticons alone.
        QTest::newRow("😭") << "😭" << "sadness";
        QTest::newRow("😂") << "😂" << "amusement";
        QTest::newRow("❤️") << "❤️" << "love";
        QTest::newRow("😡") << "😡" << "anger";
        QTest::newRow("🤢") << "🤢" << "disgust";
        QTest::newRow("🙏") << "🙏" << "gratitude";
        QTest::newRow("😱") << "😱" << "fear";
        QTest::newRow("🎉") << "🎉" << "excitement";
        QTest::newRow("👍🏽") << "👍🏽" << "approval";
        QTest::newRow(":)") << ":)" << "joy";
        QTest::newRow(":(") << ":(" << "sadness";
        QTest::newRow("<3") << "<3" << "love";
        QTest::newRow("xD") << "xD" << "amusement";
        QTest::newRow("emoji keep meaning after not") << "not 😂" << "amusement";
        // Emoji after the full stop belong to the sentence: gratitude stays on top of happy tears.
        QTest::newRow("thanks 😭❤️") << "Thank you so much!! 😭❤️" << "gratitude";
        // Contrast: what follows "but" counts more.
        QTest::newRow("but") << "It was scary, but I'm so happy now." << "joy";
        QTest::newRow("but, next sentence") << "I was so scared. But now I'm fine and happy." << "joy";
        // Role-play habits.
        QTest::newRow("stutter") << "I-I d-don't know what to say..." << "nervousness";
        QTest::newRow("action") << "*blushes*" << "embarrassment";
        QTest::newRow("laughter") << "hahahaha" << "amusement";
        QTest::newRow("stretched") << "nooooo whyyyy :(" << "sadness";
    }

    void topLabel()
    {
        QFETCH(QString, text);
        QFETCH(QString, label);
        QStringList trace;
        classifier().evidence(text, &trace);
        QVERIFY2(top(text) == label, qPrintable(QStringLiteral("got %1; %2").arg(top(text), trace.join(u"; "))));
    }

    void negationMovesJoyAway()
    {
        const QList<EmotionScore> plain = classifier().classify(QStringLiteral("I am happy"));
        const QList<EmotionScore> negated = classifier().classify(QStringLiteral("I am not happy"));
        QVERIFY(scoreOf(negated, "joy") < 0.05);
        QVERIFY(scoreOf(plain, "joy") > 0.9);
        QVERIFY(scoreOf(negated, "sadness") > scoreOf(plain, "sadness"));
        QVERIFY(scoreOf(negated, "disappointment") > scoreOf(plain, "disappointment"));
        // Outside the negator's reach, nothing turns around.
        QCOMPARE(evidenceOf("No. I am happy", "joy"), evidenceOf("I am happy", "joy"));
        QCOMPARE(evidenceOf("I am not going home and I am happy", "joy"), evidenceOf("I am happy", "joy"));
    }

    void intensity()
    {
        // Intensifiers, diminishers, capitals, stretched letters and exclamation marks scale the evidence.
        QVERIFY(evidenceOf("I am very sad", "sadness") > evidenceOf("I am sad", "sadness"));
        QVERIFY(evidenceOf("I am sad", "sadness") > evidenceOf("I am a little sad", "sadness"));
        QVERIFY(evidenceOf("I am extremely sad", "sadness") > evidenceOf("I am very sad", "sadness"));
        QVERIFY(evidenceOf("I am so sad", "sadness") > evidenceOf("I am kind of sad", "sadness"));
        QVERIFY(evidenceOf("I HATE you", "anger") > evidenceOf("I hate you", "anger"));
        QVERIFY(evidenceOf("I'm saaad", "sadness") > evidenceOf("I'm sad", "sadness"));
        QVERIFY(evidenceOf("I'm happy!!!", "joy") > evidenceOf("I'm happy!", "joy"));
        QVERIFY(evidenceOf("I'm happy!", "joy") > evidenceOf("I'm happy.", "joy"));
        // An intensifier reaches the next cue only, within two words.
        QCOMPARE(evidenceOf("very, I am sad", "sadness"), evidenceOf("I am sad", "sadness"));
        // The higher score follows the evidence.
        QVERIFY(scoreOf(classifier().classify("I am very sad"), "sadness")
                > scoreOf(classifier().classify("I am a little sad"), "sadness"));
    }

    void punctuationRules()
    {
        // "!" without any cue leans to excitement/surprise without overriding neutral; a shouted sentence leans
        // to anger; a trailing "…" to nervousness; "?!" to surprise.
        const EmotionVector exclaimed = classifier().evidence(QStringLiteral("We leave at noon!"));
        QVERIFY(exclaimed[size_t(EmotionClassifier::labelIndex(u"excitement"))] > 0.0);
        QCOMPARE(top(QStringLiteral("We leave at noon!")), QStringLiteral("neutral"));
        QVERIFY(evidenceOf("WHAT ARE YOU DOING", "anger") > evidenceOf("what are you doing", "anger"));
        QCOMPARE(top(QStringLiteral("GET BACK HERE RIGHT NOW")), QStringLiteral("anger"));
        QVERIFY(evidenceOf("I see...", "nervousness") > evidenceOf("I see.", "nervousness"));
        QVERIFY(evidenceOf("You did that?!", "surprise") > evidenceOf("You did that?", "surprise"));
    }

    void traceExplainsTheRules()
    {
        QStringList trace;
        classifier().evidence(QStringLiteral("I'm not VERY happy..."), &trace);
        const QString all = trace.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("negated \"happy\"")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("(modifier)")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("trailing \"…\"")), qPrintable(all));
        trace.clear();
        classifier().evidence(QString(), &trace);
        QVERIFY(trace.isEmpty());
    }

    void scoresFollowTheFormula()
    {
        // score ∝ (floor + evidence)^sharpness, with the built-in parameters.
        const EmotionLexicon::Parameters &p = classifier().lexicon().parameters();
        EmotionVector evidence{};
        evidence[size_t(EmotionClassifier::labelIndex(u"joy"))] = 1.0;
        evidence[size_t(EmotionClassifier::labelIndex(u"neutral"))] = 0.5;
        const QList<EmotionScore> scores = classifier().scores(evidence);
        const double joy = std::pow(p.evidenceFloor + 1.0, p.sharpness);
        const double neutral = std::pow(p.evidenceFloor + 0.5, p.sharpness);
        const double other = std::pow(p.evidenceFloor, p.sharpness);
        const double sum = joy + neutral + 26 * other;
        QCOMPARE(scores.at(0).label, QStringLiteral("joy"));
        QVERIFY(std::abs(scores.at(0).score - joy / sum) < 1e-12);
        QCOMPARE(scores.at(1).label, QStringLiteral("neutral"));
        QVERIFY(std::abs(scores.at(1).score - neutral / sum) < 1e-12);
        QVERIFY(std::abs(scores.at(27).score - other / sum) < 1e-12);
        // Negative or huge evidence cannot break the contract.
        evidence.fill(-5.0);
        checkContract(classifier().scores(evidence));
        evidence.fill(1e300);
        checkContract(classifier().scores(evidence));
    }

    void anotherLexiconCanBePluggedIn()
    {
        // A classifier built from a custom lexicon uses its words and parameters only.
        QJsonObject emotions;
        for (const QString &label : EmotionClassifier::labels())
            emotions.insert(label, QJsonObject{});
        emotions.insert("pride", QJsonObject{{"banana", 2.0}});
        QJsonObject parameters{{"neutral_base", 0.5}, {"evidence_floor", 1.0}, {"sharpness", 1.0},
                               {"negation_scope", 1}, {"modifier_scope", 1}, {"shout_factor", 1.0},
                               {"elongation_factor", 1.0}, {"exclaim_factor", 0.0}, {"contrast_before", 1.0},
                               {"contrast_after", 1.0}, {"last_sentence_factor", 1.0}, {"max_characters", 100},
                               {"exclaim_cue", QJsonObject{}}, {"question_cue", QJsonObject{}},
                               {"short_question_cue", QJsonObject{}}, {"surprised_question_cue", QJsonObject{}},
                               {"ellipsis_cue", QJsonObject{}}, {"stutter_cue", QJsonObject{}},
                               {"shout_cue", QJsonObject{}}};
        QString error;
        auto lexicon = EmotionLexicon::fromJson(
            QJsonDocument(QJsonObject{{"parameters", parameters}, {"emotions", emotions}}).toJson(), "custom", &error);
        QVERIFY2(lexicon, qPrintable(error));
        const LexiconEmotionClassifier custom(std::move(*lexicon));
        QCOMPARE(custom.classify(QStringLiteral("Bananas!")).first().label, QStringLiteral("pride"));
        QCOMPARE(custom.classify(QStringLiteral("I am happy")).first().label, QStringLiteral("neutral"));
        // sharpness 1, floor 1: pride (1 + 2) against neutral (1 + 0.5) and 26 × 1.
        QVERIFY(std::abs(custom.classify(QStringLiteral("banana")).first().score - 3.0 / 30.5) < 1e-12);
        checkContract(custom.classify(QStringLiteral("banana")));
    }
};

QTEST_GUILESS_MAIN(TestLexiconEmotionClassifier)
#include "test_lexicon_emotion_classifier.moc"
