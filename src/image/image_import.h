// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns any image file, byte buffer or QImage into the THA3 poser's input — a 512×512 QImage::Format_RGBA8888 with
// straight alpha whose fully transparent pixels are (0,0,0,0) — plus a report of what was wrong with it or done to
// it. The report is what `check-image` prints, what the HTTP server returns as a 400 body and what the studio shows.
//
// QtGui only (no torch), and no QGuiApplication needed: usable from the CLI, the server and the studio alike. The
// functions share no state, so they may run on any thread (a 2048×2048 PNG takes a few hundred ms: keep it off the
// GUI and HTTP threads, e.g. with QtConcurrent::run).

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

#include <optional>

namespace ths {

// The geometry THA3 was trained on: the whole input and the box the head must lie in (the eyebrow networks read
// exactly this 128×128 crop; see docs/engine.md, Pipeline). x = column, y = row.
inline constexpr int kPoserImageSize = 512;
inline constexpr QRect kHeadBox{192, 64, 128, 128};
// Where the top of the head may lie: the first row with 16 or more opaque pixels (alpha >= 128) in the box's columns,
// so that a thin ahoge or strand does not count. Up to 16 rows above the box for hair volume (the example characters'
// hair starts at rows 60–65), at most 32 rows into it: lower, and the mouth leaves the face networks' crop (rows
// 32–223).
inline constexpr int kHeadTopMin = 48;
inline constexpr int kHeadTopMax = 96;

enum class ImageIssueSeverity { Error, Warning, Info };

struct ImageIssue {
    ImageIssueSeverity severity = ImageIssueSeverity::Info;
    // Stable, machine-readable: clients and tests match on it, so never rename one.
    //   errors:   file-not-found, file-unreadable, empty-file, decode-failed, too-large (over Qt's decoder allocation
//             limit, 128 MiB by default: about 5790×5790 at 8 bits per channel), missing-alpha, fully-transparent
    //   warnings: cropped, resized, low-resolution, no-transparency, opaque-border, head-outside-box, head-box-empty
    //   info:     hidden-colour-cleared, multiple-frames
    QString code;
    QString message;      // plain language, translated (context "ImageImport")
    QJsonObject details;  // measured values behind the message (sizes, head top, fractions); may be empty
};

QString severityName(ImageIssueSeverity severity); // "error", "warning", "info" (stable, untranslated)

class ImageImportReport
{
public:
    // What the report is about, as the user named it (a path, an upload's file name); may be empty.
    QString source() const { return m_source; }
    void setSource(const QString &source) { m_source = source; }

    void add(ImageIssueSeverity severity, const QString &code, const QString &message,
             const QJsonObject &details = {});
    const QList<ImageIssue> &issues() const { return m_issues; }
    // True when no issue is an error: the image may go to the poser.
    bool ok() const;
    bool has(const QString &code) const;
    const ImageIssue *find(const QString &code) const; // nullptr when absent
    QStringList codes() const;
    int count(ImageIssueSeverity severity) const;

    // Figures measured on the image whether or not they raised an issue (original size, head top, fractions…),
    // so the studio can show them and tests can check the thresholds.
    const QJsonObject &measurements() const { return m_measurements; }
    void setMeasurement(const QString &key, const QJsonValue &value) { m_measurements.insert(key, value); }

    // One line: "OK", "OK with 2 warnings", "not usable: 1 error, 1 warning" (translated).
    QString summary() const;

    // {"ok", "source", "errors", "warnings", "issues": [{"severity","code","message","details"}], "measurements"}
    QJsonObject toJson() const;
    // Reads what toJson() wrote; nullopt (with the reason in *error) on anything else.
    static std::optional<ImageImportReport> fromJson(const QJsonObject &json, QString *error = nullptr);

private:
    QString m_source;
    QList<ImageIssue> m_issues;
    QJsonObject m_measurements;
};

struct ImportedImage {
    // 512×512 Format_RGBA8888, straight alpha, alpha-0 pixels (0,0,0,0). Null only when nothing could be decoded;
    // it is filled even when the report has errors (e.g. no alpha channel) so the studio can show the problem.
    // Give it to the poser only when report.ok().
    QImage image;
    ImageImportReport report;
};

// Decodes a file (any format Qt reads, sniffed from the content, EXIF orientation applied). Never writes to it.
ImportedImage importImageFile(const QString &path);
// Decodes bytes, e.g. an upload; `sourceName` (the upload's file name) is only used in messages.
ImportedImage importImageData(const QByteArray &data, const QString &sourceName = {});
// Validates and converts an already decoded image.
ImportedImage importImage(const QImage &image, const QString &sourceName = {});

// A layer to draw over a 512×512 imported image (same size, ARGB32_Premultiplied, mostly transparent) that shows
// what the checks look at: transparent pixels (alpha < 128) tinted blue, the head box outlined in orange, and the
// measured top of the head (see kHeadTopMin) as a line across the box, green inside the allowed rows, red outside.
// Any other size gives a null image.
QImage importOverlay(const QImage &image);

// Writes `fixedImage` (normally ImportedImage::image) as a PNG beside `originalPath`, named "<name>.fixed.png", or
// "<name>.fixed-2.png", "-3" … when that exists. Never overwrites anything (the file is created exclusively).
// Returns the path written, or nullopt with the reason in *error.
std::optional<QString> saveFixedCopy(const QString &originalPath, const QImage &fixedImage, QString *error = nullptr);

} // namespace ths
