<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- A two-message Japanese translation for test_language_switcher: compiled to .qm by the test with lrelease. -->
<TS version="2.1" language="ja_JP">
<context>
    <name>ths::StudioSettings</name>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
</context>
<context>
    <name>LanguageProbe</name>
    <message>
        <source>Speak</source>
        <translation>話す</translation>
    </message>
</context>
</TS>
