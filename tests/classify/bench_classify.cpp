// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark, not a test: how long the classifier takes on chat-sized messages and on huge inputs, and how
// long the built-in lexicon takes to load. Prints figures; asserts only that the work was done.

#include "classify/emotion_eval_set.h"
#include "classify/lexicon_emotion_classifier.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ths;

class BenchClassify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lexiconLoad()
    {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto lexicon = EmotionLexicon::fromFile(EmotionLexicon::kBuiltInPath, &error);
        const double ms = timer.nsecsElapsed() / 1e6;
        QVERIFY2(lexicon, qPrintable(error));
        qInfo().noquote() << QStringLiteral("lexicon load: %1 ms (%2 keys)").arg(ms, 0, 'f', 2).arg(lexicon->keyCount());
    }

    void chatMessages()
    {
        QString error;
        const auto set = EmotionEvalSet::fromFile(QStringLiteral(THS_TEST_DATA_DIR "/emotions_eval.jsonl"), &error);
        QVERIFY2(set, qPrintable(error));
        const LexiconEmotionClassifier classifier;
        classifier.classify(QStringLiteral("warm-up"));
        constexpr int kRounds = 50;
        qsizetype characters = 0;
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < kRounds; ++round)
            for (const LabelledText &item : set->items()) {
                characters += item.text.size();
                QCOMPARE(classifier.classify(item.text).size(), 28);
            }
        const double seconds = timer.nsecsElapsed() / 1e9;
        const qsizetype messages = kRounds * set->items().size();
        qInfo().noquote() << QStringLiteral("chat messages: %1 in %2 s: %3 µs per message (mean %4 characters), %5 messages/s")
                                 .arg(messages).arg(seconds, 0, 'f', 3).arg(1e6 * seconds / messages, 0, 'f', 1)
                                 .arg(characters / messages).arg(messages / seconds, 0, 'f', 0);
    }

    void sillyTavernSample()
    {
        // The client sends at most ~500 characters (first 250 + last 250 of a long message).
        const QString text = QStringLiteral(
            "*She leans against the doorframe, arms crossed, trying very hard not to smile.* You're late again. "
            "I was starting to think you'd forgotten about me... *Her voice softens.* But I'm glad you came. "
            "Really glad. Come in, the tea is still warm, and I made those cookies you like. Don't tell anyone "
            "I was worried, okay? *She looks away, cheeks turning pink.*");
        const LexiconEmotionClassifier classifier;
        constexpr int kRounds = 5000;
        QElapsedTimer timer;
        timer.start();
        QString label;
        for (int i = 0; i < kRounds; ++i)
            label = classifier.classify(text).first().label;
        const double us = timer.nsecsElapsed() / 1e3 / kRounds;
        qInfo().noquote() << QStringLiteral("%1-character role-play message: %2 µs per call (top label: %3)")
                                 .arg(text.size()).arg(us, 0, 'f', 1).arg(label);
    }

    void hugeInputs()
    {
        const LexiconEmotionClassifier classifier;
        const int limit = classifier.lexicon().parameters().maxCharacters;
        QString prose;
        while (prose.size() < 1024 * 1024)
            prose += QStringLiteral("I can't believe you did that, I'm so happy! But the rain makes me sad... ");
        const QString oneWord(1024 * 1024, u'x');
        QByteArray bytes(1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 2654435761u) >> 13);
        const QString garbage = QString::fromUtf8(bytes);
        for (const auto &[name, text] : {std::pair{"1 MB prose", prose}, std::pair{"1 MB single word", oneWord},
                                         std::pair{"1 MB binary garbage", garbage},
                                         std::pair{"prose at the read limit", prose.left(limit)}}) {
            QElapsedTimer timer;
            timer.start();
            const QList<EmotionScore> scores = classifier.classify(text);
            const double ms = timer.nsecsElapsed() / 1e6;
            QCOMPARE(scores.size(), 28);
            qInfo().noquote() << QStringLiteral("%1 (%2 characters, %3 read): %4 ms, top %5")
                                     .arg(QString::fromLatin1(name)).arg(text.size()).arg(std::min<qsizetype>(limit, text.size()))
                                     .arg(ms, 0, 'f', 2).arg(scores.first().label);
        }
    }
};

QTEST_GUILESS_MAIN(BenchClassify)
#include "bench_classify.moc"
