// SPDX-License-Identifier: GPL-3.0-or-later
// `talkinghead-studio st-install` on SillyTavern folders laid out as SillyTavern lays them out (package.json,
// public/scripts/extensions, config.yaml's dataRoot, data/<user>/): the extension arrives byte for byte where
// SillyTavern looks for it, an earlier copy is replaced, a stranger's folder is left alone, and every folder that is
// not a usable SillyTavern gets an error naming what is wrong.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestStInstall : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    struct Run {
        int code = -1;
        QString out;
        QString err;
    };

    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(THS_CLI_PATH), QStringList{QStringLiteral("st-install")} + args);
        p.waitForFinished(60000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    static void write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    // A SillyTavern folder: package.json, public/scripts/extensions/third-party, and the given users.
    QString sillyTavern(const QString &name, const QByteArray &version = "1.18.0", const QStringList &users = {QStringLiteral("default-user")},
                        const QByteArray &config = {})
    {
        const QString dir = m_tmp.filePath(name);
        write(dir + QStringLiteral("/package.json"), R"({"name": "sillytavern", "version": ")" + version + R"(", "type": "module"})");
        QDir().mkpath(dir + QStringLiteral("/public/scripts/extensions/third-party"));
        write(dir + QStringLiteral("/public/scripts/extensions/expressions/manifest.json"), "{}");
        if (!config.isEmpty())
            write(dir + QStringLiteral("/config.yaml"), config);
        const QString dataRoot = config.contains("dataRoot: ./elsewhere") ? QStringLiteral("/elsewhere") : QStringLiteral("/data");
        for (const QString &user : users)
            write(dir + dataRoot + QLatin1Char('/') + user + QStringLiteral("/settings.json"), "{}");
        QDir().mkpath(dir + dataRoot + QStringLiteral("/_storage"));
        return dir;
    }

    // Every file of integrations/sillytavern is in `installed`, byte for byte.
    static void compareWithSource(const QString &installed)
    {
        const QString source = QStringLiteral(THS_SOURCE_DIR "/integrations/sillytavern");
        QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString file = it.next();
            QFile a(file);
            QFile b(QDir(installed).filePath(QDir(source).relativeFilePath(file)));
            QVERIFY2(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly), qPrintable(b.fileName()));
            QCOMPARE(b.readAll(), a.readAll());
            ++files;
        }
        QVERIFY(files >= 10);
        QVERIFY(QFile::exists(installed + QStringLiteral("/manifest.json")));
        QVERIFY(QFile::exists(installed + QStringLiteral("/lib/speech-sync.js")));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void forTheDefaultUser()
    {
        const QString st = sillyTavern(QStringLiteral("st-default"), "1.18.0", {QStringLiteral("default-user"), QStringLiteral("alice")});
        const Run r = run({QStringLiteral("--sillytavern"), st});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString target = st + QStringLiteral("/data/default-user/extensions/talkinghead-studio");
        QVERIFY(r.out.contains(target));
        QVERIFY(r.out.contains(QStringLiteral("SillyTavern 1.18.0")));
        compareWithSource(target);
        QVERIFY(!QFile::exists(st + QStringLiteral("/data/alice/extensions/talkinghead-studio")));
    }

    void forANamedUserAndAgain()
    {
        const QString st = sillyTavern(QStringLiteral("st-alice"), "1.13.0", {QStringLiteral("default-user"), QStringLiteral("alice")});
        QCOMPARE(run({QStringLiteral("--sillytavern"), st, QStringLiteral("--user"), QStringLiteral("alice")}).code, 0);
        const QString target = st + QStringLiteral("/data/alice/extensions/talkinghead-studio");
        compareWithSource(target);
        // A file of an older version disappears when installing again; nothing is left beside it.
        write(target + QStringLiteral("/lib/obsolete.js"), "old");
        QCOMPARE(run({QStringLiteral("--sillytavern"), st, QStringLiteral("--user"), QStringLiteral("alice")}).code, 0);
        QVERIFY(!QFile::exists(target + QStringLiteral("/lib/obsolete.js")));
        compareWithSource(target);
        QCOMPARE(QDir(st + QStringLiteral("/data/alice/extensions")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("talkinghead-studio")});
    }

    void forAllUsers()
    {
        const QString st = sillyTavern(QStringLiteral("st-all"));
        const Run r = run({QStringLiteral("--sillytavern"), st, QStringLiteral("--all-users")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        compareWithSource(st + QStringLiteral("/public/scripts/extensions/third-party/talkinghead-studio"));
    }

    void dataRootFromConfig()
    {
        const QString st = sillyTavern(QStringLiteral("st-config"), "1.18.0", {QStringLiteral("default-user")},
                                       "# comment\nlisten: false\ndataRoot: ./elsewhere # where data lives\n");
        QCOMPARE(run({QStringLiteral("--sillytavern"), st}).code, 0);
        compareWithSource(st + QStringLiteral("/elsewhere/default-user/extensions/talkinghead-studio"));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        const QString missing = m_tmp.filePath(QStringLiteral("missing"));
        write(m_tmp.filePath(QStringLiteral("a-file")), "x");
        write(m_tmp.filePath(QStringLiteral("node-app/package.json")), R"({"name": "some-app", "version": "2.0.0"})");
        QDir().mkpath(m_tmp.filePath(QStringLiteral("empty")));
        write(m_tmp.filePath(QStringLiteral("broken/package.json")), "{ nope");
        const QString old = sillyTavern(QStringLiteral("st-old"), "1.12.6");
        const QString noUsers = sillyTavern(QStringLiteral("st-nousers"), "1.18.0", {});
        const QString two = sillyTavern(QStringLiteral("st-two"), "1.18.0", {QStringLiteral("alice"), QStringLiteral("bob")});
        const QString stranger = sillyTavern(QStringLiteral("st-stranger"));
        write(stranger + QStringLiteral("/data/default-user/extensions/talkinghead-studio/manifest.json"), R"({"display_name": "Someone else"})");
        const QString sv = QStringLiteral("--sillytavern");
        QTest::newRow("no --sillytavern") << QStringList{} << QStringLiteral("st-install: --sillytavern DIR is required");
        QTest::newRow("missing") << QStringList{sv, missing} << missing + QStringLiteral(": no such folder");
        QTest::newRow("a file") << QStringList{sv, m_tmp.filePath(QStringLiteral("a-file"))} << QStringLiteral(": not a folder");
        QTest::newRow("empty") << QStringList{sv, m_tmp.filePath(QStringLiteral("empty"))} << QStringLiteral("is not a SillyTavern folder: it has no package.json");
        QTest::newRow("another app") << QStringList{sv, m_tmp.filePath(QStringLiteral("node-app"))}
                                     << QStringLiteral("is not a SillyTavern folder: its package.json names \"some-app\", not \"sillytavern\"");
        QTest::newRow("broken package.json") << QStringList{sv, m_tmp.filePath(QStringLiteral("broken"))} << QStringLiteral("package.json");
        QTest::newRow("1.12.6") << QStringList{sv, old} << QStringLiteral("is SillyTavern 1.12.6; the extension needs 1.13.0 or newer");
        QTest::newRow("no users") << QStringList{sv, noUsers} << QStringLiteral("has no user folders yet: start SillyTavern once");
        QTest::newRow("several users") << QStringList{sv, two} << QStringLiteral("holds several users (alice, bob): name one with --user");
        QTest::newRow("unknown user") << QStringList{sv, two, QStringLiteral("--user"), QStringLiteral("carol")}
                                      << QStringLiteral("--user carol: no such user in");
        QTest::newRow("both scopes") << QStringList{sv, two, QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--all-users")}
                                     << QStringLiteral("--user and --all-users exclude each other");
        QTest::newRow("a stranger's folder") << QStringList{sv, stranger}
                                             << QStringLiteral("talkinghead-studio exists and is not Talkinghead Studio's extension; move it away first");
    }

    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        const Run r = run(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("st-install: ")) && r.err.contains(error), qPrintable(r.err));
    }

    void strangersFolderUntouched()
    {
        const QString manifest = m_tmp.filePath(QStringLiteral("st-stranger/data/default-user/extensions/talkinghead-studio/manifest.json"));
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(R"({"display_name": "Someone else"})"));
    }
};

QTEST_GUILESS_MAIN(TestStInstall)
#include "test_st_install.moc"
