// SPDX-License-Identifier: GPL-3.0-or-later
// Accuracy of the built-in classifier on the labelled evaluation set (held out: the lexicon was tuned on the
// separate development set), the shape of both sets, and the evaluator itself: counts, confusion, top-3, and
// precise errors for malformed JSON Lines.

#include "classify/emotion_eval_set.h"
#include "classify/lexicon_emotion_classifier.h"

#include <QSet>
#include <QTest>

using namespace ths;

namespace {

const QString kEvalPath = QStringLiteral(THS_TEST_DATA_DIR "/emotions_eval.jsonl");
const QString kDevPath = QStringLiteral(THS_TEST_DATA_DIR "/emotions_dev.jsonl");

// Always answers `label` first, then the others in label order: a classifier whose report is known exactly.
class FixedClassifier : public EmotionClassifier
{
public:
    explicit FixedClassifier(QString label) : m_label(std::move(label)) {}
    QList<EmotionScore> classify(const QString &) const override
    {
        QList<EmotionScore> out{{m_label, 0.5}};
        for (const QString &l : labels())
            if (l != m_label)
                out.append({l, 0.5 / 27});
        return out;
    }

private:
    QString m_label;
};

EmotionEvalSet load(const QString &path)
{
    QString error;
    auto set = EmotionEvalSet::fromFile(path, &error);
    if (!set)
        qFatal("%s", qPrintable(error));
    return *set;
}

} // namespace

class TestClassifyAccuracy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setsCoverEveryLabelAndAreDisjoint()
    {
        const EmotionEvalSet eval = load(kEvalPath);
        const EmotionEvalSet dev = load(kDevPath);
        QVERIFY2(eval.items().size() >= 150, qPrintable(QString::number(eval.items().size())));
        for (const EmotionEvalSet *set : {&eval, &dev}) {
            std::array<int, EmotionClassifier::kLabelCount> perLabel{};
            for (const LabelledText &item : set->items())
                ++perLabel[size_t(item.label)];
            for (int i = 0; i < EmotionClassifier::kLabelCount; ++i)
                QVERIFY2(perLabel[size_t(i)] >= 4, qPrintable(EmotionClassifier::labels().at(i)));
        }
        QSet<QString> evalTexts;
        for (const LabelledText &item : eval.items()) {
            QVERIFY2(!evalTexts.contains(item.text), qPrintable(QStringLiteral("duplicate: ") + item.text));
            evalTexts.insert(item.text.simplified().toLower());
        }
        for (const LabelledText &item : dev.items())
            QVERIFY2(!evalTexts.contains(item.text.simplified().toLower()),
                     qPrintable(QStringLiteral("in both sets: ") + item.text));
    }

    void evalAccuracy()
    {
        const EmotionEvalReport report = load(kEvalPath).evaluate(LexiconEmotionClassifier());
        qInfo().noquote() << QStringLiteral("held-out evaluation set (%1):\n%2").arg(kEvalPath, report.format(6, 0));
        QVERIFY2(report.accuracy() >= 0.60, qPrintable(report.format(28, 40)));
    }

    void devAccuracy()
    {
        // The set the lexicon was tuned on: printed for comparison with the held-out figure.
        const EmotionEvalReport report = load(kDevPath).evaluate(LexiconEmotionClassifier());
        qInfo().noquote() << QStringLiteral("development set (%1):\n%2").arg(kDevPath, report.format(6, 0));
        QVERIFY2(report.accuracy() >= 0.60, qPrintable(report.format(28, 40)));
    }

    void reportCountsExactly()
    {
        const QByteArray jsonl = "{\"text\": \"a\", \"label\": \"joy\"}\n"
                                 "{\"text\": \"b\", \"label\": \"joy\"}\n"
                                 "\n"
                                 "{\"text\": \"c\", \"label\": \"anger\", \"note\": \"why this label\"}\n"
                                 "{\"text\": \"d\", \"label\": \"admiration\"}\n";
        QString error;
        const auto set = EmotionEvalSet::fromJsonLines(jsonl, QStringLiteral("mem"), &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->items().size(), 4);
        QCOMPARE(set->items().at(2).line, 4); // blank lines still count
        const EmotionEvalReport report = set->evaluate(FixedClassifier(QStringLiteral("joy")));
        QCOMPARE(report.total, 4);
        QCOMPARE(report.correct, 2);
        QCOMPARE(report.accuracy(), 0.5);
        // Top three of FixedClassifier("joy"): joy, admiration, amusement.
        QCOMPARE(report.correctTop3, 3);
        const int joy = EmotionClassifier::labelIndex(u"joy"), anger = EmotionClassifier::labelIndex(u"anger");
        QCOMPARE(report.confusion[size_t(anger)][size_t(joy)], 1);
        QCOMPARE(report.confusion[size_t(joy)][size_t(joy)], 2);
        QCOMPARE(report.perLabelTotal[size_t(joy)], 2);
        QCOMPARE(report.misses.size(), 2);
        QCOMPARE(report.misses.first().item.text, QStringLiteral("c"));
        const QString text = report.format(2, 5);
        QVERIFY2(text.startsWith(QStringLiteral("top-1 accuracy 2/4 = 50.0 %, top-3 75.0 %")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("anger           0/1  → joy ×1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("4: anger → joy 0.50  c")), qPrintable(text));
    }

    void malformedLinesAreReportedPrecisely_data()
    {
        QTest::addColumn<QByteArray>("jsonl");
        QTest::addColumn<QString>("error");
        const QByteArray ok = "{\"text\": \"fine\", \"label\": \"joy\"}\n";
        QTest::newRow("bad JSON") << ok + "{\"text\": \"x\", \"label\": }\n" << "set.jsonl:2: invalid JSON at column";
        QTest::newRow("not object") << ok + ok + "[\"x\", \"joy\"]\n" << "set.jsonl:3: expected an object";
        QTest::newRow("unknown label") << ok + "{\"text\": \"x\", \"label\": \"happy\"}\n"
                                       << "set.jsonl:2: \"label\": \"happy\" is not one of the 28 emotion labels";
        QTest::newRow("label not string") << QByteArray("{\"text\": \"x\", \"label\": 3}\n")
                                          << "set.jsonl:1: \"label\" must be a string";
        QTest::newRow("missing text") << QByteArray("{\"label\": \"joy\"}\n") << "set.jsonl:1: \"text\" must be a non-empty string";
        QTest::newRow("blank text") << QByteArray("{\"text\": \"  \", \"label\": \"joy\"}\n")
                                    << "set.jsonl:1: \"text\" must be a non-empty string";
        QTest::newRow("typo key") << QByteArray("{\"text\": \"x\", \"lable\": \"joy\"}\n")
                                  << "set.jsonl:1: unknown key \"lable\" (expected text, label, note)";
        QTest::newRow("empty") << QByteArray("\n\n") << "set.jsonl: no labelled texts in the file";
    }

    void malformedLinesAreReportedPrecisely()
    {
        QFETCH(QByteArray, jsonl);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!EmotionEvalSet::fromJsonLines(jsonl, QStringLiteral("set.jsonl"), &message));
        QVERIFY2(message.startsWith(error), qPrintable(message));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!EmotionEvalSet::fromFile(QStringLiteral("/nonexistent/set.jsonl"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("/nonexistent/set.jsonl: cannot open")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestClassifyAccuracy)
#include "test_classify_accuracy.moc"
