// SPDX-License-Identifier: GPL-3.0-or-later
#include "classify/emotion_eval_set.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <numeric>

namespace ths {

std::optional<EmotionEvalSet> EmotionEvalSet::fromJsonLines(const QByteArray &data, const QString &source,
                                                            QString *error)
{
    const auto fail = [&](int line, const QString &message) {
        if (error)
            *error = QStringLiteral("%1:%2: %3").arg(source).arg(line).arg(message);
        return std::nullopt;
    };
    EmotionEvalSet set;
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i + 1);
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(lineNumber, QStringLiteral("invalid JSON at column %1: %2")
                                        .arg(parseError.offset + 1).arg(parseError.errorString()));
        if (!doc.isObject())
            return fail(lineNumber, QStringLiteral("expected an object {\"text\": …, \"label\": …}"));
        const QJsonObject obj = doc.object();
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (it.key() != u"text" && it.key() != u"label" && it.key() != u"note")
                return fail(lineNumber, QStringLiteral("unknown key \"%1\" (expected text, label, note)").arg(it.key()));
        if (!obj.value(u"text").isString() || obj.value(u"text").toString().trimmed().isEmpty())
            return fail(lineNumber, QStringLiteral("\"text\" must be a non-empty string"));
        if (!obj.value(u"label").isString())
            return fail(lineNumber, QStringLiteral("\"label\" must be a string"));
        const QString label = obj.value(u"label").toString();
        const int index = EmotionClassifier::labelIndex(label);
        if (index < 0)
            return fail(lineNumber, QStringLiteral("\"label\": \"%1\" is not one of the 28 emotion labels").arg(label));
        set.m_items.append({obj.value(u"text").toString(), index, lineNumber});
    }
    if (set.m_items.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: no labelled texts in the file").arg(source);
        return std::nullopt;
    }
    return set;
}

std::optional<EmotionEvalSet> EmotionEvalSet::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJsonLines(file.readAll(), path, error);
}

EmotionEvalReport EmotionEvalSet::evaluate(const EmotionClassifier &classifier) const
{
    EmotionEvalReport report;
    for (const LabelledText &item : m_items) {
        const QList<EmotionScore> scores = classifier.classify(item.text);
        const int predicted = scores.isEmpty() ? -1 : EmotionClassifier::labelIndex(scores.first().label);
        ++report.total;
        ++report.perLabelTotal[size_t(item.label)];
        if (predicted >= 0)
            ++report.confusion[size_t(item.label)][size_t(predicted)];
        if (predicted == item.label) {
            ++report.correct;
            ++report.perLabelCorrect[size_t(item.label)];
        } else {
            report.misses.append({item, predicted, scores.isEmpty() ? 0.0 : scores.first().score});
        }
        for (qsizetype k = 0; k < std::min<qsizetype>(3, scores.size()); ++k)
            if (EmotionClassifier::labelIndex(scores.at(k).label) == item.label)
                ++report.correctTop3;
    }
    return report;
}

QString EmotionEvalReport::format(int worstLabels, int maxMisses) const
{
    const QStringList labels = EmotionClassifier::labels();
    const auto name = [&](int i) { return i >= 0 ? labels.at(i) : QStringLiteral("(none)"); };
    QString out = QStringLiteral("top-1 accuracy %1/%2 = %3 %, top-3 %4 %\n")
                      .arg(correct).arg(total).arg(100.0 * accuracy(), 0, 'f', 1)
                      .arg(100.0 * top3Accuracy(), 0, 'f', 1);

    std::array<int, EmotionClassifier::kLabelCount> order;
    std::iota(order.begin(), order.end(), 0);
    const auto recall = [&](int i) { return perLabelTotal[i] ? double(perLabelCorrect[i]) / perLabelTotal[i] : 1.0; };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return recall(a) < recall(b); });
    out += QStringLiteral("worst labels (recall, and what they were taken for):\n");
    for (int k = 0, shown = 0; k < int(order.size()) && shown < worstLabels; ++k) {
        const int i = order[size_t(k)];
        if (perLabelTotal[i] == 0)
            continue;
        ++shown;
        QStringList mistakes;
        std::array<int, EmotionClassifier::kLabelCount> by;
        std::iota(by.begin(), by.end(), 0);
        std::stable_sort(by.begin(), by.end(), [&](int a, int b) { return confusion[i][a] > confusion[i][b]; });
        for (int j : by)
            if (j != i && confusion[i][j] > 0)
                mistakes << QStringLiteral("%1 ×%2").arg(labels.at(j)).arg(confusion[i][j]);
        out += QStringLiteral("  %1 %2/%3  %4\n")
                   .arg(labels.at(i).leftJustified(15)).arg(perLabelCorrect[i]).arg(perLabelTotal[i])
                   .arg(mistakes.isEmpty() ? QStringLiteral("-") : QStringLiteral("→ ") + mistakes.join(u", "));
    }
    for (qsizetype k = 0; k < std::min<qsizetype>(maxMisses, misses.size()); ++k) {
        const Miss &m = misses.at(k);
        if (k == 0)
            out += QStringLiteral("misses (line: expected → predicted score):\n");
        out += QStringLiteral("  %1: %2 → %3 %4  %5\n")
                   .arg(m.item.line).arg(labels.at(m.item.label)).arg(name(m.predicted))
                   .arg(m.score, 0, 'f', 2).arg(m.item.text);
    }
    return out;
}

} // namespace ths
