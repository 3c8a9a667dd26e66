// SPDX-License-Identifier: GPL-3.0-or-later
// EmotionLexicon: the built-in lexicon is valid and covers every label; bad lexicon JSON is rejected with the
// JSON path of the fault; phrase matching (longest key, exact words, intensifiers inside phrases, never across
// punctuation); the negation map; stretched words.

#include "classify/emotion_lexicon.h"
#include "classify/text_tokenizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace ths;

namespace {

int index(const char *label)
{
    return EmotionClassifier::labelIndex(QString::fromLatin1(label));
}

// A small valid lexicon; each test changes one thing.
QJsonObject baseLexicon()
{
    QJsonObject parameters{
        {"neutral_base", 0.5},        {"evidence_floor", 0.25},   {"sharpness", 4.0},
        {"negation_scope", 3},        {"modifier_scope", 2},      {"shout_factor", 1.5},
        {"elongation_factor", 1.2},   {"exclaim_factor", 0.1},    {"contrast_before", 0.5},
        {"contrast_after", 1.5},      {"last_sentence_factor", 1.0}, {"max_characters", 1000},
        {"exclaim_cue", QJsonObject{}}, {"question_cue", QJsonObject{{"curiosity", 0.5}}},
        {"short_question_cue", QJsonObject{}}, {"surprised_question_cue", QJsonObject{}},
        {"ellipsis_cue", QJsonObject{}}, {"stutter_cue", QJsonObject{}}, {"shout_cue", QJsonObject{}},
    };
    QJsonObject emotions;
    for (const QString &label : EmotionClassifier::labels())
        emotions.insert(label, QJsonObject{});
    emotions.insert("joy", QJsonObject{{"happy", 1.0}, {"made my day", 1.5}, {"=glad", 0.9}});
    emotions.insert("sadness", QJsonObject{{"sad", 1.0}, {"😢", 1.2}});
    emotions.insert("desire", QJsonObject{{"i want", 1.0}});
    emotions.insert("surprise", QJsonObject{{"=stunned", 1.0}});
    emotions.insert("admiration", QJsonObject{{"stunning", 1.0}});
    return QJsonObject{
        {"parameters", parameters},
        {"negators", QJsonArray{"not", "no"}},
        {"modifiers", QJsonObject{{"very", 1.5}, {"really", 1.4}, {"a bit", 0.5}}},
        {"contrasts", QJsonArray{"but"}},
        {"negation", QJsonObject{{"joy", QJsonObject{{"sadness", 0.5}, {"disappointment", 0.25}}}}},
        {"emotions", emotions},
    };
}

std::optional<EmotionLexicon> parse(const QJsonObject &json, QString *error)
{
    return EmotionLexicon::fromJson(QJsonDocument(json).toJson(), QStringLiteral("test.json"), error);
}

EmotionLexicon base()
{
    QString error;
    auto lexicon = parse(baseLexicon(), &error);
    if (!lexicon)
        qFatal("base lexicon invalid: %s", qPrintable(error));
    return *lexicon;
}

// Edits a nested value: path "emotions.joy" etc.
QJsonObject edited(QJsonObject root, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            root.remove(path.first());
        else
            root.insert(path.first(), value);
        return root;
    }
    root.insert(path.first(), edited(root.value(path.first()).toObject(), path.mid(1), value));
    return root;
}

struct Found {
    QString key;   // which test key the match came from, told apart by its weights
    qsizetype length = 0;
    double modifier = 1.0;
};

} // namespace

class TestEmotionLexicon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInIsValidAndCoversEveryLabel()
    {
        const EmotionLexicon &lexicon = EmotionLexicon::builtIn();
        QVERIFY2(lexicon.keyCount() > 1500, qPrintable(QString::number(lexicon.keyCount())));
        const auto counts = lexicon.cueCounts();
        const QStringList labels = EmotionClassifier::labels();
        for (int i = 0; i < EmotionClassifier::kLabelCount; ++i) {
            // Every emotion has a real word list; neutral needs only a few ("okay", "noted").
            const int minimum = labels.at(i) == u"neutral" ? 10 : 35;
            QVERIFY2(counts[size_t(i)] >= minimum, qPrintable(QStringLiteral("%1: %2 cues").arg(labels.at(i)).arg(counts[size_t(i)])));
        }
        QCOMPARE(lexicon.parameters().negationScope, 3);
        QVERIFY(lexicon.parameters().maxCharacters >= 10000);
    }

    void builtInResourceIsTheSourceFile()
    {
        // The resource is compiled from src/classify/data; both parse to the same tables.
        QString error;
        const auto fromSource = EmotionLexicon::fromFile(QStringLiteral(THS_SOURCE_DIR "/src/classify/data/emotion_lexicon.json"), &error);
        QVERIFY2(fromSource, qPrintable(error));
        QFile resource(EmotionLexicon::kBuiltInPath);
        QVERIFY(resource.open(QIODevice::ReadOnly));
        QFile source(QStringLiteral(THS_SOURCE_DIR "/src/classify/data/emotion_lexicon.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(resource.readAll(), source.readAll());
        QCOMPARE(fromSource->keyCount(), EmotionLexicon::builtIn().keyCount());
    }

    void badJsonIsRejectedWithItsPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const auto row = [](const char *name, const QJsonObject &json, const char *error) {
            QTest::newRow(name) << QJsonDocument(json).toJson() << QString::fromUtf8(error);
        };
        QTest::newRow("not JSON") << QByteArray("{\"parameters\": ") << "test.json: invalid JSON at offset";
        QTest::newRow("array") << QByteArray("[1, 2]") << "test.json: expected a JSON object at the top level";
        const QJsonObject b = baseLexicon();
        row("unknown top-level key", edited(b, {"emotion"}, QJsonObject{}), "test.json: emotion: unknown key");
        row("no parameters", edited(b, {"parameters"}, QJsonValue::Undefined), "test.json: parameters: missing");
        row("no emotions", edited(b, {"emotions"}, QJsonValue::Undefined), "test.json: emotions: missing");
        row("parameter missing", edited(b, {"parameters", "sharpness"}, QJsonValue::Undefined),
            "test.json: parameters.sharpness: missing");
        row("parameter unknown", edited(b, {"parameters", "sharpnes"}, 2.0),
            "test.json: parameters.sharpnes: unknown parameter");
        row("parameter out of range", edited(b, {"parameters", "sharpness"}, -1.0),
            "test.json: parameters.sharpness: -1 is out of range (expected 0.1 to 50)");
        row("parameter not a number", edited(b, {"parameters", "neutral_base"}, "high"),
            "test.json: parameters.neutral_base: expected a number from 0 to 10");
        row("scope not whole", edited(b, {"parameters", "negation_scope"}, 2.5),
            "test.json: parameters.negation_scope: expected a whole number");
        row("rule cue label", edited(b, {"parameters", "question_cue"}, QJsonObject{{"curious", 0.5}}),
            "test.json: parameters.question_cue.curious: \"curious\" is not one of the 28 emotion labels");
        row("label missing", edited(b, {"emotions", "grief"}, QJsonValue::Undefined),
            "test.json: emotions.grief: missing (every label needs an entry, even if empty)");
        row("label misspelt", edited(b, {"emotions", "joyy"}, QJsonObject{}),
            "test.json: emotions.joyy: \"joyy\" is not one of the 28 emotion labels");
        row("label not object", edited(b, {"emotions", "joy"}, QJsonArray{"happy"}),
            "test.json: emotions.joy: expected an object");
        row("weight not number", edited(b, {"emotions", "joy", "happy"}, "1"),
            "test.json: emotions.joy.happy: expected a number from 0.01 to 5");
        row("weight zero", edited(b, {"emotions", "joy", "happy"}, 0.0),
            "test.json: emotions.joy.happy: 0 is out of range (expected 0.01 to 5)");
        row("same stem twice", edited(b, {"emotions", "joy", "happier"}, 1.0),
            "test.json: emotions.joy.happy: same cue as \"happier\" after stemming (\"happy\"); merge them");
        row("punctuation in key", edited(b, {"emotions", "confusion"}, QJsonObject{{"wait, what", 1.0}}),
            "test.json: emotions.confusion.wait, what: the key contains punctuation \",\"");
        row("empty key", edited(b, {"emotions", "joy", "**"}, 1.0), "test.json: emotions.joy.**: the key has no words or symbols");
        row("exact key of two words", edited(b, {"emotions", "joy", "=so glad"}, 1.0),
            "test.json: emotions.joy.=so glad: an exact key (\"=word\") must be one word");
        row("negators not array", edited(b, {"negators"}, "not"), "test.json: negators: expected an array of strings");
        row("negator not string", edited(b, {"negators"}, QJsonArray{"not", 3}), "test.json: negators[1]: expected a string");
        row("negator twice", edited(b, {"negators"}, QJsonArray{"not", "nots"}), "test.json: negators[1]: \"nots\" is listed twice");
        row("modifier of 1", edited(b, {"modifiers", "quite"}, 1.0),
            "test.json: modifiers.quite: a factor of 1 does nothing; remove the entry");
        row("negation target", edited(b, {"negation", "joy"}, QJsonObject{{"sad", 0.5}}),
            "test.json: negation.joy.sad: \"sad\" is not one of the 28 emotion labels");
        row("negation source", edited(b, {"negation", "happy"}, QJsonObject{}),
            "test.json: negation.happy: \"happy\" is not one of the 28 emotion labels");
    }

    void badJsonIsRejectedWithItsPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!EmotionLexicon::fromJson(json, QStringLiteral("test.json"), &message));
        QVERIFY2(message.contains(error), qPrintable(message));
    }

    void missingFileNamesThePath()
    {
        QString error;
        QVERIFY(!EmotionLexicon::fromFile(QStringLiteral("/nonexistent/lexicon.json"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("/nonexistent/lexicon.json: cannot open")), qPrintable(error));
    }

    void matching_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("label");  // the label of the matched key, "" for none
        QTest::addColumn<double>("weight");  // its weight for that label
        QTest::addColumn<int>("length");
        QTest::addColumn<double>("modifier");
        QTest::newRow("word") << "so happy" << 1 << "joy" << 1.0 << 1 << 1.0;
        QTest::newRow("inflected word") << "happiest" << 0 << "joy" << 1.0 << 1 << 1.0;
        QTest::newRow("phrase beats its words") << "you made my day" << 1 << "joy" << 1.5 << 3 << 1.0;
        QTest::newRow("phrase, inflected") << "that made my days" << 1 << "joy" << 1.5 << 3 << 1.0;
        QTest::newRow("intensifier inside phrase") << "i really want it" << 0 << "desire" << 1.0 << 3 << 1.4;
        QTest::newRow("two intensifiers") << "i really very want" << 0 << "desire" << 1.0 << 4 << 1.4 * 1.5;
        QTest::newRow("phrase stops at punctuation") << "made, my day" << 0 << "" << 0.0 << 0 << 1.0;
        QTest::newRow("unfinished phrase") << "made my" << 0 << "" << 0.0 << 0 << 1.0;
        QTest::newRow("exact word") << "stunned" << 0 << "surprise" << 1.0 << 1 << 1.0;
        QTest::newRow("stem of the same word") << "stunning" << 0 << "admiration" << 1.0 << 1 << 1.0;
        QTest::newRow("exact is not stemmed") << "gladly" << 0 << "" << 0.0 << 0 << 1.0;
        QTest::newRow("symbol") << "oh 😢" << 1 << "sadness" << 1.2 << 1 << 1.0;
        QTest::newRow("no match on break") << "happy." << 1 << "" << 0.0 << 0 << 1.0;
    }

    void matching()
    {
        QFETCH(QString, text);
        QFETCH(int, position);
        QFETCH(QString, label);
        QFETCH(double, weight);
        QFETCH(int, length);
        QFETCH(double, modifier);
        const EmotionLexicon lexicon = base();
        const TextTokens tokens = TextTokenizer::tokenize(text);
        const EmotionLexicon::Match m = lexicon.match(tokens, position);
        if (label.isEmpty()) {
            QVERIFY(!m.entry || !m.entry->isCue);
            return;
        }
        QVERIFY(m.entry && m.entry->isCue);
        QCOMPARE(m.entry->weights[size_t(EmotionClassifier::labelIndex(label))], weight);
        QCOMPARE(m.length, qsizetype(length));
        QCOMPARE(m.modifier, modifier);
    }

    void modifiersNegatorsContrasts()
    {
        const EmotionLexicon lexicon = base();
        const TextTokens tokens = TextTokenizer::tokenize(QStringLiteral("not very a bit but"));
        QVERIFY(lexicon.match(tokens, 0).entry->isNegator);
        QCOMPARE(lexicon.match(tokens, 1).entry->multiplier, 1.5);
        const auto bit = lexicon.match(tokens, 2);
        QCOMPARE(bit.entry->multiplier, 0.5);
        QCOMPARE(bit.length, qsizetype(2));
        QVERIFY(lexicon.match(tokens, 4).entry->isContrast);
    }

    void negationMap()
    {
        const EmotionLexicon lexicon = base();
        EmotionVector joy{};
        joy[size_t(index("joy"))] = 2.0;
        const EmotionVector negated = lexicon.negate(joy);
        QCOMPARE(negated[size_t(index("joy"))], 0.0);
        QCOMPARE(negated[size_t(index("sadness"))], 1.0);
        QCOMPARE(negated[size_t(index("disappointment"))], 0.5);
        // A label without a negation entry simply loses its evidence.
        EmotionVector sad{};
        sad[size_t(index("sadness"))] = 1.0;
        const EmotionVector none = lexicon.negate(sad);
        QVERIFY(std::all_of(none.begin(), none.end(), [](double v) { return v == 0.0; }));
    }

    void stretchedWordsPickTheKnownReading()
    {
        const EmotionLexicon lexicon = base();
        TextTokens tokens = TextTokenizer::tokenize(QStringLiteral("saaad veeery haaappy"));
        QCOMPARE(tokens.at(0).text, QStringLiteral("saad")); // two letters kept by the tokenizer…
        lexicon.resolveElongation(tokens);
        QCOMPARE(tokens.at(0).text, QStringLiteral("sad")); // …one when only that is a known word
        QCOMPARE(tokens.at(1).stem, QStringLiteral("very"));
        QCOMPARE(tokens.at(2).text, QStringLiteral("happy"));
        QVERIFY(tokens.at(0).elongated);
        QVERIFY(lexicon.match(tokens, 0).entry->isCue);
    }
};

QTEST_GUILESS_MAIN(TestEmotionLexicon)
#include "test_emotion_lexicon.moc"
