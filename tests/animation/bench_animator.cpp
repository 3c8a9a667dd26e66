// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (figures only, no assertions on speed): the cost of one animator frame with every driver active, and
// of validating a full client template body (28 emotions × 45 parameters).

#include "animation/animator.h"
#include "animation/manual_clock.h"

#include <QJsonObject>
#include <QTest>

using namespace ths;

class BenchAnimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frame()
    {
        auto clock = std::make_shared<ManualClock>();
        Animator animator(clock, 1);
        animator.setEmotion("curiosity");
        animator.startTalking();
        QBENCHMARK {
            clock->advance(0.04);
            animator.nextFrame();
        }
    }

    void frameWithMouthSource()
    {
        auto clock = std::make_shared<ManualClock>();
        Animator animator(clock, 1);
        animator.setMouthSource([](double now) { return std::optional<MouthShape>(MouthShape{.aaa = float(now)}); });
        QBENCHMARK {
            clock->advance(0.04);
            animator.nextFrame();
        }
    }

    void loadFullClientTemplates()
    {
        QJsonObject body;
        const auto &factory = EmotionTemplates::factory();
        for (auto it = factory.begin(); it != factory.end(); ++it)
            body.insert(it.key(), it.value().toJson());
        EmotionTemplates templates;
        QString error;
        QBENCHMARK {
            if (!templates.loadClientTemplates(body, &error))
                QFAIL(qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(BenchAnimator)
#include "bench_animator.moc"
