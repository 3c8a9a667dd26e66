// SPDX-License-Identifier: GPL-3.0-or-later
// The multipart/form-data parser on bodies as real clients send them (captured from curl and Python requests,
// built byte for byte like Chrome's and Firefox's FormData) and on every error path, each with its exact message.

#include "api/multipart_parser.h"

#include <QFile>
#include <QTest>

#include "captured_request.h"

using ths::MultipartParser;

namespace {

using ths::test::readCaptured;
using ths::test::readData;
using Captured = ths::test::CapturedRequest;

// The layout Chrome, Firefox and therefore SillyTavern's FormData upload use.
QByteArray browserBody(const QByteArray &boundary, const QByteArray &png)
{
    return "--" + boundary + "\r\n"
           "Content-Disposition: form-data; name=\"file\"; filename=\"talkinghead.png\"\r\n"
           "Content-Type: image/png\r\n\r\n"
           + png + "\r\n--" + boundary + "--\r\n";
}

} // namespace

class TestMultipartParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curlForm()
    {
        const Captured c = readCaptured(QStringLiteral("curl_form.http"));
        QString error;
        const auto form = MultipartParser::parse(c.body, c.contentType, &error);
        QVERIFY2(form, qPrintable(error));
        QCOMPARE(form->parts.size(), 4);
        const auto *file = form->find(u"file");
        QVERIFY(file);
        QVERIFY(file->hasFileName);
        QCOMPARE(file->fileName, QStringLiteral("face.png"));
        QCOMPARE(file->contentType, QByteArray("image/png"));
        QCOMPARE(file->data, readData(QStringLiteral("face.png")));
        QCOMPARE(form->find(u"comment")->data, QByteArray("hello world"));
        QVERIFY(!form->find(u"comment")->hasFileName);
        QCOMPARE(form->find(u"empty")->data, QByteArray());
        QCOMPARE(form->find(u"second")->fileName, QString::fromUtf8("my face ü.png"));
        QCOMPARE(form->find(u"second")->data, readData(QStringLiteral("face.png")));
        QVERIFY(!form->find(u"missing"));
    }

    void requestsForm()
    {
        const Captured c = readCaptured(QStringLiteral("requests_form.http"));
        QString error;
        const auto form = MultipartParser::parse(c.body, c.contentType, &error);
        QVERIFY2(form, qPrintable(error));
        QCOMPARE(form->parts.size(), 2);
        QCOMPARE(form->parts[0].name, QStringLiteral("mode")); // requests puts data fields first
        QCOMPARE(form->parts[0].data, QByteArray("live"));
        QCOMPARE(form->parts[0].contentType, QByteArray());
        QCOMPARE(form->find(u"file")->fileName, QStringLiteral("talkinghead.png"));
        QCOMPARE(form->find(u"file")->data, readData(QStringLiteral("face.png")));
    }

    void browserFormWithPreambleAndEpilogue()
    {
        const QByteArray png = readData(QStringLiteral("face.png"));
        const QByteArray boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
        const QByteArray type = "multipart/form-data; boundary=" + boundary;
        for (const QByteArray &body : {browserBody(boundary, png),
                                       "ignored preamble\r\n" + browserBody(boundary, png) + "ignored epilogue"}) {
            QString error;
            const auto form = MultipartParser::parse(body, type, &error);
            QVERIFY2(form, qPrintable(error));
            QCOMPARE(form->parts.size(), 1);
            QCOMPARE(form->parts[0].name, QStringLiteral("file"));
            QCOMPARE(form->parts[0].fileName, QStringLiteral("talkinghead.png"));
            QCOMPARE(form->parts[0].data, png);
        }
    }

    void headerSyntax_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("disposition");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("fileName");

        QTest::newRow("quoted boundary with space (RFC 2046 example)")
            << QByteArray("multipart/form-data; boundary=\"simple boundary\"")
            << QByteArray("form-data; name=\"a\"") << "a" << QString();
        QTest::newRow("upper-case type and parameter names")
            << QByteArray("Multipart/Form-Data; BOUNDARY=simple boundary")
            << QByteArray("FORM-DATA; NAME=\"a\"") << "a" << QString();
        QTest::newRow("escaped quotes in file name")
            << QByteArray("multipart/form-data; boundary=simple boundary")
            << QByteArray(R"(form-data; name="file"; filename="say \"hi\".png")") << "file" << "say \"hi\".png";
        QTest::newRow("escaped backslash, semicolon inside quotes")
            << QByteArray("multipart/form-data; boundary=simple boundary")
            << QByteArray(R"(form-data; name="f;x"; filename="a\\b.png")") << "f;x" << "a\\b.png";
        QTest::newRow("unquoted parameters, extra spaces, trailing semicolon")
            << QByteArray("multipart/form-data ;boundary=simple boundary ;charset=utf-8")
            << QByteArray("form-data ;  name=file ; filename=x.png;") << "file" << "x.png";
        QTest::newRow("percent escape kept as sent")
            << QByteArray("multipart/form-data; boundary=simple boundary")
            << QByteArray("form-data; name=\"file\"; filename=\"%22a%22.png\"") << "file" << "%22a%22.png";
    }
    void headerSyntax()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, disposition);
        QFETCH(QString, name);
        QFETCH(QString, fileName);
        const QByteArray body = "--simple boundary\r\nContent-Disposition: " + disposition
                                + "\r\n\r\ndata\r\n--simple boundary--";
        QString error;
        const auto form = MultipartParser::parse(body, contentType, &error);
        QVERIFY2(form, qPrintable(error));
        QCOMPARE(form->parts.size(), 1);
        QCOMPARE(form->parts[0].name, name);
        QCOMPARE(form->parts[0].fileName, fileName);
        QCOMPARE(form->parts[0].hasFileName, !fileName.isNull());
        QCOMPARE(form->parts[0].data, QByteArray("data"));
    }

    void dataThatLooksLikeABoundaryIsKept()
    {
        // "--XY" and "--X" followed by text are not boundary lines of boundary "X".
        const QByteArray data = "line\r\n--XY\r\n--X but not a delimiter\r\n--\r\nend\r\n";
        const QByteArray body = "--X\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n" + data + "\r\n--X--\r\n";
        QString error;
        const auto form = MultipartParser::parse(body, "multipart/form-data; boundary=X", &error);
        QVERIFY2(form, qPrintable(error));
        QCOMPARE(form->parts.size(), 1);
        QCOMPARE(form->parts[0].data, data);
    }

    void emptyPartsAndEmptyForm()
    {
        const QByteArray body = "--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                                "Content-Type: application/octet-stream\r\n\r\n\r\n"
                                "--X\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n\r\n--X--";
        QString error;
        auto form = MultipartParser::parse(body, "multipart/form-data; boundary=X", &error);
        QVERIFY2(form, qPrintable(error));
        QCOMPARE(form->parts.size(), 2);
        QVERIFY(form->parts[0].hasFileName);
        QCOMPARE(form->parts[0].fileName, QString());
        QCOMPARE(form->parts[0].data, QByteArray());
        QCOMPARE(form->parts[1].name, QString());

        // A FormData with no entries: just the closing boundary.
        form = MultipartParser::parse("--X--\r\n", "multipart/form-data; boundary=X", &error);
        QVERIFY(form);
        QCOMPARE(form->parts.size(), 0);
    }

    void limitsAreInclusive()
    {
        QByteArray body;
        for (int i = 0; i < 3; ++i)
            body += "--X\r\nContent-Disposition: form-data; name=\"p" + QByteArray::number(i) + "\"\r\n\r\nv\r\n";
        body += "--X--";
        MultipartParser::Limits limits;
        limits.maxParts = 3;
        limits.maxHeaderBytes = int(QByteArray("Content-Disposition: form-data; name=\"p0\"").size());
        QString error;
        const auto form = MultipartParser::parse(body, "multipart/form-data; boundary=X", &error, limits);
        QVERIFY2(form, qPrintable(error));
        QCOMPARE(form->parts.size(), 3);
        limits.maxParts = 2;
        QVERIFY(!MultipartParser::parse(body, "multipart/form-data; boundary=X", &error, limits));
        QCOMPARE(error, QStringLiteral("multipart: more than 2 parts"));
        limits.maxParts = 3;
        limits.maxHeaderBytes -= 1;
        QVERIFY(!MultipartParser::parse(body, "multipart/form-data; boundary=X", &error, limits));
        QCOMPARE(error, QStringLiteral("multipart: part 1's headers exceed 40 bytes"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");

        const QByteArray ok = "multipart/form-data; boundary=X";
        const QByteArray cd = "Content-Disposition: form-data; name=\"a\"\r\n";
        const QByteArray part = "--X\r\n" + cd + "\r\nv\r\n";

        // The Content-Type header.
        QTest::newRow("not multipart") << QByteArray("application/json") << part
                                       << "multipart: Content-Type is \"application/json\", expected multipart/form-data";
        QTest::newRow("multipart/mixed") << QByteArray("multipart/mixed; boundary=X") << part
                                         << "multipart: Content-Type is \"multipart/mixed\", expected multipart/form-data";
        QTest::newRow("empty header") << QByteArray() << part
                                      << "multipart: Content-Type is \"\", expected multipart/form-data";
        QTest::newRow("no boundary") << QByteArray("multipart/form-data") << part
                                     << "multipart: Content-Type has no boundary parameter";
        QTest::newRow("empty boundary") << QByteArray("multipart/form-data; boundary=") << part
                                        << "multipart: the boundary is empty";
        QTest::newRow("empty quoted boundary") << QByteArray("multipart/form-data; boundary=\"\"") << part
                                               << "multipart: the boundary is empty";
        QTest::newRow("boundary of 71") << "multipart/form-data; boundary=" + QByteArray(71, 'b') << part
                                        << "multipart: the boundary has 71 characters, at most 70 are allowed";
        QTest::newRow("boundary with a quote")
            << QByteArray("multipart/form-data; boundary=\"a\\\"b\"") << part
            << "multipart: the boundary contains \"\"\", which RFC 2046 does not allow";
        QTest::newRow("boundary ending in space") << QByteArray("multipart/form-data; boundary=\"ab \"") << part
                                                  << "multipart: the boundary contains \" \", which RFC 2046 does not allow";
        QTest::newRow("unterminated quoted boundary") << QByteArray("multipart/form-data; boundary=\"X") << part
                                                      << "multipart: Content-Type: parameter \"boundary\" has an unterminated quoted string";
        QTest::newRow("parameter without value") << QByteArray("multipart/form-data; charset; boundary=X") << part
                                                 << "multipart: Content-Type: parameter \"charset\" has no value";
        QTest::newRow("boundary twice") << QByteArray("multipart/form-data; boundary=X; boundary=Y") << part
                                        << "multipart: Content-Type: parameter \"boundary\" is given twice";

        // The body's structure.
        QTest::newRow("empty body") << ok << QByteArray() << "multipart: the body contains no boundary line \"--X\"";
        QTest::newRow("other boundary") << ok << QByteArray("--Y\r\n" + cd + "\r\nv\r\n--Y--")
                                        << "multipart: the body contains no boundary line \"--X\"";
        QTest::newRow("ends after boundary line") << ok << QByteArray("--X")
                                                  << "multipart: the body ends after a boundary line without the closing \"--X\"--";
        QTest::newRow("bare LF after boundary") << ok << QByteArray("--X\n" + cd + "\r\nv\r\n--X--")
                                                << "multipart: boundary line 1 is not followed by CRLF (bare LF line breaks are not accepted)";
        QTest::newRow("bare LF after second boundary") << ok << QByteArray(part + "--X\n" + cd + "\r\nv\r\n--X--")
                                                       << "multipart: boundary line 2 is not followed by CRLF (bare LF line breaks are not accepted)";
        QTest::newRow("no closing boundary") << ok << part
                                             << "multipart: part 1 is not ended by a boundary line (body truncated?)";
        QTest::newRow("truncated in headers") << ok << QByteArray("--X\r\nContent-Disposition: form-da")
                                              << "multipart: part 1's headers are not ended by an empty line (body truncated?)";
        QTest::newRow("headers over the limit") << ok << "--X\r\nX-Long: " + QByteArray(9000, 'a') + "\r\n\r\nv\r\n--X--"
                                                << "multipart: part 1's headers exceed 8192 bytes";
        QTest::newRow("unterminated long headers") << ok << "--X\r\nX-Long: " + QByteArray(9000, 'a')
                                                   << "multipart: part 1's headers exceed 8192 bytes";
        QTest::newRow("too many parts") << ok << part.repeated(65) + "--X--" << "multipart: more than 64 parts";

        // A part's headers.
        QTest::newRow("second part without Content-Disposition")
            << ok << QByteArray(part + "--X\r\nContent-Type: text/plain\r\n\r\nv\r\n--X--")
            << "multipart: part 2 has no Content-Disposition header";
        QTest::newRow("part without headers") << ok << QByteArray("--X\r\n\r\nv\r\n--X--")
                                              << "multipart: part 1 has no Content-Disposition header";
        QTest::newRow("header without colon") << ok << QByteArray("--X\r\n" + cd + "garbage\r\n\r\nv\r\n--X--")
                                              << "multipart: part 1 has a malformed header line \"garbage\"";
        QTest::newRow("header with bare LF") << ok << QByteArray("--X\r\n" + cd + "A: b\nC: d\r\n\r\nv\r\n--X--")
                                             << "multipart: part 1 has a malformed header line \"A: b\\x0aC: d\"";
        QTest::newRow("header with empty name") << ok << QByteArray("--X\r\n: v\r\n" + cd + "\r\nv\r\n--X--")
                                                << "multipart: part 1 has a malformed header line \": v\"";
        QTest::newRow("two dispositions") << ok << QByteArray("--X\r\n" + cd + cd + "\r\nv\r\n--X--")
                                          << "multipart: part 1 has two Content-Disposition headers";
        QTest::newRow("attachment") << ok << QByteArray("--X\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--X--")
                                    << "multipart: part 1's Content-Disposition is \"attachment\", expected form-data";
        QTest::newRow("no name") << ok << QByteArray("--X\r\nContent-Disposition: form-data; filename=\"a.png\"\r\n\r\nv\r\n--X--")
                                 << "multipart: part 1's Content-Disposition has no name parameter";
        QTest::newRow("name twice") << ok << QByteArray("--X\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nv\r\n--X--")
                                    << "multipart: part 1's Content-Disposition: parameter \"name\" is given twice";
        QTest::newRow("unterminated file name")
            << ok << QByteArray("--X\r\nContent-Disposition: form-data; name=a; filename=\"x.png\r\n\r\nv\r\n--X--")
            << "multipart: part 1's Content-Disposition: parameter \"filename\" has an unterminated quoted string";
        QTest::newRow("text after closing quote")
            << ok << QByteArray("--X\r\nContent-Disposition: form-data; name=\"a\"b\r\n\r\nv\r\n--X--")
            << "multipart: part 1's Content-Disposition: parameter \"name\" has text after its closing quote";
        QTest::newRow("control bytes are escaped in messages")
            << ok << QByteArray("--X\r\n" + cd + QByteArray("\x01\x7f", 2) + "\r\n\r\nv\r\n--X--")
            << "multipart: part 1 has a malformed header line \"\\x01\\x7f\"";
    }
    void errors()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!MultipartParser::parse(body, contentType, &actual));
        QCOMPARE(actual, error);
    }

    void boundaryAlone()
    {
        QCOMPARE(MultipartParser::boundary("multipart/form-data; boundary=\"" + QByteArray(70, 'b') + "\""),
                 std::optional<QByteArray>(QByteArray(70, 'b')));
        QVERIFY(!MultipartParser::boundary("text/plain; boundary=x"));
    }
};

QTEST_GUILESS_MAIN(TestMultipartParser)
#include "test_multipart_parser.moc"
