<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>Talkinghead Studio is free software: you can redistribute it and/or modify it under the terms of the &lt;a href=&quot;%1&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or any later version. It comes with no warranty.</source>
        <translation>Talkinghead Studio はフリーソフトウェアです。&lt;a href=&quot;%1&quot;&gt;GNU 一般公衆利用許諾書&lt;/a&gt;のバージョン 3 またはそれ以降のバージョンの条件の下で再配布・改変できます。無保証です。</translation>
    </message>
    <message>
        <source>The THA3 networks and their weights are by Pramook Khungurn (&lt;a href=&quot;%1&quot;&gt;Talking Head(?) Anime from a Single Image 3&lt;/a&gt;). The weights are used unmodified under the &lt;a href=&quot;%2&quot;&gt;Creative Commons Attribution 4.0&lt;/a&gt; licence.</source>
        <translation>THA3 ネットワークとその重みは Pramook Khungurn 氏によるものです（&lt;a href=&quot;%1&quot;&gt;Talking Head(?) Anime from a Single Image 3&lt;/a&gt;）。重みは改変せず、&lt;a href=&quot;%2&quot;&gt;クリエイティブ・コモンズ 表示 4.0&lt;/a&gt; ライセンスの下で使用しています。</translation>
    </message>
    <message>
        <source>The example character “lambda” is © Pramook Khungurn, drawn by garun, under the &lt;a href=&quot;%1&quot;&gt;Creative Commons Attribution-NonCommercial 4.0&lt;/a&gt; licence: not for commercial use. Use your own character for anything else.</source>
        <translation>サンプルキャラクター「lambda」は © Pramook Khungurn、garun 氏による作画で、&lt;a href=&quot;%1&quot;&gt;クリエイティブ・コモンズ 表示-非営利 4.0&lt;/a&gt; ライセンスの下にあります：商用利用はできません。それ以外の用途にはご自身のキャラクターを使ってください。</translation>
    </message>
    <message>
        <source>Built with Qt (LGPL-3.0), LibTorch (BSD-3-Clause), eSpeak NG (GPL-3.0-or-later) and QCoro (MIT).</source>
        <translation>Qt（LGPL-3.0）、LibTorch（BSD-3-Clause）、eSpeak NG（GPL-3.0-or-later）、QCoro（MIT）を使用しています。</translation>
    </message>
    <message>
        <source>About Talkinghead Studio</source>
        <translation>Talkinghead Studio について</translation>
    </message>
    <message>
        <source>Animates an anime character from one image, on your own computer.</source>
        <translation>一枚の画像からアニメキャラクターを、あなた自身のコンピューターで動かします。</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Model and example character</source>
        <translation>モデルとサンプルキャラクター</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>ライブラリ</translation>
    </message>
</context>
<context>
    <name>BackgroundPicker</name>
    <message>
        <source>Checkerboard</source>
        <translation>市松模様</translation>
    </message>
    <message>
        <source>White</source>
        <translation>白</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>グレー</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>黒</translation>
    </message>
    <message>
        <source>Green screen</source>
        <translation>グリーンバック</translation>
    </message>
    <message>
        <source>Custom colour…</source>
        <translation>カスタムカラー…</translation>
    </message>
    <message>
        <source>Custom (%1)</source>
        <translation>カスタム（%1）</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>背景色</translation>
    </message>
</context>
<context>
    <name>CharacterPanel</name>
    <message>
        <source>Character</source>
        <translation>キャラクター</translation>
    </message>
    <message>
        <source>The image to animate: a 512×512 PNG with a transparent background and the head inside the box marked on the overlay. Open a file, drop one here or pick a recent one.</source>
        <translation>動かす画像：背景が透明な 512×512 の PNG で、頭がオーバーレイに示す枠の中に収まっているもの。ファイルを開くか、ここにドロップするか、最近使ったものから選んでください。</translation>
    </message>
    <message>
        <source>Open character image</source>
        <translation>キャラクター画像を開く</translation>
    </message>
    <message>
        <source>Images (*.png *.webp *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)</source>
        <translation>画像 (*.png *.webp *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>画像を開く…</translation>
    </message>
    <message>
        <source>Open a character image (Ctrl+O)</source>
        <translation>キャラクター画像を開く（Ctrl+O）</translation>
    </message>
    <message>
        <source>Save fixed copy</source>
        <translation>修正したコピーを保存</translation>
    </message>
    <message>
        <source>Save the image as the studio uses it (resized, transparent pixels cleared) beside the original. The original file is never changed.</source>
        <translation>スタジオが実際に使う画像（リサイズ済み、透明ピクセルをクリア済み）を元のファイルの隣に保存します。元のファイルは変更されません。</translation>
    </message>
    <message>
        <source>Checking the image…</source>
        <translation>画像を確認しています…</translation>
    </message>
    <message>
        <source>Saved the fixed copy as %1</source>
        <translation>修正したコピーを %1 として保存しました</translation>
    </message>
    <message>
        <source>This image cannot be animated yet: fix the errors below.</source>
        <translation>この画像はまだ動かせません。下のエラーを直してください。</translation>
    </message>
    <message>
        <source>The image can be used, but check the warnings below.</source>
        <translation>この画像は使えますが、下の警告を確認してください。</translation>
    </message>
    <message>
        <source>The image is ready to animate.</source>
        <translation>画像を動かす準備ができました。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Show what was checked</source>
        <translation>確認した箇所を表示</translation>
    </message>
    <message>
        <source>Transparent area (tinted blue)</source>
        <translation>透明な部分（青で表示）</translation>
    </message>
    <message>
        <source>Head box: the head must fit inside</source>
        <translation>頭の枠：頭はこの中に収める必要があります</translation>
    </message>
    <message>
        <source>Top of the head, in the allowed rows</source>
        <translation>頭頂部の位置（許容範囲内）</translation>
    </message>
    <message>
        <source>Top of the head, outside the allowed rows</source>
        <translation>頭頂部の位置（許容範囲外）</translation>
    </message>
    <message>
        <source>Recent characters</source>
        <translation>最近使ったキャラクター</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>リストを消去</translation>
    </message>
    <message>
        <source>No character yet. Drag an image file from your file manager onto this window, or use Open image…</source>
        <translation>まだキャラクターがありません。ファイルマネージャーから画像ファイルをこのウィンドウにドラッグするか、「画像を開く…」を使ってください。</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>EngineProblemPage</name>
    <message>
        <source>Weights missing</source>
        <translation>重みファイルがありません</translation>
    </message>
    <message>
        <source>The models could not be loaded</source>
        <translation>モデルを読み込めませんでした</translation>
    </message>
    <message>
        <source>The studio needs the Talking Head Anime 3 weights of the variant “%1”. These files were not found:</source>
        <translation>スタジオにはバリアント「%1」の Talking Head Anime 3 の重みが必要です。次のファイルが見つかりません：</translation>
    </message>
    <message>
        <source>Put the five files of the variant into %2 (the models folder is %1). separable_float is installed by scripts/run; the other variants come from the THA3 demo&apos;s model archive. Then press Retry.</source>
        <translation>このバリアントの 5 つのファイルを %2 に置いてください（モデルフォルダーは %1）。separable_float は scripts/run でインストールされます。ほかのバリアントは THA3 デモのモデルアーカイブから入手できます。その後「再試行」を押してください。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>設定を開く</translation>
    </message>
</context>
<context>
    <name>ExpressionPanel</name>
    <message>
        <source>Expressions</source>
        <translation>表情</translation>
    </message>
    <message>
        <source>The 28 built-in emotions and your own presets. Double-click or press Enter to apply one to the pose.</source>
        <translation>28 種類の組み込みの感情と、自分で作ったプリセット。ダブルクリックか Enter キーでポーズに適用します。</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>変更済み</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Save pose as…</source>
        <translation>ポーズを名前を付けて保存…</translation>
    </message>
    <message>
        <source>Save the current pose as a preset</source>
        <translation>現在のポーズをプリセットとして保存</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Restore original</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Expressions are stored in the _emotions.json format of Talking Head Anime 3 and SillyTavern.</source>
        <translation>表情は Talking Head Anime 3 と SillyTavern の _emotions.json 形式で保存されます。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>インポート…</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>すべてエクスポート…</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>選択したものをエクスポート…</translation>
    </message>
    <message>
        <source>Batch export</source>
        <translation>一括エクスポート</translation>
    </message>
    <message>
        <source>Renders every expression with the current character into a folder: &lt;name&gt;.png and &lt;name&gt;.json for each, and _emotions.json with all of them.</source>
        <translation>現在のキャラクターですべての表情をレンダリングしてフォルダーに保存します。表情ごとに &lt;name&gt;.png と &lt;name&gt;.json、さらに全表情をまとめた _emotions.json を書き出します。</translation>
    </message>
    <message>
        <source>Waiting for the models to load.</source>
        <translation>モデルの読み込みを待っています。</translation>
    </message>
    <message>
        <source>Open a usable character image first.</source>
        <translation>先に使用できるキャラクター画像を開いてください。</translation>
    </message>
    <message>
        <source>Export images…</source>
        <translation>画像をエクスポート…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Rendering %1 (%2 of %3)</source>
        <translation>%1 をレンダリング中（%3 件中 %2 件目）</translation>
    </message>
    <message>
        <source>Save pose as preset</source>
        <translation>ポーズをプリセットとして保存</translation>
    </message>
    <message>
        <source>Name of the preset. A built-in emotion&apos;s name replaces that emotion with your pose.</source>
        <translation>プリセットの名前。組み込みの感情と同じ名前にすると、その感情があなたのポーズに置き換わります。</translation>
    </message>
    <message>
        <source>e.g. smug</source>
        <translation>例：smug</translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation>プリセットの名前を変更</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>プリセットを削除</translation>
    </message>
    <message>
        <source>Replace your version of “%1” with the built-in one?</source>
        <translation>自分で変更した「%1」を組み込みのものに戻しますか？</translation>
    </message>
    <message>
        <source>Delete the preset “%1”?</source>
        <translation>プリセット「%1」を削除しますか？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Overwrite files?</source>
        <translation>ファイルを上書きしますか？</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>上書き</translation>
    </message>
    <message>
        <source>Import expressions</source>
        <translation>表情をインポート</translation>
    </message>
    <message>
        <source>Expression files (*.json)</source>
        <translation>表情ファイル (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Export all expressions</source>
        <translation>すべての表情をエクスポート</translation>
    </message>
    <message>
        <source>Export expression</source>
        <translation>表情をエクスポート</translation>
    </message>
    <message>
        <source>Export images into folder</source>
        <translation>画像をフォルダーにエクスポート</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in this folder will be replaced.</source>
        <translation>
            <numerusform>このフォルダーの %n 個のファイルが置き換えられます。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageDrop</name>
    <message>
        <source>Drop the image to open it as the character</source>
        <translation>ドロップすると画像をキャラクターとして開きます</translation>
    </message>
</context>
<context>
    <name>ImageImport</name>
    <message>
        <source>the image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Every pixel is fully transparent, so there is no character to animate. Check that the export kept the character layer.</source>
        <translation>すべてのピクセルが完全に透明なので、動かすキャラクターがありません。書き出し時にキャラクターのレイヤーが残っているか確認してください。</translation>
    </message>
    <message>
        <source>The image has an alpha channel but no transparent pixels. THA3 needs the background removed (transparent), otherwise the background is animated as part of the character.</source>
        <translation>画像にアルファチャンネルはありますが、透明なピクセルがありません。THA3 では背景を取り除いて透明にする必要があります。そうしないと背景もキャラクターの一部として動いてしまいます。</translation>
    </message>
    <message>
        <source>%1% of the pixels along the edge of the image are opaque: the background does not seem to be transparent. Remove it so that only the character is left.</source>
        <translation>画像の縁のピクセルの %1% が不透明です。背景が透明になっていないようです。背景を取り除いてキャラクターだけを残してください。</translation>
    </message>
    <message>
        <source>The character barely reaches columns %1–%2, where THA3 expects the head. Centre it horizontally with its head in the box x %1–%2, y %3–%4.</source>
        <translation>キャラクターが、THA3 が頭を想定している %1–%2 列にほとんど届いていません。頭が x %1–%2、y %3–%4 の枠に入るよう、水平方向の中央に配置してください。</translation>
    </message>
    <message>
        <source>The top of the head is at row %1, higher than THA3 expects (rows %2–%3): the head is probably too large or too high. Scale the character down or move it lower so the head fits the box x %4–%5, y %6–%7.</source>
        <translation>頭頂部が %1 行目にあり、THA3 が想定する範囲（%2–%3 行目）より上です。頭が大きすぎるか、位置が高すぎるようです。頭が x %4–%5、y %6–%7 の枠に収まるよう、キャラクターを縮小するか下に移動してください。</translation>
    </message>
    <message>
        <source>The top of the head is at row %1, lower than THA3 expects (rows %2–%3): the character is probably too small or too low, and its mouth may fall outside the area that THA3 animates. Scale it up or move it higher so the head fits the box x %4–%5, y %6–%7.</source>
        <translation>頭頂部が %1 行目にあり、THA3 が想定する範囲（%2–%3 行目）より下です。キャラクターが小さすぎるか位置が低すぎるため、口が THA3 の動かす範囲から外れるおそれがあります。頭が x %4–%5、y %6–%7 の枠に収まるよう、拡大するか上に移動してください。</translation>
    </message>
    <message>
        <source>Only %1% of the head box (x %2–%3, y %4–%5) is opaque: the head does not seem to be in it. The character may be off-centre or too small.</source>
        <translation>頭の枠（x %2–%3、y %4–%5）のうち不透明なのは %1% だけです。頭が枠の中にないようです。キャラクターが中央からずれているか、小さすぎる可能性があります。</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels, too large to decode (limit %4 MiB of pixel data). Scale it down to about 1024×1024 first.</source>
        <translation>%1 は %2×%3 ピクセルで、大きすぎてデコードできません（ピクセルデータの上限は %4 MiB）。先に 1024×1024 程度に縮小してください。</translation>
    </message>
    <message>
        <source>Cannot decode %1 as an image (%2). Save it as a PNG with transparency.</source>
        <translation>%1 を画像としてデコードできません（%2）。透明度付きの PNG として保存してください。</translation>
    </message>
    <message>
        <source>The file holds %1 frames; only the first one is used.</source>
        <translation>このファイルには %1 フレームあります。最初のフレームだけを使います。</translation>
    </message>
    <message>
        <source>not usable — errors: %1, warnings: %2</source>
        <translation>使用できません — エラー：%1、警告：%2</translation>
    </message>
    <message>
        <source>usable — warnings: %1</source>
        <translation>使用できます — 警告：%1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>ファイル %1 は存在しません。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 はファイルではありません。</translation>
    </message>
    <message>
        <source>The file %1 is empty (0 bytes).</source>
        <translation>ファイル %1 は空です（0 バイト）。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 を開けません：%2。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes).</source>
        <translation>%1 は空です（0 バイト）。</translation>
    </message>
    <message>
        <source>%1 holds no pixels.</source>
        <translation>%1 にはピクセルがありません。</translation>
    </message>
    <message>
        <source>%1 has no alpha channel. THA3 needs the character on a transparent background: remove the background and export as PNG (or WebP) with transparency.</source>
        <translation>%1 にはアルファチャンネルがありません。THA3 には背景が透明なキャラクターが必要です。背景を取り除き、透明度付きの PNG（または WebP）で書き出してください。</translation>
    </message>
    <message>
        <source>The image is %1×%2, not square; only its centre %3×%3 square (from x %4, y %5) is used. Check that the head is still inside.</source>
        <translation>画像は %1×%2 で正方形ではありません。中央の %3×%3 の正方形（x %4、y %5 から）だけを使います。頭がその中に収まっているか確認してください。</translation>
    </message>
    <message>
        <source>The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was shrunk to 512×512.</source>
        <translation>画像は %1×%2 です。THA3 は 512×512 を使うため、%3×%3 の正方形を 512×512 に縮小しました。</translation>
    </message>
    <message>
        <source>The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was enlarged to 512×512.</source>
        <translation>画像は %1×%2 です。THA3 は 512×512 を使うため、%3×%3 の正方形を 512×512 に拡大しました。</translation>
    </message>
    <message>
        <source>The image is only %1 pixels on its short side, so it is enlarged %2×: the animated face will look blurred. Use a source of at least 512×512.</source>
        <translation>画像の短辺が %1 ピクセルしかないため、%2 倍に拡大されます。動く顔がぼやけて見えます。512×512 以上の画像を使ってください。</translation>
    </message>
    <message>
        <source>%1 fully transparent pixels carried a colour; it was set to black, as THA3 requires. Save a fixed copy to store the cleaned image.</source>
        <translation>完全に透明なピクセル %1 個に色が残っていたため、THA3 の要件どおり黒にしました。修正したコピーを保存すると、きれいにした画像を保存できます。</translation>
    </message>
    <message>
        <source>There is no image to save for %1.</source>
        <translation>%1 について保存する画像がありません。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>%1 を作成できません：%2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 に書き込めません：%2。</translation>
    </message>
    <message>
        <source>Cannot save a fixed copy of %1: %2 fixed copies already exist.</source>
        <translation>%1 の修正したコピーを保存できません：修正したコピーがすでに %2 個あります。</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Loading models…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Variant %1 on %2. This takes a few seconds.</source>
        <translation>バリアント %1、デバイス %2。数秒かかります。</translation>
    </message>
</context>
<context>
    <name>LookEditor</name>
    <message>
        <source>HDR sci-fi hologram</source>
        <translation>HDR SF ホログラム</translation>
    </message>
    <message>
        <source>Cheap camera, amber monitor</source>
        <translation>安いカメラとアンバーモニター</translation>
    </message>
    <message>
        <source>HDR, cheap camera, 1980s VHS</source>
        <translation>HDR・安いカメラ・1980 年代の VHS</translation>
    </message>
</context>
<context>
    <name>LookPanel</name>
    <message>
        <source>Look</source>
        <translation>ルック</translation>
    </message>
    <message>
        <source>Filters applied to every frame: the preview, the server&apos;s stream and recordings.</source>
        <translation>すべてのフレームにかかるフィルター：プレビュー、サーバーのストリーム、録画。</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Use preset</source>
        <translation>プリセットを使う</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>フィルター</translation>
    </message>
    <message>
        <source>Add filter</source>
        <translation>フィルターを追加</translation>
    </message>
    <message>
        <source>No filters: frames are shown as rendered.</source>
        <translation>フィルターなし：レンダリングしたままのフレームを表示します。</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>%1 を上へ移動</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>%1 を下へ移動</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>%1 から %2 まで</translation>
    </message>
    <message>
        <source>Load from _animator.json…</source>
        <translation>_animator.json から読み込む…</translation>
    </message>
    <message>
        <source>Save to _animator.json…</source>
        <translation>_animator.json に保存…</translation>
    </message>
    <message>
        <source>Load a look</source>
        <translation>ルックを読み込む</translation>
    </message>
    <message>
        <source>Animator settings (*.json)</source>
        <translation>アニメーター設定 (*.json)</translation>
    </message>
    <message>
        <source>Save the look</source>
        <translation>ルックを保存</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Character</source>
        <translation>キャラクター</translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>ポーズ</translation>
    </message>
    <message>
        <source>Expressions</source>
        <translation>表情</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>音声</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Talkinghead Studio</source>
        <translation>Talkinghead Studio</translation>
    </message>
    <message>
        <source>Puppeteer</source>
        <translation>パペッティア</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>ルック</translation>
    </message>
</context>
<context>
    <name>NavigationColumn</name>
    <message>
        <source>Talkinghead Studio</source>
        <translation>Talkinghead Studio</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>セクション</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Models ready</source>
        <translation>モデル準備完了</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>モデルを読み込み中…</translation>
    </message>
    <message>
        <source>Models not loaded</source>
        <translation>モデル未読み込み</translation>
    </message>
    <message>
        <source>Models unavailable</source>
        <translation>モデルを利用できません</translation>
    </message>
    <message>
        <source>Server running</source>
        <translation>サーバー稼働中</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>サーバー停止中</translation>
    </message>
</context>
<context>
    <name>PoseGroupSection</name>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>%1 をリセット</translation>
    </message>
    <message>
        <source>Set every parameter of this group back to its default</source>
        <translation>このグループのすべてのパラメーターを既定値に戻します</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形</translation>
    </message>
    <message>
        <source>%1 shape</source>
        <translation>%1 の形</translation>
    </message>
    <message>
        <source>%1 (in use)</source>
        <translation>%1（使用中）</translation>
    </message>
</context>
<context>
    <name>PosePanel</name>
    <message>
        <source>Pose</source>
        <translation>ポーズ</translation>
    </message>
    <message>
        <source>Drag a slider or type a value. Every drag is one step of undo (Ctrl+Z) and redo (Ctrl+Shift+Z).</source>
        <translation>スライダーをドラッグするか値を入力します。1 回のドラッグが元に戻す（Ctrl+Z）・やり直し（Ctrl+Shift+Z）の 1 ステップになります。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>元に戻す：%1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>やり直し：%1</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>すべてリセット</translation>
    </message>
    <message>
        <source>Link left and right</source>
        <translation>左右を連動</translation>
    </message>
    <message>
        <source>Moving a left or right parameter moves its twin on the other side too</source>
        <translation>左右どちらかのパラメーターを動かすと、反対側の対になるパラメーターも一緒に動きます</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>アニメーション</translation>
    </message>
    <message>
        <source>Idle animation: blinking, breathing and a slight sway around the pose</source>
        <translation>待機アニメーション：ポーズを基にまばたき、呼吸、軽い揺れを加えます</translation>
    </message>
    <message>
        <source>Character preview</source>
        <translation>キャラクターのプレビュー</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>縮小（Ctrl+-）</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>拡大（Ctrl++）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Fit the preview to the pane (Ctrl+0)</source>
        <translation>プレビューをペインに合わせる（Ctrl+0）</translation>
    </message>
    <message>
        <source>Animated: %1 fps</source>
        <translation>アニメーション：%1 fps</translation>
    </message>
    <message>
        <source>%1 ms/frame · %2 fps · %3 rendered, %4 skipped</source>
        <translation>%1 ms/フレーム · %2 fps · %3 フレーム描画、%4 フレーム省略</translation>
    </message>
    <message>
        <source>No frame rendered yet</source>
        <translation>まだフレームが描画されていません</translation>
    </message>
    <message>
        <source>No character loaded</source>
        <translation>キャラクターが読み込まれていません</translation>
    </message>
    <message>
        <source>Open an image or drop it here.</source>
        <translation>画像を開くか、ここにドロップしてください。</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>画像を開く…</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>レンダリング中…</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>録画…</translation>
    </message>
    <message>
        <source>Recording length in seconds</source>
        <translation>録画の長さ（秒）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Recording progress</source>
        <translation>録画の進み具合</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Recorded to %1</source>
        <translation>%1 に録画しました</translation>
    </message>
    <message>
        <source>Record the character</source>
        <translation>キャラクターを録画</translation>
    </message>
    <message>
        <source>WebM video with transparency (*.webm)</source>
        <translation>透過付き WebM 動画 (*.webm)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 動画 (*.mp4)</translation>
    </message>
</context>
<context>
    <name>PuppeteerPanel</name>
    <message>
        <source>Puppeteer</source>
        <translation>パペッティア</translation>
    </message>
    <message>
        <source>Drive the character with your own face: the iFacialMocap app on an iPhone, or any program that sends the VMC protocol (a webcam with VSeeFace, VMagicMirror, Warudo, XR Animator). Channels the tracker does not send, such as breathing, keep the idle animation.</source>
        <translation>自分の顔でキャラクターを動かします。iPhone の iFacialMocap アプリ、または VMC プロトコルを送信するプログラム（VSeeFace とウェブカメラ、VMagicMirror、Warudo、XR Animator）が使えます。呼吸など、トラッカーが送らないチャンネルはアイドルアニメーションのままです。</translation>
    </message>
    <message>
        <source>Record a take</source>
        <translation>テイクを録画</translation>
    </message>
    <message>
        <source>Takes (*.jsonl)</source>
        <translation>テイク (*.jsonl)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>録画を開く</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>iFacialMocap (iPhone)</source>
        <translation>iFacialMocap（iPhone）</translation>
    </message>
    <message>
        <source>VMC protocol</source>
        <translation>VMC プロトコル</translation>
    </message>
    <message>
        <source>Recorded take</source>
        <translation>録画したテイク</translation>
    </message>
    <message>
        <source>Phone address</source>
        <translation>スマートフォンのアドレス</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20</source>
        <translation>例：192.168.1.20</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>テイク</translation>
    </message>
    <message>
        <source>none: open a recording below</source>
        <translation>なし：下のボタンで録画を開いてください</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Calibrate</source>
        <translation>キャリブレーション</translation>
    </message>
    <message>
        <source>Look straight ahead with a relaxed face: this becomes the rest pose.</source>
        <translation>力を抜いた顔で正面を向いてください。これが基準のポーズになります。</translation>
    </message>
    <message>
        <source>Clear calibration</source>
        <translation>キャリブレーションを解除</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>録画を停止</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>録画…</translation>
    </message>
    <message>
        <source>Open recording…</source>
        <translation>録画を開く…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>トラッキング中</translation>
    </message>
    <message>
        <source>No face (tracking lost)</source>
        <translation>顔がありません（トラッキング喪失）</translation>
    </message>
    <message>
        <source>%1 packets/s</source>
        <translation>%1 パケット/秒</translation>
    </message>
    <message>
        <source>no packet yet</source>
        <translation>まだパケットがありません</translation>
    </message>
    <message>
        <source>last packet %1 ms ago</source>
        <translation>最後のパケットは %1 ms 前</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 件を拒否</translation>
    </message>
    <message>
        <source>listening on UDP %1</source>
        <translation>UDP %1 で受信中</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>録画中</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Eyebrows down</source>
        <translation>眉を下げたとき</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>怒り</translation>
    </message>
    <message>
        <source>Troubled</source>
        <translation>困り</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>真剣</translation>
    </message>
    <message>
        <source>Lowered</source>
        <translation>下げ</translation>
    </message>
    <message>
        <source>Wink</source>
        <translation>ウインク</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>通常</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>リラックス</translation>
    </message>
    <message>
        <source>Eyebrow gain</source>
        <translation>眉のゲイン</translation>
    </message>
    <message>
        <source>Eye gain</source>
        <translation>目のゲイン</translation>
    </message>
    <message>
        <source>Iris gain</source>
        <translation>虹彩のゲイン</translation>
    </message>
    <message>
        <source>Mouth gain</source>
        <translation>口のゲイン</translation>
    </message>
    <message>
        <source>Head gain</source>
        <translation>頭のゲイン</translation>
    </message>
    <message>
        <source>Body gain</source>
        <translation>体のゲイン</translation>
    </message>
    <message>
        <source>Smoothing (One Euro filter)</source>
        <translation>スムージング（One Euro フィルター）</translation>
    </message>
    <message>
        <source>Cut-off at rest (Hz)</source>
        <translation>静止時のカットオフ（Hz）</translation>
    </message>
    <message>
        <source>Speed coefficient</source>
        <translation>速度係数</translation>
    </message>
    <message>
        <source>Tracked values</source>
        <translation>トラッキングした値</translation>
    </message>
    <message>
        <source>No face yet.</source>
        <translation>まだ顔がありません。</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>none (anyone on the network may connect)</source>
        <translation>なし（ネットワーク上の誰でも接続できます）</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Generate key</source>
        <translation>キーを生成</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>サーバーを停止</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>サーバーを起動</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL をコピー</translation>
    </message>
    <message>
        <source>Copy the URL for SillyTavern to the clipboard</source>
        <translation>SillyTavern 用の URL をクリップボードにコピー</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>%1 で稼働中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止中</translation>
    </message>
    <message numerus="yes">
        <source>%n viewer(s) connected</source>
        <translation>
            <numerusform>閲覧者 %n 人が接続中</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent requests</source>
        <translation>最近のリクエスト</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>まだリクエストはありません。</translation>
    </message>
    <message>
        <source>Serve the character to SillyTavern&apos;s Talkinghead extension. Start the server, copy the URL and paste it into SillyTavern. Only web pages opened on this computer may use it, unless the host is 0.0.0.0 (every network): then any page may, so set an API key.</source>
        <translation>SillyTavern の Talkinghead 拡張機能にキャラクターを提供します。サーバーを起動し、URL をコピーして SillyTavern に貼り付けてください。このコンピューターで開いた Web ページだけが利用できます。ただしホストが 0.0.0.0（すべてのネットワーク）の場合はどのページからも利用できるため、API キーを設定してください。</translation>
    </message>
    <message>
        <source>SillyTavern</source>
        <translation>SillyTavern</translation>
    </message>
    <message>
        <source>SillyTavern 1.13 and newer need the Talkinghead Studio extension to show this character. Choose your SillyTavern folder (the one with server.js) to install it for its default user.</source>
        <translation>SillyTavern 1.13 以降でこのキャラクターを表示するには Talkinghead Studio 拡張機能が必要です。SillyTavern のフォルダー（server.js があるフォルダー）を選ぶと、その既定ユーザーにインストールします。</translation>
    </message>
    <message>
        <source>Install into SillyTavern…</source>
        <translation>SillyTavern にインストール…</translation>
    </message>
    <message>
        <source>Choose the SillyTavern folder</source>
        <translation>SillyTavern のフォルダーを選択</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Changes are saved right away and kept for the next start.</source>
        <translation>変更はすぐに保存され、次回の起動時にも引き継がれます。</translation>
    </message>
    <message>
        <source>Separable, 32-bit (default, fastest)</source>
        <translation>セパラブル、32 ビット（既定、最速）</translation>
    </message>
    <message>
        <source>Separable, 16-bit</source>
        <translation>セパラブル、16 ビット</translation>
    </message>
    <message>
        <source>Standard, 32-bit (best quality, slower)</source>
        <translation>標準、32 ビット（最高画質、低速）</translation>
    </message>
    <message>
        <source>Standard, 16-bit</source>
        <translation>標準、16 ビット</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>未読み込み</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Weight files missing</source>
        <translation>重みファイルがありません</translation>
    </message>
    <message>
        <source>Failed to load</source>
        <translation>読み込みに失敗しました</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>バリアント</translation>
    </message>
    <message>
        <source>Model variant</source>
        <translation>モデルのバリアント</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>スレッド数</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Device is “cpu”, “cuda” or “cuda:N”. Threads: 0 lets the engine choose.</source>
        <translation>デバイスは「cpu」「cuda」「cuda:N」のいずれかです。スレッド数を 0 にするとエンジンが自動で選びます。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Ready (loaded in %1 s)</source>
        <translation>準備完了（読み込み %1 秒）</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>モデルフォルダー</translation>
    </message>
    <message>
        <source>Reload models</source>
        <translation>モデルを再読み込み</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>Preview background</source>
        <translation>プレビューの背景</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>演算精度</translation>
    </message>
    <message>
        <source>Precision: automatic computes in bf16 on processors that have it (faster; edges may differ from fp32 by a level or two), in fp16 for the 16-bit variants on a GPU, and in fp32 otherwise.</source>
        <translation>演算精度：自動では、bf16 に対応したプロセッサーでは bf16（高速。輪郭が fp32 と最大 2 階調異なることがあります）、GPU 上の 16 ビット版では fp16、それ以外では fp32 で計算します。</translation>
    </message>
    <message>
        <source>Computing in</source>
        <translation>使用中の精度</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>音声</translation>
    </message>
    <message>
        <source>Pre-rendered mouth shapes</source>
        <translation>事前レンダリングの口の形</translation>
    </message>
    <message>
        <source>Pre-rendered mouth shapes: where a frame takes longer to render than the frame rate allows, the head holds still while the character speaks and the mouth plays from pictures of each shape rendered ahead of time (kept on disk per character and emotion), so it moves at the full frame rate.</source>
        <translation>事前レンダリングの口の形：1 フレームのレンダリングがフレームレートの許す時間より長くかかる場合、キャラクターが話す間は頭を静止させ、口は事前にレンダリングした各形の画像（キャラクターと表情ごとにディスクに保存）で再生するため、フルフレームレートで動きます。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>About Talkinghead Studio…</source>
        <translation>Talkinghead Studio について…</translation>
    </message>
</context>
<context>
    <name>SpeechPanel</name>
    <message>
        <source>Speech</source>
        <translation>音声</translation>
    </message>
    <message>
        <source>Let the character say a sentence, or play an audio file with the mouth moving in sync.</source>
        <translation>キャラクターに文章を話させるか、口の動きを同期させて音声ファイルを再生します。</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>English (US)</source>
        <translation>英語（米国）</translation>
    </message>
    <message>
        <source>Chinese (Mandarin)</source>
        <translation>中国語（標準語）</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>音声</translation>
    </message>
    <message>
        <source>What should the character say?</source>
        <translation>キャラクターに何を話させますか？</translation>
    </message>
    <message>
        <source>Text to speak</source>
        <translation>読み上げるテキスト</translation>
    </message>
    <message>
        <source>Speak</source>
        <translation>話す</translation>
    </message>
    <message>
        <source>Speak the text (Ctrl+Enter)</source>
        <translation>テキストを話す（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Play audio file…</source>
        <translation>音声ファイルを再生…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Top: audio level. Bottom: mouth opening by vowel:</source>
        <translation>上：音量。下：母音ごとの口の開き：</translation>
    </message>
    <message>
        <source>Audio/video sync</source>
        <translation>音声と映像の同期</translation>
    </message>
    <message>
        <source>Mouth offset</source>
        <translation>口の動きのずれ</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Mouth offset in milliseconds</source>
        <translation>口の動きのずれ（ミリ秒）</translation>
    </message>
    <message>
        <source>Positive values move the mouth later, for audio devices that play with a delay.</source>
        <translation>正の値にすると口の動きが遅れます。再生に遅延がある音声デバイス向けです。</translation>
    </message>
    <message>
        <source>Play audio file</source>
        <translation>音声ファイルを再生</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.mp3 *.ogg *.flac *.m4a *.opus)</source>
        <translation>音声ファイル (*.wav *.mp3 *.ogg *.flac *.m4a *.opus)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>en</source>
        <extracomment>The code of this translation: en, zh_CN or ja. Never shown; a change tells the UI that the language changed.</extracomment>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <source>Waveform and mouth timeline</source>
        <translation>波形と口の動きのタイムライン</translation>
    </message>
    <message>
        <source>Speak a sentence or play a file to see its waveform and mouth shapes here.</source>
        <translation>文章を話させるかファイルを再生すると、ここに波形と口の形が表示されます。</translation>
    </message>
</context>
<context>
    <name>ths::BatchExporter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：書き込めません：%2</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>エクスポートはすでに実行中です。</translation>
    </message>
    <message>
        <source>The models are not loaded yet.</source>
        <translation>モデルがまだ読み込まれていません。</translation>
    </message>
    <message>
        <source>Open a character image first.</source>
        <translation>先にキャラクター画像を開いてください。</translation>
    </message>
    <message>
        <source>There are no expressions to export.</source>
        <translation>エクスポートする表情がありません。</translation>
    </message>
    <message>
        <source>Choose a folder to export into.</source>
        <translation>エクスポート先のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 expressions.</source>
        <translation>%2 件中 %1 件の表情を書き出したところでエクスポートを中止しました。</translation>
    </message>
    <message>
        <source>Rendering &quot;%1&quot; failed: %2</source>
        <translation>「%1」のレンダリングに失敗しました：%2</translation>
    </message>
    <message>
        <source>Exported %1 expressions to %2.</source>
        <translation>%1 件の表情を %2 にエクスポートしました。</translation>
    </message>
</context>
<context>
    <name>ths::CharacterController</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません：%2</translation>
    </message>
    <message>
        <source>Open a character first.</source>
        <translation>先にキャラクターを開いてください。</translation>
    </message>
</context>
<context>
    <name>ths::EngineController</name>
    <message>
        <source>Unknown model variant &quot;%1&quot; (expected one of: %2).</source>
        <translation>不明なモデルバリアント「%1」です（次のいずれかを指定してください：%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n model file(s) missing in %1.</source>
        <translation>
            <numerusform>%1 にモデルファイルが %n 個ありません。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ths::ExpressionLibrary</name>
    <message>
        <source>no file chosen</source>
        <translation>ファイルが選択されていません</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：書き込めません：%2</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>オフセット %1 の JSON が不正です：%2</translation>
    </message>
    <message>
        <source>not a JSON object (expected {&quot;emotion&quot;: {parameter: value, …}})</source>
        <translation>JSON オブジェクトではありません（{&quot;emotion&quot;: {parameter: value, …}} の形式が必要です）</translation>
    </message>
    <message>
        <source>no expressions in the file</source>
        <translation>ファイルに表情がありません</translation>
    </message>
    <message>
        <source>a pose without an emotion name; expected {&quot;emotion&quot;: {parameter: value, …}}</source>
        <translation>感情の名前がないポーズです。{&quot;emotion&quot;: {parameter: value, …}} の形式が必要です</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used as an expression name</source>
        <translation>「%1」は表情の名前に使えません</translation>
    </message>
    <message>
        <source>emotion &quot;%1&quot;: not an object of parameter values</source>
        <translation>感情「%1」：パラメーター値のオブジェクトではありません</translation>
    </message>
    <message>
        <source>emotion &quot;%1&quot;: %2</source>
        <translation>感情「%1」：%2</translation>
    </message>
    <message>
        <source>%1: %2. Your saved expressions could not be read; the file is left as it is and will be kept as %1.bak when you next change an expression.</source>
        <translation>%1：%2。保存した表情を読み込めませんでした。ファイルはそのまま残され、次に表情を変更したときに %1.bak として保管されます。</translation>
    </message>
    <message>
        <source>Expression &quot;%1&quot;: %2</source>
        <translation>表情「%1」：%2</translation>
    </message>
    <message>
        <source>There is no expression &quot;%1&quot;.</source>
        <translation>表情「%1」はありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in emotion and cannot be renamed.</source>
        <translation>「%1」は組み込みの感情なので名前を変更できません。</translation>
    </message>
    <message>
        <source>An expression named &quot;%1&quot; already exists.</source>
        <translation>「%1」という名前の表情はすでにあります。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in emotion and cannot be deleted.</source>
        <translation>「%1」は組み込みの感情なので削除できません。</translation>
    </message>
    <message>
        <source>%1: not a local file</source>
        <translation>%1：ローカルファイルではありません</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1：開けません：%2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder; the change is kept until the studio closes.</source>
        <translation>%1：フォルダーを作成できません。変更はスタジオを閉じるまで保持されます。</translation>
    </message>
    <message>
        <source>%1: cannot back up the unreadable file to %2; it was not overwritten.</source>
        <translation>%1：読み込めないファイルを %2 にバックアップできません。ファイルは上書きされていません。</translation>
    </message>
    <message>
        <source>An expression needs a name.</source>
        <translation>表情には名前が必要です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is reserved and cannot be used as an expression name.</source>
        <translation>「%1」は予約されているため、表情の名前には使えません。</translation>
    </message>
</context>
<context>
    <name>ths::LanguageSwitcher</name>
    <message>
        <source>No translation for &quot;%1&quot; (%2 is missing or unreadable); the studio stays in English.</source>
        <translation>「%1」の翻訳がありません（%2 が見つからないか読み込めません）。スタジオは英語のままです。</translation>
    </message>
</context>
<context>
    <name>ths::PoseEditorModel</name>
    <message>
        <source>Eyebrow</source>
        <translation>眉</translation>
    </message>
    <message>
        <source>Eye</source>
        <translation>目</translation>
    </message>
    <message>
        <source>Iris</source>
        <translation>虹彩</translation>
    </message>
    <message>
        <source>Mouth</source>
        <translation>口</translation>
    </message>
    <message>
        <source>Iris rotation</source>
        <translation>虹彩の回転</translation>
    </message>
    <message>
        <source>Head and neck</source>
        <translation>頭と首</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>体</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>呼吸</translation>
    </message>
    <message>
        <source>Troubled</source>
        <translation>困り</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>怒り</translation>
    </message>
    <message>
        <source>Lowered</source>
        <translation>下げ</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>上げ</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>笑顔</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>真剣</translation>
    </message>
    <message>
        <source>Wink</source>
        <translation>ウインク</translation>
    </message>
    <message>
        <source>Happy wink</source>
        <translation>笑顔のウインク</translation>
    </message>
    <message>
        <source>Surprised</source>
        <translation>驚き</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>リラックス</translation>
    </message>
    <message>
        <source>Unimpressed</source>
        <translation>しらけ</translation>
    </message>
    <message>
        <source>Raised lower eyelid</source>
        <translation>下まぶた上げ</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>小さく</translation>
    </message>
    <message>
        <source>aaa</source>
        <translation>あ</translation>
    </message>
    <message>
        <source>iii</source>
        <translation>い</translation>
    </message>
    <message>
        <source>uuu</source>
        <translation>う</translation>
    </message>
    <message>
        <source>eee</source>
        <translation>え</translation>
    </message>
    <message>
        <source>ooo</source>
        <translation>お</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>三角（Δ）</translation>
    </message>
    <message>
        <source>Lowered corner</source>
        <translation>口角下げ</translation>
    </message>
    <message>
        <source>Raised corner</source>
        <translation>口角上げ</translation>
    </message>
    <message>
        <source>Smirk</source>
        <translation>にやり</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Head X</source>
        <translation>頭 X</translation>
    </message>
    <message>
        <source>Head Y</source>
        <translation>頭 Y</translation>
    </message>
    <message>
        <source>Neck Z</source>
        <translation>首 Z</translation>
    </message>
    <message>
        <source>Body Y</source>
        <translation>体 Y</translation>
    </message>
    <message>
        <source>Body Z</source>
        <translation>体 Z</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 を変更</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>%1 をリセット</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>すべてリセット</translation>
    </message>
    <message>
        <source>Apply pose</source>
        <translation>ポーズを適用</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>量</translation>
    </message>
</context>
<context>
    <name>ths::PuppeteerController</name>
    <message>
        <source>Enter the phone&apos;s address (iFacialMocap shows it on the phone).</source>
        <translation>スマートフォンのアドレスを入力してください（iFacialMocap のスマートフォン画面に表示されます）。</translation>
    </message>
    <message>
        <source>Calibrate while the tracker sends your face: look straight ahead with a relaxed face.</source>
        <translation>トラッカーが顔を送信している間にキャリブレーションしてください。力を抜いた顔で正面を向きます。</translation>
    </message>
    <message>
        <source>Start the puppeteer first.</source>
        <translation>先にパペッティアを開始してください。</translation>
    </message>
</context>
<context>
    <name>ths::RecordingController</name>
    <message>
        <source>A recording is already running.</source>
        <translation>録画はすでに実行中です。</translation>
    </message>
    <message>
        <source>Load the models and a character first.</source>
        <translation>先にモデルとキャラクターを読み込んでください。</translation>
    </message>
    <message>
        <source>Recording cancelled.</source>
        <translation>録画を取り消しました。</translation>
    </message>
</context>
<context>
    <name>ths::ServerController</name>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on (for example 127.0.0.1, or 0.0.0.0 for all interfaces).</source>
        <translation>「%1」は待ち受けに使える IP アドレスではありません（例：127.0.0.1。すべてのインターフェースなら 0.0.0.0）。</translation>
    </message>
    <message>
        <source>The server could not start on %1 port %2: %3. Choose another port, or close the program that uses it.</source>
        <translation>サーバーを %1 のポート %2 で起動できませんでした：%3。別のポートを選ぶか、そのポートを使っているプログラムを終了してください。</translation>
    </message>
    <message>
        <source>%1 %2 %3 → %4 (%5 ms)</source>
        <translation>%1 %2 %3 → %4（%5 ms）</translation>
    </message>
    <message>
        <source>Installed for SillyTavern %1 in %2. Reload SillyTavern&apos;s page; the settings are under Extensions → Talkinghead Studio.</source>
        <translation>SillyTavern %1 用に %2 へインストールしました。SillyTavern のページを再読み込みしてください。設定は「拡張機能 → Talkinghead Studio」にあります。</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>インストールできませんでした：%1</translation>
    </message>
</context>
<context>
    <name>ths::SpeechController</name>
    <message>
        <source>Type some text to speak.</source>
        <translation>話させるテキストを入力してください。</translation>
    </message>
    <message>
        <source>Choose a voice first.</source>
        <translation>先に音声を選んでください。</translation>
    </message>
    <message>
        <source>Cannot speak with voice &quot;%1&quot;: %2</source>
        <translation>音声「%1」で話せません：%2</translation>
    </message>
    <message>
        <source>Cannot prepare the speech for playback: %1</source>
        <translation>音声の再生を準備できません：%1</translation>
    </message>
    <message>
        <source>Only local audio files can be played (%1).</source>
        <translation>再生できるのはローカルの音声ファイルだけです（%1）。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません：%2</translation>
    </message>
    <message>
        <source>Cannot play this file: %1</source>
        <translation>このファイルは再生できません：%1</translation>
    </message>
    <message>
        <source>Cannot analyse %1: %2</source>
        <translation>%1 を解析できません：%2</translation>
    </message>
    <message>
        <source>No audio output device: playing silently, the mouth still moves.</source>
        <translation>音声出力デバイスがありません。音なしで再生しますが、口は動きます。</translation>
    </message>
    <message>
        <source>The audio output cannot play this clip: playing silently, the mouth still moves.</source>
        <translation>音声出力でこのクリップを再生できません。音なしで再生しますが、口は動きます。</translation>
    </message>
    <message>
        <source>Audio playback failed (%1): playing silently, the mouth still moves.</source>
        <translation>音声の再生に失敗しました（%1）。音なしで再生しますが、口は動きます。</translation>
    </message>
</context>
<context>
    <name>ths::Studio</name>
    <message>
        <source>There is no expression named “%1”.</source>
        <translation>「%1」という名前の表情はありません。</translation>
    </message>
    <message>
        <source>Apply expression “%1”</source>
        <translation>表情「%1」を適用</translation>
    </message>
    <message>
        <source>The models are not loaded yet: export needs them to render the expressions.</source>
        <translation>モデルがまだ読み込まれていません。エクスポートでは表情のレンダリングにモデルが必要です。</translation>
    </message>
    <message>
        <source>Open a usable character image first: export renders every expression with it.</source>
        <translation>先に使用できるキャラクター画像を開いてください。エクスポートではその画像ですべての表情をレンダリングします。</translation>
    </message>
</context>
<context>
    <name>ths::StudioSettings</name>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
</context>
</TS>
