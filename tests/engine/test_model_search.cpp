// SPDX-License-Identifier: GPL-3.0-or-later
// findModelsDir: each variant is looked up on its own along the search path, and only a folder holding all five
// weight files of the variant counts (the files here are empty: the search looks for files, the loader reads them).
#include "engine/model_search.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ths;

class TestModelSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;

    QString folder(const QString &name) { return QDir(m_root.path()).filePath(name); }

    // Writes the variant's five (empty) weight files into folder/<variant>/, or all but `skip`.
    void addVariant(const QString &dir, ModelVariant variant, const QString &skip = {})
    {
        const QDir variantDir(QDir(dir).filePath(variantName(variant)));
        QVERIFY(QDir().mkpath(variantDir.path()));
        for (const QString &missing : Poser::missingWeightFiles(dir, variant)) {
            if (!skip.isEmpty() && missing.endsWith(skip))
                continue;
            QFile file(missing);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
    }

private Q_SLOTS:
    void eachVariantFromTheFirstFolderHoldingIt()
    {
        const QString user = folder(QStringLiteral("user"));
        const QString bundled = folder(QStringLiteral("bundled"));
        addVariant(user, ModelVariant::StandardFloat);
        addVariant(bundled, ModelVariant::SeparableFloat);
        addVariant(bundled, ModelVariant::StandardFloat);
        const QStringList path{user, bundled};
        QCOMPARE(findModelsDir(path, ModelVariant::SeparableFloat), bundled);
        QCOMPARE(findModelsDir(path, ModelVariant::StandardFloat), user); // the user's own copy comes first
    }

    void anIncompleteVariantDoesNotCount()
    {
        const QString partial = folder(QStringLiteral("partial"));
        const QString complete = folder(QStringLiteral("complete"));
        addVariant(partial, ModelVariant::SeparableHalf, QStringLiteral("editor.pt"));
        addVariant(complete, ModelVariant::SeparableHalf);
        QCOMPARE(findModelsDir({partial, complete}, ModelVariant::SeparableHalf), complete);
    }

    void nowhereMeansTheFirstFolder()
    {
        // Where the files should go: missing-file reports name the first folder of the path.
        const QStringList path{folder(QStringLiteral("first")), folder(QStringLiteral("second"))};
        QCOMPARE(findModelsDir(path, ModelVariant::StandardHalf), path.first());
        QCOMPARE(findModelsDir({}, ModelVariant::StandardHalf), QString());
    }
};

QTEST_GUILESS_MAIN(TestModelSearch)
#include "test_model_search.moc"
