// SPDX-License-Identifier: GPL-3.0-or-later
// Deterministic mutation fuzzing of the multipart parser: tens of thousands of damaged bodies and headers (byte
// flips, truncation at every position of a small body and at every structural position of the real ones,
// inserted and duplicated boundaries, removed or bare line breaks, huge headers, parts and boundaries). Every
// result must be clean: a form whose parts lie inside the body, or an error message — never a crash, hang or
// out-of-bounds read. Run it under the sanitizers too, in a build directory of its own:
//   cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
//     "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
//     "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined"
//   cmake --build build-asan --target test_multipart_fuzz && ctest --test-dir build-asan -R multipart

#include "api/multipart_parser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <functional>

#include "captured_request.h"

using ths::MultipartParser;

namespace {

using ths::test::readData;
using Sample = ths::test::CapturedRequest;

Sample captured(const QString &name)
{
    return ths::test::readCaptured(name);
}

} // namespace

class TestMultipartFuzz : public QObject
{
    Q_OBJECT

    QList<Sample> m_seeds;
    int m_runs = 0;
    int m_parsed = 0;
    QHash<QString, int> m_errors; // message with digits blanked → count, to show that many paths were reached

    // Parses and checks that the outcome is clean.
    void check(const QByteArray &body, const QByteArray &contentType, MultipartParser::Limits limits = {})
    {
        ++m_runs;
        QString error;
        const auto form = MultipartParser::parse(body, contentType, &error, limits);
        if (form) {
            ++m_parsed;
            QVERIFY(form->parts.size() <= limits.maxParts);
            qsizetype total = 0;
            for (const auto &part : form->parts) {
                total += part.data.size();
                QVERIFY(part.data.size() <= body.size());
            }
            QVERIFY(total <= body.size());
        } else {
            QVERIFY2(error.startsWith(QStringLiteral("multipart: ")) && error.size() > 11, qPrintable(error));
            QString key = error;
            static const QRegularExpression variable(QStringLiteral("\\d+|\".*\""));
            key.replace(variable, QStringLiteral("#"));
            key.truncate(60);
            ++m_errors[key];
        }
    }

    // Positions where damage is most interesting: every boundary line, CRLF and quote of the body, ±2 bytes.
    static QList<qsizetype> structuralPositions(const QByteArray &body)
    {
        std::vector<bool> marked(size_t(body.size()) + 1, false);
        for (qsizetype i = 0; i < body.size(); ++i) {
            const char c = body[i];
            if (c == '\r' || c == '\n' || c == '"' || c == ';' || c == '=' || (c == '-' && i + 1 < body.size() && body[i + 1] == '-'))
                for (qsizetype at = qMax<qsizetype>(0, i - 2); at <= qMin(body.size(), i + 2); ++at)
                    marked[size_t(at)] = true;
        }
        marked.back() = true;
        QList<qsizetype> positions;
        for (size_t at = 0; at < marked.size(); ++at)
            if (marked[at])
                positions.append(qsizetype(at));
        return positions;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_seeds = {captured(QStringLiteral("curl_form.http")), captured(QStringLiteral("requests_form.http"))};
        const QByteArray png = readData(QStringLiteral("face.png"));
        const QByteArray b = "----WebKitFormBoundaryAbCdEfGh12345678";
        m_seeds.append(Sample{"multipart/form-data; boundary=" + b,
                        "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talkinghead.png\"\r\n"
                        "Content-Type: image/png\r\n\r\n" + png + "\r\n--" + b + "--\r\n"});
        m_seeds.append(Sample{"multipart/form-data; boundary=\"q b\"",
                        "pre\r\n--q b\r\nContent-Disposition: form-data; name=\"a\\\"x\"; filename=\"\"\r\n\r\n\r\n"
                        "--q b \r\nContent-Disposition: form-data; name=b\r\n\r\n--q bb\r\n--q b--epilogue"});
        for (const auto &seed : std::as_const(m_seeds)) {
            QString error;
            QVERIFY2(MultipartParser::parse(seed.body, seed.contentType, &error), qPrintable(error));
        }
    }

    void truncateEverywhere()
    {
        // Every prefix of the small seeds, and the structural prefixes of all of them.
        for (const auto &seed : std::as_const(m_seeds)) {
            if (seed.body.size() <= 1024)
                for (qsizetype n = 0; n <= seed.body.size(); ++n)
                    check(seed.body.first(n), seed.contentType);
            for (const qsizetype n : structuralPositions(seed.body)) {
                check(seed.body.first(n), seed.contentType);
                check(seed.body.mid(n), seed.contentType); // a lost beginning
            }
        }
    }

    void mutate()
    {
        QRandomGenerator rng(20241123); // fixed: failures must reproduce
        auto pick = [&](qsizetype n) { return n <= 0 ? qsizetype(0) : qsizetype(rng.bounded(quint32(n))); };
        const QList<std::function<void(QByteArray &, QByteArray &, const QByteArray &)>> mutations = {
            // flip 1–8 random bytes
            [&](QByteArray &body, QByteArray &, const QByteArray &) {
                for (int k = 1 + pick(8); k > 0 && !body.isEmpty(); --k)
                    body[pick(body.size())] = char(rng.bounded(256));
            },
            // flip a byte right at a structural position
            [&](QByteArray &body, QByteArray &, const QByteArray &) {
                const auto positions = structuralPositions(body);
                const qsizetype at = positions[pick(positions.size())];
                if (at < body.size())
                    body[at] = char(rng.bounded(256));
            },
            // insert a delimiter, a closing delimiter or a bare boundary somewhere
            [&](QByteArray &body, QByteArray &, const QByteArray &dash) {
                static const QList<QByteArray> forms = {"\r\n%\r\n", "\r\n%--", "%", "\r\n%", "%\r\n\r\n", "\n%\n"};
                QByteArray insert = forms[pick(forms.size())];
                insert.replace("%", dash);
                body.insert(pick(body.size() + 1), insert);
            },
            // duplicate a slice (repeated headers, parts, boundaries)
            [&](QByteArray &body, QByteArray &, const QByteArray &) {
                const qsizetype from = pick(body.size()), len = pick(qMin<qsizetype>(body.size() - from, 400) + 1);
                body.insert(pick(body.size() + 1), body.mid(from, len));
            },
            // remove one CRLF, or turn all CRLFs into bare LFs
            [&](QByteArray &body, QByteArray &, const QByteArray &) {
                if (rng.bounded(2)) {
                    body.replace("\r\n", "\n");
                    return;
                }
                QList<qsizetype> at;
                for (qsizetype i = body.indexOf("\r\n"); i >= 0; i = body.indexOf("\r\n", i + 1))
                    at.append(i);
                if (!at.isEmpty())
                    body.remove(at[pick(at.size())], 2);
            },
            // delete a random range
            [&](QByteArray &body, QByteArray &, const QByteArray &) {
                const qsizetype from = pick(body.size());
                body.remove(from, pick(body.size() - from + 1));
            },
            // damage the Content-Type header instead
            [&](QByteArray &, QByteArray &type, const QByteArray &) {
                switch (rng.bounded(5)) {
                case 0: type[pick(type.size())] = char(rng.bounded(256)); break;
                case 1: type.truncate(pick(type.size() + 1)); break;
                case 2: type.replace("boundary=", "boundary=\""); break;
                case 3: type += "; boundary=" + QByteArray(pick(100), 'x'); break;
                default: type.insert(pick(type.size() + 1), QByteArray(pick(4) + 1, ';')); break;
                }
            },
            // huge lengths: a giant header line, a giant part, thousands of tiny parts
            [&](QByteArray &body, QByteArray &, const QByteArray &dash) {
                switch (rng.bounded(3)) {
                case 0: body.insert(dash.size() + 2, "X-Big: " + QByteArray(20000 + pick(50000), 'h') + "\r\n"); break;
                case 1: body.insert(body.size() / 2, QByteArray(1 << 20, '\r')); break;
                default: {
                    const QByteArray part = dash + "\r\nContent-Disposition: form-data; name=p\r\n\r\n\r\n";
                    body.prepend(part.repeated(50 + pick(2000)));
                }
                }
            },
        };
        for (int i = 0; i < 12000; ++i) {
            const Sample &seed = m_seeds[pick(m_seeds.size())];
            QByteArray body = seed.body, type = seed.contentType;
            const QByteArray dash = "--" + MultipartParser::boundary(type).value_or("X");
            for (int k = 1 + pick(3); k > 0; --k)
                mutations[pick(mutations.size())](body, type, dash);
            MultipartParser::Limits limits;
            if (rng.bounded(4) == 0) {
                limits.maxParts = int(pick(5));
                limits.maxHeaderBytes = int(pick(200));
            }
            check(body, type, limits);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void cleanupTestCase()
    {
        qInfo("%d bodies: %d parsed, %d rejected with %lld distinct messages", m_runs, m_parsed, m_runs - m_parsed,
              qlonglong(m_errors.size()));
        QVERIFY(m_runs >= 10000);
        // Both outcomes and most error paths must have been reached, or the mutations are too weak to mean much.
        QVERIFY(m_parsed > 100);
        QVERIFY(m_errors.size() >= 15);
    }
};

QTEST_GUILESS_MAIN(TestMultipartFuzz)
#include "test_multipart_fuzz.moc"
