// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyword_classifier.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace ths::test {

QStringList KeywordClassifier::goEmotions()
{
    return {QStringLiteral("admiration"), QStringLiteral("amusement"), QStringLiteral("anger"), QStringLiteral("annoyance"),
            QStringLiteral("approval"), QStringLiteral("caring"), QStringLiteral("confusion"), QStringLiteral("curiosity"),
            QStringLiteral("desire"), QStringLiteral("disappointment"), QStringLiteral("disapproval"), QStringLiteral("disgust"),
            QStringLiteral("embarrassment"), QStringLiteral("excitement"), QStringLiteral("fear"), QStringLiteral("gratitude"),
            QStringLiteral("grief"), QStringLiteral("joy"), QStringLiteral("love"), QStringLiteral("nervousness"),
            QStringLiteral("neutral"), QStringLiteral("optimism"), QStringLiteral("pride"), QStringLiteral("realization"),
            QStringLiteral("relief"), QStringLiteral("remorse"), QStringLiteral("sadness"), QStringLiteral("surprise")};
}

QList<EmotionScore> KeywordClassifier::classify(const QString &text) const
{
    static const QHash<QString, QString> keywords = {
        {QStringLiteral("happy"), QStringLiteral("joy")},       {QStringLiteral("glad"), QStringLiteral("joy")},
        {QStringLiteral("angry"), QStringLiteral("anger")},     {QStringLiteral("furious"), QStringLiteral("anger")},
        {QStringLiteral("why"), QStringLiteral("curiosity")},   {QStringLiteral("wonder"), QStringLiteral("curiosity")},
        {QStringLiteral("sad"), QStringLiteral("sadness")},
    };
    const QStringList labels = goEmotions();
    QList<double> evidence(labels.size(), 0.0);
    evidence[labels.indexOf(QStringLiteral("neutral"))] = 1.0;
    for (const QString &word : text.toLower().split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts))
        if (const auto it = keywords.find(word); it != keywords.end())
            evidence[labels.indexOf(*it)] += 2.0;
    double sum = 0;
    for (const double e : evidence)
        sum += e + 0.01;
    QList<EmotionScore> scores;
    for (qsizetype i = 0; i < labels.size(); ++i)
        scores.append({labels[i], (evidence[i] + 0.01) / sum});
    std::stable_sort(scores.begin(), scores.end(), [](const EmotionScore &a, const EmotionScore &b) { return a.score > b.score; });
    return scores;
}

} // namespace ths::test
