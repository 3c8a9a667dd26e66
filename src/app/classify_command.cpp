// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/classify_command.h"

#include "classify/emotion_eval_set.h"
#include "classify/lexicon_emotion_classifier.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <memory>

namespace ths {

namespace {

// QCommandLineParser names the executable's path in its usage line; say how the subcommand is called instead.
QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    const qsizetype options = text.indexOf(QStringLiteral(" [options]"));
    if (text.startsWith(QStringLiteral("Usage: ")) && options > 0)
        text.replace(7, options - 7, QStringLiteral("talkinghead-studio classify"));
    return text;
}

int usageError(const QCommandLineParser &parser, const QString &message)
{
    std::fprintf(stderr, "error: %s\n\n%s", qPrintable(message), qPrintable(helpText(parser)));
    return 2;
}

void print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

} // namespace

int runClassifyCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Classify text into the 28 GoEmotions labels with the built-in lexicon model, as POST /api/classify does,\n"
        "or measure its accuracy on a labelled JSON Lines file."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("text"), QStringLiteral("The text to classify (\"-\": read stdin)."),
                                 QStringLiteral("[text…]"));
    parser.addOptions({
        {QStringLiteral("top"), QStringLiteral("How many labels to print (1 to 28, default 5)."), QStringLiteral("N"),
         QStringLiteral("5")},
        {QStringLiteral("json"), QStringLiteral("Print the /api/classify response body instead of a table.")},
        {QStringLiteral("explain"), QStringLiteral("Also print which cues and rules fired.")},
        {QStringLiteral("eval"), QStringLiteral("Evaluate on a JSON Lines file of {\"text\", \"label\"} objects."),
         QStringLiteral("FILE.jsonl")},
        {QStringLiteral("misses"), QStringLiteral("With --eval: list up to N misclassified texts (default 0)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("min-accuracy"), QStringLiteral("With --eval: fail (exit 1) below this top-1 accuracy (0 to 1)."),
         QStringLiteral("FRACTION")},
        {QStringLiteral("lexicon"), QStringLiteral("Use this lexicon JSON instead of the built-in one."),
         QStringLiteral("FILE.json")},
    });
    // parse(), not process(): process() would exit() on its own terms.
    if (!parser.parse(QStringList{QStringLiteral("talkinghead-studio classify")} + args))
        return usageError(parser, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        print(helpText(parser));
        return 0;
    }

    bool ok = false;
    const int top = parser.value(QStringLiteral("top")).toInt(&ok);
    if (!ok || top < 1 || top > EmotionClassifier::kLabelCount)
        return usageError(parser, QStringLiteral("--top must be a whole number from 1 to 28, not \"%1\"")
                                      .arg(parser.value(QStringLiteral("top"))));
    const int misses = parser.value(QStringLiteral("misses")).toInt(&ok);
    if (!ok || misses < 0)
        return usageError(parser, QStringLiteral("--misses must be a whole number ≥ 0, not \"%1\"")
                                      .arg(parser.value(QStringLiteral("misses"))));
    double minAccuracy = -1.0;
    if (parser.isSet(QStringLiteral("min-accuracy"))) {
        minAccuracy = parser.value(QStringLiteral("min-accuracy")).toDouble(&ok);
        if (!ok || minAccuracy < 0.0 || minAccuracy > 1.0)
            return usageError(parser, QStringLiteral("--min-accuracy must be a number from 0 to 1, not \"%1\"")
                                          .arg(parser.value(QStringLiteral("min-accuracy"))));
    }
    const bool evaluating = parser.isSet(QStringLiteral("eval"));
    const QStringList words = parser.positionalArguments();
    if (evaluating && !words.isEmpty())
        return usageError(parser, QStringLiteral("give either --eval FILE or a text, not both"));
    if (!evaluating && words.isEmpty())
        return usageError(parser, QStringLiteral("give the text to classify (or \"-\" for stdin, or --eval FILE)"));
    if (!evaluating && (parser.isSet(QStringLiteral("misses")) || minAccuracy >= 0.0))
        return usageError(parser, QStringLiteral("--misses and --min-accuracy apply to --eval only"));

    QString error;
    std::unique_ptr<LexiconEmotionClassifier> classifier;
    if (parser.isSet(QStringLiteral("lexicon"))) {
        auto lexicon = EmotionLexicon::fromFile(parser.value(QStringLiteral("lexicon")), &error);
        if (!lexicon) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 1;
        }
        classifier = std::make_unique<LexiconEmotionClassifier>(std::move(*lexicon));
    } else {
        classifier = std::make_unique<LexiconEmotionClassifier>();
    }

    if (evaluating) {
        const auto set = EmotionEvalSet::fromFile(parser.value(QStringLiteral("eval")), &error);
        if (!set) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 1;
        }
        const EmotionEvalReport report = set->evaluate(*classifier);
        print(report.format(6, misses));
        if (minAccuracy >= 0.0 && report.accuracy() < minAccuracy) {
            std::fprintf(stderr, "error: accuracy %.1f %% is below --min-accuracy %.1f %%\n", 100.0 * report.accuracy(),
                         100.0 * minAccuracy);
            return 1;
        }
        return 0;
    }

    QString text;
    if (words == QStringList{QStringLiteral("-")}) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            std::fprintf(stderr, "error: cannot read stdin: %s\n", qPrintable(in.errorString()));
            return 1;
        }
        text = QString::fromUtf8(in.readAll());
    } else {
        text = words.join(u' ');
    }
    QStringList trace;
    const EmotionVector evidence = classifier->evidence(text, parser.isSet(QStringLiteral("explain")) ? &trace : nullptr);
    const QList<EmotionScore> scores = classifier->scores(evidence);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (qsizetype i = 0; i < top; ++i)
            list.append(QJsonObject{{QStringLiteral("label"), scores.at(i).label},
                                    {QStringLiteral("score"), scores.at(i).score}});
        print(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("classification"), list}})
                                    .toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    } else {
        for (qsizetype i = 0; i < top; ++i)
            print(QStringLiteral("%1 %2\n").arg(scores.at(i).label.leftJustified(15)).arg(scores.at(i).score, 0, 'f', 3));
    }
    if (parser.isSet(QStringLiteral("explain"))) {
        print(QStringLiteral("\nwhy:\n"));
        for (const QString &line : std::as_const(trace))
            print(QStringLiteral("  %1\n").arg(line));
        if (trace.isEmpty())
            print(QStringLiteral("  no cue or rule fired: neutral keeps its base\n"));
    }
    return 0;
}

} // namespace ths
