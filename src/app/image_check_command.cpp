// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/image_check_command.h"

#include "image/image_import.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPainter>
#include <QTextStream>

#include <cstdio>

namespace ths {

namespace {

int usageError(QTextStream &err, const QCommandLineParser &parser, const QString &message)
{
    err << "error: " << message << "\n\n" << parser.helpText();
    err.flush();
    return 2;
}

bool needsFixing(const ImageImportReport &report)
{
    for (const char *code : {"cropped", "resized", "hidden-colour-cleared"})
        if (report.has(QLatin1String(code)))
            return true;
    return false;
}

} // namespace

int runCheckImageCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check a character image for THA3: 512×512 with a transparent background and the head in the box\n"
        "x 192–320, y 64–192. Prints one line per issue (severity, code, message) and a summary.\n"
        "Exit status: 0 usable, 1 errors found, 2 bad usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The image to check (PNG, WebP, …)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    const QCommandLineOption fixOption(
        QStringLiteral("fix"),
        QStringLiteral("When the image is usable but was cropped, resized or had colour under transparent pixels, "
                       "write the fixed 512×512 PNG beside it as IN.fixed.png (never overwriting a file)."));
    const QCommandLineOption overlayOption(
        QStringLiteral("overlay"),
        QStringLiteral("Write the imported image with the check overlay (head box, transparent area) to OUT.png."),
        QStringLiteral("OUT.png"));
    parser.addOptions({jsonOption, fixOption, overlayOption});

    // parse(), not process(): process() would exit() on its own terms.
    if (!parser.parse(QStringList{QStringLiteral("talkinghead-studio check-image")} + args))
        return usageError(err, parser, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        out.flush();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(err, parser, QStringLiteral("no image given"));
    if (positional.size() > 1)
        return usageError(err, parser, QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1)));
    const QString overlayPath = parser.value(overlayOption);
    if (parser.isSet(overlayOption) && overlayPath.isEmpty())
        return usageError(err, parser, QStringLiteral("--overlay needs a file name"));

    const QString path = positional.first();
    const ImportedImage imported = importImageFile(path);
    const ImageImportReport &report = imported.report;
    int status = report.ok() ? 0 : 1;

    QString fixedPath;
    if (parser.isSet(fixOption)) {
        if (!report.ok()) {
            err << "not writing a fixed copy: the image has errors\n";
        } else if (needsFixing(report)) {
            QString error;
            if (const auto written = saveFixedCopy(path, imported.image, &error)) {
                fixedPath = *written;
            } else {
                err << "error: " << error << "\n";
                status = 1;
            }
        }
    }
    if (!overlayPath.isEmpty()) {
        if (imported.image.isNull()) {
            err << "not writing an overlay: nothing could be decoded\n";
        } else {
            QImage composed = imported.image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
            QPainter(&composed).drawImage(0, 0, importOverlay(imported.image));
            if (!composed.save(overlayPath, "png")) {
                err << "error: cannot write the overlay to \"" << overlayPath << "\"\n";
                status = 1;
            }
        }
    }

    if (parser.isSet(jsonOption)) {
        QJsonObject json = report.toJson();
        if (!fixedPath.isEmpty())
            json.insert(QStringLiteral("fixedCopy"), fixedPath);
        out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        for (const ImageIssue &issue : report.issues()) {
            out << severityName(issue.severity).leftJustified(8) << ' ' << issue.code.leftJustified(22) << ' '
                << issue.message << '\n';
        }
        if (!fixedPath.isEmpty())
            out << "fixed copy written to " << fixedPath << '\n';
        out << QFileInfo(path).fileName() << ": " << report.summary() << '\n';
    }
    out.flush();
    err.flush();
    return status;
}

int runCheckImageCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runCheckImageCommand(args, out, err);
}

} // namespace ths
