// SPDX-License-Identifier: GPL-3.0-or-later
// The .pt reader: real and generated files load exactly; malformed files (truncated, mutated, legacy, not a zip)
// give a clean EngineError naming the file — never a crash. The fuzz cases run in-process, so a crash fails the test.

#include "tha3/engine_error.h"
#include "tha3/state_dict_reader.h"

#include <ATen/ATen.h>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace ths;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString fixture(const QString &name)
{
    return QStringLiteral(THS_TEST_DATA_DIR "/state_dicts/") + name;
}

// Parses; returns "ok" or the error message. Any other exception type fails the test.
QString tryParse(const QByteArray &bytes)
{
    try {
        readStateDict(bytes.toStdString(), "fuzz.pt");
        return QStringLiteral("ok");
    } catch (const EngineError &e) {
        return QString::fromUtf8(e.what());
    }
}

} // namespace

class TestStateDictReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsGeneratedFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("OrderedDict with _metadata, via a file object") << QStringLiteral("small.bin");
        QTest::newRow("plain dict, saved to a path") << QStringLiteral("small_plain.bin");
    }
    void readsGeneratedFiles()
    {
        QFETCH(QString, file);
        const NamedTensors tensors = readStateDictFile(fixture(file).toStdString());
        QFile expected(fixture(QStringLiteral("expected.txt")));
        QVERIFY(expected.open(QIODevice::ReadOnly | QIODevice::Text));
        size_t i = 0;
        while (!expected.atEnd()) {
            const QStringList fields = QString::fromUtf8(expected.readLine()).trimmed().split(QLatin1Char(' '));
            QVERIFY(i < tensors.size());
            const auto &[key, tensor] = tensors[i++];
            QCOMPARE(QString::fromStdString(key), fields[0]);
            QCOMPARE(QString::fromLatin1(c10::toString(tensor.scalar_type())), fields[1] == QLatin1String("float16") ? QStringLiteral("Half") : QStringLiteral("Float"));
            QString shape = QStringLiteral("[");
            for (int64_t d = 0; d < tensor.dim(); ++d)
                shape += (d ? QStringLiteral(",") : QString()) + QString::number(tensor.size(d));
            QCOMPARE(shape + QStringLiteral("]"), fields[2]);
            QVERIFY(tensor.is_contiguous());
            const at::Tensor flat = tensor.to(at::kFloat).flatten();
            QCOMPARE(flat.numel(), int64_t(fields.size() - 3));
            for (int64_t k = 0; k < flat.numel(); ++k)
                QCOMPARE(flat[k].item<float>(), fields[3 + k].toFloat());
        }
        QCOMPARE(i, tensors.size());
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("the file is empty");
        QTest::newRow("text") << QByteArray("hello, world") << QStringLiteral("not a PyTorch weight file");
        QTest::newRow("legacy") << readAll(fixture(QStringLiteral("legacy.bin"))) << QStringLiteral("legacy (pre-1.6, non-zip)");
        QTest::newRow("zip header only") << readAll(fixture(QStringLiteral("small.bin"))).left(40) << QStringLiteral("corrupt archive");
    }
    void rejectsBadFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString message = tryParse(bytes);
        QVERIFY2(message.startsWith(QStringLiteral("fuzz.pt: ")) && message.contains(expected), qPrintable(message));
    }

    void missingFileNamesThePath()
    {
        try {
            readStateDictFile((QStringLiteral("/nonexistent/editor.pt")).toStdString());
            QFAIL("no error");
        } catch (const EngineError &e) {
            QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("/nonexistent/editor.pt: file not found"));
        }
    }

    // Every proper prefix of a valid file is an error.
    void everyTruncationFails()
    {
        const QByteArray file = readAll(fixture(QStringLiteral("small.bin")));
        QVERIFY(!file.isEmpty());
        for (qsizetype n = 0; n < file.size(); ++n) {
            const QString message = tryParse(file.left(n));
            QVERIFY2(message != QLatin1String("ok"), qPrintable(QStringLiteral("prefix of %1 bytes parsed").arg(n)));
        }
    }

    // ≥ 10 000 mutated files: byte flips, random bytes, deletions, insertions, duplicated ranges.
    void fuzzMutations()
    {
        const QByteArray small = readAll(fixture(QStringLiteral("small.bin")));
        const QByteArray plain = readAll(fixture(QStringLiteral("small_plain.bin")));
        QVERIFY(!small.isEmpty() && !plain.isEmpty());
        QRandomGenerator rng(20261123);
        int parsed = 0, rejected = 0;
        for (int i = 0; i < 12000; ++i) {
            QByteArray b = (i % 2) ? small : plain;
            const int edits = 1 + int(rng.bounded(4));
            for (int e = 0; e < edits && !b.isEmpty(); ++e) {
                const qsizetype pos = rng.bounded(int(b.size()));
                switch (rng.bounded(6)) {
                case 0: b[pos] = char(b[pos] ^ (1 << rng.bounded(8))); break;
                case 1: b[pos] = char(rng.bounded(256)); break;
                case 2: b.remove(pos, 1 + rng.bounded(16)); break;
                case 3: b.insert(pos, QByteArray(1 + rng.bounded(16), char(rng.bounded(256)))); break;
                case 4: b.insert(pos, b.mid(rng.bounded(int(b.size())), 1 + rng.bounded(64))); break;
                case 5: { // large little-endian integers, where sizes and offsets live
                    const quint32 v = rng.bounded(2) ? 0xffffffffu : rng.generate();
                    for (int k = 0; k < 4 && pos + k < b.size(); ++k)
                        b[pos + k] = char((v >> (8 * k)) & 0xff);
                    break;
                }
                }
            }
            const QString message = tryParse(b);
            if (message == QLatin1String("ok"))
                ++parsed;
            else
                ++rejected;
        }
        qInfo("fuzz: %d mutated files parsed, %d rejected with a clean error", parsed, rejected);
        QVERIFY(rejected > 6000);
    }

    // The real THA3 weights (installed by the set-up script): every file loads with the expected tensor count, and
    // mutations of the real editor.pt's pickle and directory regions fail cleanly.
    void realWeights()
    {
        const QDir dir(QStringLiteral(THS_MODELS_DIR "/separable_float"));
        if (!dir.exists(QStringLiteral("editor.pt")))
            QSKIP("real weights not installed (run scripts/test, which installs them)");
        const QList<QPair<QString, int>> expected{{QStringLiteral("eyebrow_decomposer"), 80},
                                                  {QStringLiteral("eyebrow_morphing_combiner"), 79},
                                                  {QStringLiteral("face_morpher"), 81},
                                                  {QStringLiteral("two_algo_face_body_rotator"), 79},
                                                  {QStringLiteral("editor"), 81}};
        for (const auto &[name, count] : expected) {
            const NamedTensors t = readStateDictFile((dir.filePath(name + QStringLiteral(".pt"))).toStdString());
            QCOMPARE(int(t.size()), count);
            for (const auto &[key, tensor] : t)
                QCOMPARE(tensor.scalar_type(), at::kFloat);
        }
        const NamedTensors editor = readStateDictFile((dir.filePath(QStringLiteral("editor.pt"))).toStdString());
        QCOMPARE(editor.front().first, std::string("body.downsample_blocks.0.0.weight"));
        QCOMPARE(editor.back().first, std::string("grid_change_creator.weight"));
        QCOMPARE(editor.front().second.mean().item<float>(), 0.0604069f);

        const QByteArray real = readAll(dir.filePath(QStringLiteral("editor.pt")));
        QRandomGenerator rng(7);
        const int head = 20000; // zip local header + data.pkl
        for (int i = 0; i < 300; ++i) {
            QByteArray b = real;
            const bool tail = i % 2;
            const qsizetype pos = tail ? b.size() - 1 - rng.bounded(12000) : rng.bounded(head);
            b[pos] = char(rng.bounded(256));
            tryParse(b); // a result or a clean error; a crash fails the test
        }
    }
};

QTEST_GUILESS_MAIN(TestStateDictReader)
#include "test_state_dict_reader.moc"
