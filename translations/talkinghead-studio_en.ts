<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Talkinghead Studio is free software: you can redistribute it and/or modify it under the terms of the &lt;a href=&quot;%1&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or any later version. It comes with no warranty.</source>
        <translation>Talkinghead Studio is free software: you can redistribute it and/or modify it under the terms of the &lt;a href=&quot;%1&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or any later version. It comes with no warranty.</translation>
    </message>
    <message>
        <source>The THA3 networks and their weights are by Pramook Khungurn (&lt;a href=&quot;%1&quot;&gt;Talking Head(?) Anime from a Single Image 3&lt;/a&gt;). The weights are used unmodified under the &lt;a href=&quot;%2&quot;&gt;Creative Commons Attribution 4.0&lt;/a&gt; licence.</source>
        <translation>The THA3 networks and their weights are by Pramook Khungurn (&lt;a href=&quot;%1&quot;&gt;Talking Head(?) Anime from a Single Image 3&lt;/a&gt;). The weights are used unmodified under the &lt;a href=&quot;%2&quot;&gt;Creative Commons Attribution 4.0&lt;/a&gt; licence.</translation>
    </message>
    <message>
        <source>The example character “lambda” is © Pramook Khungurn, drawn by garun, under the &lt;a href=&quot;%1&quot;&gt;Creative Commons Attribution-NonCommercial 4.0&lt;/a&gt; licence: not for commercial use. Use your own character for anything else.</source>
        <translation>The example character “lambda” is © Pramook Khungurn, drawn by garun, under the &lt;a href=&quot;%1&quot;&gt;Creative Commons Attribution-NonCommercial 4.0&lt;/a&gt; licence: not for commercial use. Use your own character for anything else.</translation>
    </message>
    <message>
        <source>Built with Qt (LGPL-3.0), LibTorch (BSD-3-Clause), eSpeak NG (GPL-3.0-or-later) and QCoro (MIT).</source>
        <translation>Built with Qt (LGPL-3.0), LibTorch (BSD-3-Clause), eSpeak NG (GPL-3.0-or-later) and QCoro (MIT).</translation>
    </message>
    <message>
        <source>About Talkinghead Studio</source>
        <translation>About Talkinghead Studio</translation>
    </message>
    <message>
        <source>Animates an anime character from one image, on your own computer.</source>
        <translation>Animates an anime character from one image, on your own computer.</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Model and example character</source>
        <translation>Model and example character</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Libraries</translation>
    </message>
</context>
<context>
    <name>BackgroundPicker</name>
    <message>
        <source>Checkerboard</source>
        <translation>Checkerboard</translation>
    </message>
    <message>
        <source>White</source>
        <translation>White</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Black</translation>
    </message>
    <message>
        <source>Green screen</source>
        <translation>Green screen</translation>
    </message>
    <message>
        <source>Custom colour…</source>
        <translation>Custom colour…</translation>
    </message>
    <message>
        <source>Custom (%1)</source>
        <translation>Custom (%1)</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>Background colour</translation>
    </message>
</context>
<context>
    <name>CharacterPanel</name>
    <message>
        <source>Character</source>
        <translation>Character</translation>
    </message>
    <message>
        <source>The image to animate: a 512×512 PNG with a transparent background and the head inside the box marked on the overlay. Open a file, drop one here or pick a recent one.</source>
        <translation>The image to animate: a 512×512 PNG with a transparent background and the head inside the box marked on the overlay. Open a file, drop one here or pick a recent one.</translation>
    </message>
    <message>
        <source>Open character image</source>
        <translation>Open character image</translation>
    </message>
    <message>
        <source>Images (*.png *.webp *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)</source>
        <translation>Images (*.png *.webp *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Open image…</translation>
    </message>
    <message>
        <source>Open a character image (Ctrl+O)</source>
        <translation>Open a character image (Ctrl+O)</translation>
    </message>
    <message>
        <source>Save fixed copy</source>
        <translation>Save fixed copy</translation>
    </message>
    <message>
        <source>Save the image as the studio uses it (resized, transparent pixels cleared) beside the original. The original file is never changed.</source>
        <translation>Save the image as the studio uses it (resized, transparent pixels cleared) beside the original. The original file is never changed.</translation>
    </message>
    <message>
        <source>Checking the image…</source>
        <translation>Checking the image…</translation>
    </message>
    <message>
        <source>Saved the fixed copy as %1</source>
        <translation>Saved the fixed copy as %1</translation>
    </message>
    <message>
        <source>This image cannot be animated yet: fix the errors below.</source>
        <translation>This image cannot be animated yet: fix the errors below.</translation>
    </message>
    <message>
        <source>The image can be used, but check the warnings below.</source>
        <translation>The image can be used, but check the warnings below.</translation>
    </message>
    <message>
        <source>The image is ready to animate.</source>
        <translation>The image is ready to animate.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Show what was checked</source>
        <translation>Show what was checked</translation>
    </message>
    <message>
        <source>Transparent area (tinted blue)</source>
        <translation>Transparent area (tinted blue)</translation>
    </message>
    <message>
        <source>Head box: the head must fit inside</source>
        <translation>Head box: the head must fit inside</translation>
    </message>
    <message>
        <source>Top of the head, in the allowed rows</source>
        <translation>Top of the head, in the allowed rows</translation>
    </message>
    <message>
        <source>Top of the head, outside the allowed rows</source>
        <translation>Top of the head, outside the allowed rows</translation>
    </message>
    <message>
        <source>Recent characters</source>
        <translation>Recent characters</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <source>No character yet. Drag an image file from your file manager onto this window, or use Open image…</source>
        <translation>No character yet. Drag an image file from your file manager onto this window, or use Open image…</translation>
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
        <translation>Weights missing</translation>
    </message>
    <message>
        <source>The models could not be loaded</source>
        <translation>The models could not be loaded</translation>
    </message>
    <message>
        <source>The studio needs the Talking Head Anime 3 weights of the variant “%1”. These files were not found:</source>
        <translation>The studio needs the Talking Head Anime 3 weights of the variant “%1”. These files were not found:</translation>
    </message>
    <message>
        <source>Put the five files of the variant into %2 (the models folder is %1). separable_float is installed by scripts/run; the other variants come from the THA3 demo&apos;s model archive. Then press Retry.</source>
        <translation>Put the five files of the variant into %2 (the models folder is %1). separable_float is installed by scripts/run; the other variants come from the THA3 demo&apos;s model archive. Then press Retry.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Open settings</translation>
    </message>
</context>
<context>
    <name>ExpressionPanel</name>
    <message>
        <source>Expressions</source>
        <translation>Expressions</translation>
    </message>
    <message>
        <source>The 28 built-in emotions and your own presets. Double-click or press Enter to apply one to the pose.</source>
        <translation>The 28 built-in emotions and your own presets. Double-click or press Enter to apply one to the pose.</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>modified</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>custom</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Save pose as…</source>
        <translation>Save pose as…</translation>
    </message>
    <message>
        <source>Save the current pose as a preset</source>
        <translation>Save the current pose as a preset</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Restore original</source>
        <translation>Restore original</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Expressions are stored in the _emotions.json format of Talking Head Anime 3 and SillyTavern.</source>
        <translation>Expressions are stored in the _emotions.json format of Talking Head Anime 3 and SillyTavern.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>Export all…</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>Export selected…</translation>
    </message>
    <message>
        <source>Batch export</source>
        <translation>Batch export</translation>
    </message>
    <message>
        <source>Renders every expression with the current character into a folder: &lt;name&gt;.png and &lt;name&gt;.json for each, and _emotions.json with all of them.</source>
        <translation>Renders every expression with the current character into a folder: &lt;name&gt;.png and &lt;name&gt;.json for each, and _emotions.json with all of them.</translation>
    </message>
    <message>
        <source>Waiting for the models to load.</source>
        <translation>Waiting for the models to load.</translation>
    </message>
    <message>
        <source>Open a usable character image first.</source>
        <translation>Open a usable character image first.</translation>
    </message>
    <message>
        <source>Export images…</source>
        <translation>Export images…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Rendering %1 (%2 of %3)</source>
        <translation>Rendering %1 (%2 of %3)</translation>
    </message>
    <message>
        <source>Save pose as preset</source>
        <translation>Save pose as preset</translation>
    </message>
    <message>
        <source>Name of the preset. A built-in emotion&apos;s name replaces that emotion with your pose.</source>
        <translation>Name of the preset. A built-in emotion&apos;s name replaces that emotion with your pose.</translation>
    </message>
    <message>
        <source>e.g. smug</source>
        <translation>e.g. smug</translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation>Rename preset</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Delete preset</translation>
    </message>
    <message>
        <source>Replace your version of “%1” with the built-in one?</source>
        <translation>Replace your version of “%1” with the built-in one?</translation>
    </message>
    <message>
        <source>Delete the preset “%1”?</source>
        <translation>Delete the preset “%1”?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Overwrite files?</source>
        <translation>Overwrite files?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>Import expressions</source>
        <translation>Import expressions</translation>
    </message>
    <message>
        <source>Expression files (*.json)</source>
        <translation>Expression files (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Export all expressions</source>
        <translation>Export all expressions</translation>
    </message>
    <message>
        <source>Export expression</source>
        <translation>Export expression</translation>
    </message>
    <message>
        <source>Export images into folder</source>
        <translation>Export images into folder</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in this folder will be replaced.</source>
        <translation>
            <numerusform>%n file in this folder will be replaced.</numerusform>
            <numerusform>%n files in this folder will be replaced.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageDrop</name>
    <message>
        <source>Drop the image to open it as the character</source>
        <translation>Drop the image to open it as the character</translation>
    </message>
</context>
<context>
    <name>ImageImport</name>
    <message>
        <source>the image</source>
        <translation>the image</translation>
    </message>
    <message>
        <source>Every pixel is fully transparent, so there is no character to animate. Check that the export kept the character layer.</source>
        <translation>Every pixel is fully transparent, so there is no character to animate. Check that the export kept the character layer.</translation>
    </message>
    <message>
        <source>The image has an alpha channel but no transparent pixels. THA3 needs the background removed (transparent), otherwise the background is animated as part of the character.</source>
        <translation>The image has an alpha channel but no transparent pixels. THA3 needs the background removed (transparent), otherwise the background is animated as part of the character.</translation>
    </message>
    <message>
        <source>%1% of the pixels along the edge of the image are opaque: the background does not seem to be transparent. Remove it so that only the character is left.</source>
        <translation>%1% of the pixels along the edge of the image are opaque: the background does not seem to be transparent. Remove it so that only the character is left.</translation>
    </message>
    <message>
        <source>The character barely reaches columns %1–%2, where THA3 expects the head. Centre it horizontally with its head in the box x %1–%2, y %3–%4.</source>
        <translation>The character barely reaches columns %1–%2, where THA3 expects the head. Centre it horizontally with its head in the box x %1–%2, y %3–%4.</translation>
    </message>
    <message>
        <source>The top of the head is at row %1, higher than THA3 expects (rows %2–%3): the head is probably too large or too high. Scale the character down or move it lower so the head fits the box x %4–%5, y %6–%7.</source>
        <translation>The top of the head is at row %1, higher than THA3 expects (rows %2–%3): the head is probably too large or too high. Scale the character down or move it lower so the head fits the box x %4–%5, y %6–%7.</translation>
    </message>
    <message>
        <source>The top of the head is at row %1, lower than THA3 expects (rows %2–%3): the character is probably too small or too low, and its mouth may fall outside the area that THA3 animates. Scale it up or move it higher so the head fits the box x %4–%5, y %6–%7.</source>
        <translation>The top of the head is at row %1, lower than THA3 expects (rows %2–%3): the character is probably too small or too low, and its mouth may fall outside the area that THA3 animates. Scale it up or move it higher so the head fits the box x %4–%5, y %6–%7.</translation>
    </message>
    <message>
        <source>Only %1% of the head box (x %2–%3, y %4–%5) is opaque: the head does not seem to be in it. The character may be off-centre or too small.</source>
        <translation>Only %1% of the head box (x %2–%3, y %4–%5) is opaque: the head does not seem to be in it. The character may be off-centre or too small.</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels, too large to decode (limit %4 MiB of pixel data). Scale it down to about 1024×1024 first.</source>
        <translation>%1 is %2×%3 pixels, too large to decode (limit %4 MiB of pixel data). Scale it down to about 1024×1024 first.</translation>
    </message>
    <message>
        <source>Cannot decode %1 as an image (%2). Save it as a PNG with transparency.</source>
        <translation>Cannot decode %1 as an image (%2). Save it as a PNG with transparency.</translation>
    </message>
    <message>
        <source>The file holds %1 frames; only the first one is used.</source>
        <translation>The file holds %1 frames; only the first one is used.</translation>
    </message>
    <message>
        <source>not usable — errors: %1, warnings: %2</source>
        <translation>not usable — errors: %1, warnings: %2</translation>
    </message>
    <message>
        <source>usable — warnings: %1</source>
        <translation>usable — warnings: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>The file %1 does not exist.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 is not a file.</translation>
    </message>
    <message>
        <source>The file %1 is empty (0 bytes).</source>
        <translation>The file %1 is empty (0 bytes).</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>Cannot open %1: %2.</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes).</source>
        <translation>%1 is empty (0 bytes).</translation>
    </message>
    <message>
        <source>%1 holds no pixels.</source>
        <translation>%1 holds no pixels.</translation>
    </message>
    <message>
        <source>%1 has no alpha channel. THA3 needs the character on a transparent background: remove the background and export as PNG (or WebP) with transparency.</source>
        <translation>%1 has no alpha channel. THA3 needs the character on a transparent background: remove the background and export as PNG (or WebP) with transparency.</translation>
    </message>
    <message>
        <source>The image is %1×%2, not square; only its centre %3×%3 square (from x %4, y %5) is used. Check that the head is still inside.</source>
        <translation>The image is %1×%2, not square; only its centre %3×%3 square (from x %4, y %5) is used. Check that the head is still inside.</translation>
    </message>
    <message>
        <source>The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was shrunk to 512×512.</source>
        <translation>The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was shrunk to 512×512.</translation>
    </message>
    <message>
        <source>The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was enlarged to 512×512.</source>
        <translation>The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was enlarged to 512×512.</translation>
    </message>
    <message>
        <source>The image is only %1 pixels on its short side, so it is enlarged %2×: the animated face will look blurred. Use a source of at least 512×512.</source>
        <translation>The image is only %1 pixels on its short side, so it is enlarged %2×: the animated face will look blurred. Use a source of at least 512×512.</translation>
    </message>
    <message>
        <source>%1 fully transparent pixels carried a colour; it was set to black, as THA3 requires. Save a fixed copy to store the cleaned image.</source>
        <translation>%1 fully transparent pixels carried a colour; it was set to black, as THA3 requires. Save a fixed copy to store the cleaned image.</translation>
    </message>
    <message>
        <source>There is no image to save for %1.</source>
        <translation>There is no image to save for %1.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>Cannot create %1: %2.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>Cannot write %1: %2.</translation>
    </message>
    <message>
        <source>Cannot save a fixed copy of %1: %2 fixed copies already exist.</source>
        <translation>Cannot save a fixed copy of %1: %2 fixed copies already exist.</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Loading models…</source>
        <translation>Loading models…</translation>
    </message>
    <message>
        <source>Variant %1 on %2. This takes a few seconds.</source>
        <translation>Variant %1 on %2. This takes a few seconds.</translation>
    </message>
</context>
<context>
    <name>LookEditor</name>
    <message>
        <source>HDR sci-fi hologram</source>
        <translation>HDR sci-fi hologram</translation>
    </message>
    <message>
        <source>Cheap camera, amber monitor</source>
        <translation>Cheap camera, amber monitor</translation>
    </message>
    <message>
        <source>HDR, cheap camera, 1980s VHS</source>
        <translation>HDR, cheap camera, 1980s VHS</translation>
    </message>
</context>
<context>
    <name>LookPanel</name>
    <message>
        <source>Look</source>
        <translation>Look</translation>
    </message>
    <message>
        <source>Filters applied to every frame: the preview, the server&apos;s stream and recordings.</source>
        <translation>Filters applied to every frame: the preview, the server&apos;s stream and recordings.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>Use preset</source>
        <translation>Use preset</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Add filter</source>
        <translation>Add filter</translation>
    </message>
    <message>
        <source>No filters: frames are shown as rendered.</source>
        <translation>No filters: frames are shown as rendered.</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>Move %1 up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>Move %1 down</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <source>Load from _animator.json…</source>
        <translation>Load from _animator.json…</translation>
    </message>
    <message>
        <source>Save to _animator.json…</source>
        <translation>Save to _animator.json…</translation>
    </message>
    <message>
        <source>Load a look</source>
        <translation>Load a look</translation>
    </message>
    <message>
        <source>Animator settings (*.json)</source>
        <translation>Animator settings (*.json)</translation>
    </message>
    <message>
        <source>Save the look</source>
        <translation>Save the look</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Character</source>
        <translation>Character</translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>Pose</translation>
    </message>
    <message>
        <source>Expressions</source>
        <translation>Expressions</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Speech</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Talkinghead Studio</source>
        <translation>Talkinghead Studio</translation>
    </message>
    <message>
        <source>Puppeteer</source>
        <translation>Puppeteer</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Look</translation>
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
        <translation>Sections</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Models ready</source>
        <translation>Models ready</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>Loading models…</translation>
    </message>
    <message>
        <source>Models not loaded</source>
        <translation>Models not loaded</translation>
    </message>
    <message>
        <source>Models unavailable</source>
        <translation>Models unavailable</translation>
    </message>
    <message>
        <source>Server running</source>
        <translation>Server running</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Server stopped</translation>
    </message>
</context>
<context>
    <name>PoseGroupSection</name>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>Reset %1</translation>
    </message>
    <message>
        <source>Set every parameter of this group back to its default</source>
        <translation>Set every parameter of this group back to its default</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Shape</translation>
    </message>
    <message>
        <source>%1 shape</source>
        <translation>%1 shape</translation>
    </message>
    <message>
        <source>%1 (in use)</source>
        <translation>%1 (in use)</translation>
    </message>
</context>
<context>
    <name>PosePanel</name>
    <message>
        <source>Pose</source>
        <translation>Pose</translation>
    </message>
    <message>
        <source>Drag a slider or type a value. Every drag is one step of undo (Ctrl+Z) and redo (Ctrl+Shift+Z).</source>
        <translation>Drag a slider or type a value. Every drag is one step of undo (Ctrl+Z) and redo (Ctrl+Shift+Z).</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Undo %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Redo %1</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Reset all</translation>
    </message>
    <message>
        <source>Link left and right</source>
        <translation>Link left and right</translation>
    </message>
    <message>
        <source>Moving a left or right parameter moves its twin on the other side too</source>
        <translation>Moving a left or right parameter moves its twin on the other side too</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>Animate</translation>
    </message>
    <message>
        <source>Idle animation: blinking, breathing and a slight sway around the pose</source>
        <translation>Idle animation: blinking, breathing and a slight sway around the pose</translation>
    </message>
    <message>
        <source>Character preview</source>
        <translation>Character preview</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Fit the preview to the pane (Ctrl+0)</source>
        <translation>Fit the preview to the pane (Ctrl+0)</translation>
    </message>
    <message>
        <source>Animated: %1 fps</source>
        <translation>Animated: %1 fps</translation>
    </message>
    <message>
        <source>%1 ms/frame · %2 fps · %3 rendered, %4 skipped</source>
        <translation>%1 ms/frame · %2 fps · %3 rendered, %4 skipped</translation>
    </message>
    <message>
        <source>No frame rendered yet</source>
        <translation>No frame rendered yet</translation>
    </message>
    <message>
        <source>No character loaded</source>
        <translation>No character loaded</translation>
    </message>
    <message>
        <source>Open an image or drop it here.</source>
        <translation>Open an image or drop it here.</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Open image…</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Rendering…</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>Recording length in seconds</source>
        <translation>Recording length in seconds</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Recording progress</source>
        <translation>Recording progress</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Recorded to %1</source>
        <translation>Recorded to %1</translation>
    </message>
    <message>
        <source>Record the character</source>
        <translation>Record the character</translation>
    </message>
    <message>
        <source>WebM video with transparency (*.webm)</source>
        <translation>WebM video with transparency (*.webm)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 video (*.mp4)</translation>
    </message>
</context>
<context>
    <name>PuppeteerPanel</name>
    <message>
        <source>Puppeteer</source>
        <translation>Puppeteer</translation>
    </message>
    <message>
        <source>Drive the character with your own face: the iFacialMocap app on an iPhone, or any program that sends the VMC protocol (a webcam with VSeeFace, VMagicMirror, Warudo, XR Animator). Channels the tracker does not send, such as breathing, keep the idle animation.</source>
        <translation>Drive the character with your own face: the iFacialMocap app on an iPhone, or any program that sends the VMC protocol (a webcam with VSeeFace, VMagicMirror, Warudo, XR Animator). Channels the tracker does not send, such as breathing, keep the idle animation.</translation>
    </message>
    <message>
        <source>Record a take</source>
        <translation>Record a take</translation>
    </message>
    <message>
        <source>Takes (*.jsonl)</source>
        <translation>Takes (*.jsonl)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>Open a recording</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>iFacialMocap (iPhone)</source>
        <translation>iFacialMocap (iPhone)</translation>
    </message>
    <message>
        <source>VMC protocol</source>
        <translation>VMC protocol</translation>
    </message>
    <message>
        <source>Recorded take</source>
        <translation>Recorded take</translation>
    </message>
    <message>
        <source>Phone address</source>
        <translation>Phone address</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20</source>
        <translation>e.g. 192.168.1.20</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>none: open a recording below</source>
        <translation>none: open a recording below</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Calibrate</source>
        <translation>Calibrate</translation>
    </message>
    <message>
        <source>Look straight ahead with a relaxed face: this becomes the rest pose.</source>
        <translation>Look straight ahead with a relaxed face: this becomes the rest pose.</translation>
    </message>
    <message>
        <source>Clear calibration</source>
        <translation>Clear calibration</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>Record…</translation>
    </message>
    <message>
        <source>Open recording…</source>
        <translation>Open recording…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <source>No face (tracking lost)</source>
        <translation>No face (tracking lost)</translation>
    </message>
    <message>
        <source>%1 packets/s</source>
        <translation>%1 packets/s</translation>
    </message>
    <message>
        <source>no packet yet</source>
        <translation>no packet yet</translation>
    </message>
    <message>
        <source>last packet %1 ms ago</source>
        <translation>last packet %1 ms ago</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 rejected</translation>
    </message>
    <message>
        <source>listening on UDP %1</source>
        <translation>listening on UDP %1</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>recording</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Eyebrows down</source>
        <translation>Eyebrows down</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>Angry</translation>
    </message>
    <message>
        <source>Troubled</source>
        <translation>Troubled</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>Serious</translation>
    </message>
    <message>
        <source>Lowered</source>
        <translation>Lowered</translation>
    </message>
    <message>
        <source>Wink</source>
        <translation>Wink</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>Relaxed</translation>
    </message>
    <message>
        <source>Eyebrow gain</source>
        <translation>Eyebrow gain</translation>
    </message>
    <message>
        <source>Eye gain</source>
        <translation>Eye gain</translation>
    </message>
    <message>
        <source>Iris gain</source>
        <translation>Iris gain</translation>
    </message>
    <message>
        <source>Mouth gain</source>
        <translation>Mouth gain</translation>
    </message>
    <message>
        <source>Head gain</source>
        <translation>Head gain</translation>
    </message>
    <message>
        <source>Body gain</source>
        <translation>Body gain</translation>
    </message>
    <message>
        <source>Smoothing (One Euro filter)</source>
        <translation>Smoothing (One Euro filter)</translation>
    </message>
    <message>
        <source>Cut-off at rest (Hz)</source>
        <translation>Cut-off at rest (Hz)</translation>
    </message>
    <message>
        <source>Speed coefficient</source>
        <translation>Speed coefficient</translation>
    </message>
    <message>
        <source>Tracked values</source>
        <translation>Tracked values</translation>
    </message>
    <message>
        <source>No face yet.</source>
        <translation>No face yet.</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>none (anyone on the network may connect)</source>
        <translation>none (anyone on the network may connect)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Generate key</source>
        <translation>Generate key</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>Stop server</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>Start server</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>Copy URL</translation>
    </message>
    <message>
        <source>Copy the URL for SillyTavern to the clipboard</source>
        <translation>Copy the URL for SillyTavern to the clipboard</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>Running at %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message numerus="yes">
        <source>%n viewer(s) connected</source>
        <translation>
            <numerusform>%n viewer connected</numerusform>
            <numerusform>%n viewers connected</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent requests</source>
        <translation>Recent requests</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>No requests yet.</translation>
    </message>
    <message>
        <source>Serve the character to SillyTavern&apos;s Talkinghead extension. Start the server, copy the URL and paste it into SillyTavern. Only web pages opened on this computer may use it, unless the host is 0.0.0.0 (every network): then any page may, so set an API key.</source>
        <translation>Serve the character to SillyTavern&apos;s Talkinghead extension. Start the server, copy the URL and paste it into SillyTavern. Only web pages opened on this computer may use it, unless the host is 0.0.0.0 (every network): then any page may, so set an API key.</translation>
    </message>
    <message>
        <source>SillyTavern</source>
        <translation>SillyTavern</translation>
    </message>
    <message>
        <source>SillyTavern 1.13 and newer need the Talkinghead Studio extension to show this character. Choose your SillyTavern folder (the one with server.js) to install it for its default user.</source>
        <translation>SillyTavern 1.13 and newer need the Talkinghead Studio extension to show this character. Choose your SillyTavern folder (the one with server.js) to install it for its default user.</translation>
    </message>
    <message>
        <source>Install into SillyTavern…</source>
        <translation>Install into SillyTavern…</translation>
    </message>
    <message>
        <source>Choose the SillyTavern folder</source>
        <translation>Choose the SillyTavern folder</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Changes are saved right away and kept for the next start.</source>
        <translation>Changes are saved right away and kept for the next start.</translation>
    </message>
    <message>
        <source>Separable, 32-bit (default, fastest)</source>
        <translation>Separable, 32-bit (default, fastest)</translation>
    </message>
    <message>
        <source>Separable, 16-bit</source>
        <translation>Separable, 16-bit</translation>
    </message>
    <message>
        <source>Standard, 32-bit (best quality, slower)</source>
        <translation>Standard, 32-bit (best quality, slower)</translation>
    </message>
    <message>
        <source>Standard, 16-bit</source>
        <translation>Standard, 16-bit</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Weight files missing</source>
        <translation>Weight files missing</translation>
    </message>
    <message>
        <source>Failed to load</source>
        <translation>Failed to load</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variant</translation>
    </message>
    <message>
        <source>Model variant</source>
        <translation>Model variant</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Device is “cpu”, “cuda” or “cuda:N”. Threads: 0 lets the engine choose.</source>
        <translation>Device is “cpu”, “cuda” or “cuda:N”. Threads: 0 lets the engine choose.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ready (loaded in %1 s)</source>
        <translation>Ready (loaded in %1 s)</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Models folder</translation>
    </message>
    <message>
        <source>Reload models</source>
        <translation>Reload models</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Preview background</source>
        <translation>Preview background</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Precision: automatic computes in bf16 on processors that have it (faster; edges may differ from fp32 by a level or two), in fp16 for the 16-bit variants on a GPU, and in fp32 otherwise.</source>
        <translation>Precision: automatic computes in bf16 on processors that have it (faster; edges may differ from fp32 by a level or two), in fp16 for the 16-bit variants on a GPU, and in fp32 otherwise.</translation>
    </message>
    <message>
        <source>Computing in</source>
        <translation>Computing in</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Speech</translation>
    </message>
    <message>
        <source>Pre-rendered mouth shapes</source>
        <translation>Pre-rendered mouth shapes</translation>
    </message>
    <message>
        <source>Pre-rendered mouth shapes: where a frame takes longer to render than the frame rate allows, the head holds still while the character speaks and the mouth plays from pictures of each shape rendered ahead of time (kept on disk per character and emotion), so it moves at the full frame rate.</source>
        <translation>Pre-rendered mouth shapes: where a frame takes longer to render than the frame rate allows, the head holds still while the character speaks and the mouth plays from pictures of each shape rendered ahead of time (kept on disk per character and emotion), so it moves at the full frame rate.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>About Talkinghead Studio…</source>
        <translation>About Talkinghead Studio…</translation>
    </message>
</context>
<context>
    <name>SpeechPanel</name>
    <message>
        <source>Speech</source>
        <translation>Speech</translation>
    </message>
    <message>
        <source>Let the character say a sentence, or play an audio file with the mouth moving in sync.</source>
        <translation>Let the character say a sentence, or play an audio file with the mouth moving in sync.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>English (US)</source>
        <translation>English (US)</translation>
    </message>
    <message>
        <source>Chinese (Mandarin)</source>
        <translation>Chinese (Mandarin)</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japanese</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message>
        <source>What should the character say?</source>
        <translation>What should the character say?</translation>
    </message>
    <message>
        <source>Text to speak</source>
        <translation>Text to speak</translation>
    </message>
    <message>
        <source>Speak</source>
        <translation>Speak</translation>
    </message>
    <message>
        <source>Speak the text (Ctrl+Enter)</source>
        <translation>Speak the text (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Play audio file…</source>
        <translation>Play audio file…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Top: audio level. Bottom: mouth opening by vowel:</source>
        <translation>Top: audio level. Bottom: mouth opening by vowel:</translation>
    </message>
    <message>
        <source>Audio/video sync</source>
        <translation>Audio/video sync</translation>
    </message>
    <message>
        <source>Mouth offset</source>
        <translation>Mouth offset</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Mouth offset in milliseconds</source>
        <translation>Mouth offset in milliseconds</translation>
    </message>
    <message>
        <source>Positive values move the mouth later, for audio devices that play with a delay.</source>
        <translation>Positive values move the mouth later, for audio devices that play with a delay.</translation>
    </message>
    <message>
        <source>Play audio file</source>
        <translation>Play audio file</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.mp3 *.ogg *.flac *.m4a *.opus)</source>
        <translation>Audio files (*.wav *.mp3 *.ogg *.flac *.m4a *.opus)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>en</source>
        <extracomment>The code of this translation: en, zh_CN or ja. Never shown; a change tells the UI that the language changed.</extracomment>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <source>Waveform and mouth timeline</source>
        <translation>Waveform and mouth timeline</translation>
    </message>
    <message>
        <source>Speak a sentence or play a file to see its waveform and mouth shapes here.</source>
        <translation>Speak a sentence or play a file to see its waveform and mouth shapes here.</translation>
    </message>
</context>
<context>
    <name>ths::BatchExporter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: cannot write: %2</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>An export is already running.</translation>
    </message>
    <message>
        <source>The models are not loaded yet.</source>
        <translation>The models are not loaded yet.</translation>
    </message>
    <message>
        <source>Open a character image first.</source>
        <translation>Open a character image first.</translation>
    </message>
    <message>
        <source>There are no expressions to export.</source>
        <translation>There are no expressions to export.</translation>
    </message>
    <message>
        <source>Choose a folder to export into.</source>
        <translation>Choose a folder to export into.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Cannot create the folder %1.</translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 expressions.</source>
        <translation>Export cancelled after %1 of %2 expressions.</translation>
    </message>
    <message>
        <source>Rendering &quot;%1&quot; failed: %2</source>
        <translation>Rendering &quot;%1&quot; failed: %2</translation>
    </message>
    <message>
        <source>Exported %1 expressions to %2.</source>
        <translation>Exported %1 expressions to %2.</translation>
    </message>
</context>
<context>
    <name>ths::CharacterController</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>Open a character first.</source>
        <translation>Open a character first.</translation>
    </message>
</context>
<context>
    <name>ths::EngineController</name>
    <message>
        <source>Unknown model variant &quot;%1&quot; (expected one of: %2).</source>
        <translation>Unknown model variant &quot;%1&quot; (expected one of: %2).</translation>
    </message>
    <message numerus="yes">
        <source>%n model file(s) missing in %1.</source>
        <translation>
            <numerusform>%n model file missing in %1.</numerusform>
            <numerusform>%n model files missing in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ths::ExpressionLibrary</name>
    <message>
        <source>no file chosen</source>
        <translation>no file chosen</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: cannot write: %2</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>invalid JSON at offset %1: %2</translation>
    </message>
    <message>
        <source>not a JSON object (expected {&quot;emotion&quot;: {parameter: value, …}})</source>
        <translation>not a JSON object (expected {&quot;emotion&quot;: {parameter: value, …}})</translation>
    </message>
    <message>
        <source>no expressions in the file</source>
        <translation>no expressions in the file</translation>
    </message>
    <message>
        <source>a pose without an emotion name; expected {&quot;emotion&quot;: {parameter: value, …}}</source>
        <translation>a pose without an emotion name; expected {&quot;emotion&quot;: {parameter: value, …}}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used as an expression name</source>
        <translation>&quot;%1&quot; cannot be used as an expression name</translation>
    </message>
    <message>
        <source>emotion &quot;%1&quot;: not an object of parameter values</source>
        <translation>emotion &quot;%1&quot;: not an object of parameter values</translation>
    </message>
    <message>
        <source>emotion &quot;%1&quot;: %2</source>
        <translation>emotion &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>%1: %2. Your saved expressions could not be read; the file is left as it is and will be kept as %1.bak when you next change an expression.</source>
        <translation>%1: %2. Your saved expressions could not be read; the file is left as it is and will be kept as %1.bak when you next change an expression.</translation>
    </message>
    <message>
        <source>Expression &quot;%1&quot;: %2</source>
        <translation>Expression &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>There is no expression &quot;%1&quot;.</source>
        <translation>There is no expression &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in emotion and cannot be renamed.</source>
        <translation>&quot;%1&quot; is a built-in emotion and cannot be renamed.</translation>
    </message>
    <message>
        <source>An expression named &quot;%1&quot; already exists.</source>
        <translation>An expression named &quot;%1&quot; already exists.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in emotion and cannot be deleted.</source>
        <translation>&quot;%1&quot; is a built-in emotion and cannot be deleted.</translation>
    </message>
    <message>
        <source>%1: not a local file</source>
        <translation>%1: not a local file</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: cannot open: %2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder; the change is kept until the studio closes.</source>
        <translation>%1: cannot create the folder; the change is kept until the studio closes.</translation>
    </message>
    <message>
        <source>%1: cannot back up the unreadable file to %2; it was not overwritten.</source>
        <translation>%1: cannot back up the unreadable file to %2; it was not overwritten.</translation>
    </message>
    <message>
        <source>An expression needs a name.</source>
        <translation>An expression needs a name.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is reserved and cannot be used as an expression name.</source>
        <translation>&quot;%1&quot; is reserved and cannot be used as an expression name.</translation>
    </message>
</context>
<context>
    <name>ths::LanguageSwitcher</name>
    <message>
        <source>No translation for &quot;%1&quot; (%2 is missing or unreadable); the studio stays in English.</source>
        <translation>No translation for &quot;%1&quot; (%2 is missing or unreadable); the studio stays in English.</translation>
    </message>
</context>
<context>
    <name>ths::PoseEditorModel</name>
    <message>
        <source>Eyebrow</source>
        <translation>Eyebrow</translation>
    </message>
    <message>
        <source>Eye</source>
        <translation>Eye</translation>
    </message>
    <message>
        <source>Iris</source>
        <translation>Iris</translation>
    </message>
    <message>
        <source>Mouth</source>
        <translation>Mouth</translation>
    </message>
    <message>
        <source>Iris rotation</source>
        <translation>Iris rotation</translation>
    </message>
    <message>
        <source>Head and neck</source>
        <translation>Head and neck</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Breathing</translation>
    </message>
    <message>
        <source>Troubled</source>
        <translation>Troubled</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>Angry</translation>
    </message>
    <message>
        <source>Lowered</source>
        <translation>Lowered</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Happy</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>Serious</translation>
    </message>
    <message>
        <source>Wink</source>
        <translation>Wink</translation>
    </message>
    <message>
        <source>Happy wink</source>
        <translation>Happy wink</translation>
    </message>
    <message>
        <source>Surprised</source>
        <translation>Surprised</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>Relaxed</translation>
    </message>
    <message>
        <source>Unimpressed</source>
        <translation>Unimpressed</translation>
    </message>
    <message>
        <source>Raised lower eyelid</source>
        <translation>Raised lower eyelid</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>Small</translation>
    </message>
    <message>
        <source>aaa</source>
        <translation>aaa</translation>
    </message>
    <message>
        <source>iii</source>
        <translation>iii</translation>
    </message>
    <message>
        <source>uuu</source>
        <translation>uuu</translation>
    </message>
    <message>
        <source>eee</source>
        <translation>eee</translation>
    </message>
    <message>
        <source>ooo</source>
        <translation>ooo</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Delta</translation>
    </message>
    <message>
        <source>Lowered corner</source>
        <translation>Lowered corner</translation>
    </message>
    <message>
        <source>Raised corner</source>
        <translation>Raised corner</translation>
    </message>
    <message>
        <source>Smirk</source>
        <translation>Smirk</translation>
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
        <translation>Head X</translation>
    </message>
    <message>
        <source>Head Y</source>
        <translation>Head Y</translation>
    </message>
    <message>
        <source>Neck Z</source>
        <translation>Neck Z</translation>
    </message>
    <message>
        <source>Body Y</source>
        <translation>Body Y</translation>
    </message>
    <message>
        <source>Body Z</source>
        <translation>Body Z</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>Reset %1</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Reset all</translation>
    </message>
    <message>
        <source>Apply pose</source>
        <translation>Apply pose</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>ths::PuppeteerController</name>
    <message>
        <source>Enter the phone&apos;s address (iFacialMocap shows it on the phone).</source>
        <translation>Enter the phone&apos;s address (iFacialMocap shows it on the phone).</translation>
    </message>
    <message>
        <source>Calibrate while the tracker sends your face: look straight ahead with a relaxed face.</source>
        <translation>Calibrate while the tracker sends your face: look straight ahead with a relaxed face.</translation>
    </message>
    <message>
        <source>Start the puppeteer first.</source>
        <translation>Start the puppeteer first.</translation>
    </message>
</context>
<context>
    <name>ths::RecordingController</name>
    <message>
        <source>A recording is already running.</source>
        <translation>A recording is already running.</translation>
    </message>
    <message>
        <source>Load the models and a character first.</source>
        <translation>Load the models and a character first.</translation>
    </message>
    <message>
        <source>Recording cancelled.</source>
        <translation>Recording cancelled.</translation>
    </message>
</context>
<context>
    <name>ths::ServerController</name>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on (for example 127.0.0.1, or 0.0.0.0 for all interfaces).</source>
        <translation>&quot;%1&quot; is not an IP address to listen on (for example 127.0.0.1, or 0.0.0.0 for all interfaces).</translation>
    </message>
    <message>
        <source>The server could not start on %1 port %2: %3. Choose another port, or close the program that uses it.</source>
        <translation>The server could not start on %1 port %2: %3. Choose another port, or close the program that uses it.</translation>
    </message>
    <message>
        <source>%1 %2 %3 → %4 (%5 ms)</source>
        <translation>%1 %2 %3 → %4 (%5 ms)</translation>
    </message>
    <message>
        <source>Installed for SillyTavern %1 in %2. Reload SillyTavern&apos;s page; the settings are under Extensions → Talkinghead Studio.</source>
        <translation>Installed for SillyTavern %1 in %2. Reload SillyTavern&apos;s page; the settings are under Extensions → Talkinghead Studio.</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Not installed: %1</translation>
    </message>
</context>
<context>
    <name>ths::SpeechController</name>
    <message>
        <source>Type some text to speak.</source>
        <translation>Type some text to speak.</translation>
    </message>
    <message>
        <source>Choose a voice first.</source>
        <translation>Choose a voice first.</translation>
    </message>
    <message>
        <source>Cannot speak with voice &quot;%1&quot;: %2</source>
        <translation>Cannot speak with voice &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Cannot prepare the speech for playback: %1</source>
        <translation>Cannot prepare the speech for playback: %1</translation>
    </message>
    <message>
        <source>Only local audio files can be played (%1).</source>
        <translation>Only local audio files can be played (%1).</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>Cannot play this file: %1</source>
        <translation>Cannot play this file: %1</translation>
    </message>
    <message>
        <source>Cannot analyse %1: %2</source>
        <translation>Cannot analyse %1: %2</translation>
    </message>
    <message>
        <source>No audio output device: playing silently, the mouth still moves.</source>
        <translation>No audio output device: playing silently, the mouth still moves.</translation>
    </message>
    <message>
        <source>The audio output cannot play this clip: playing silently, the mouth still moves.</source>
        <translation>The audio output cannot play this clip: playing silently, the mouth still moves.</translation>
    </message>
    <message>
        <source>Audio playback failed (%1): playing silently, the mouth still moves.</source>
        <translation>Audio playback failed (%1): playing silently, the mouth still moves.</translation>
    </message>
</context>
<context>
    <name>ths::Studio</name>
    <message>
        <source>There is no expression named “%1”.</source>
        <translation>There is no expression named “%1”.</translation>
    </message>
    <message>
        <source>Apply expression “%1”</source>
        <translation>Apply expression “%1”</translation>
    </message>
    <message>
        <source>The models are not loaded yet: export needs them to render the expressions.</source>
        <translation>The models are not loaded yet: export needs them to render the expressions.</translation>
    </message>
    <message>
        <source>Open a usable character image first: export renders every expression with it.</source>
        <translation>Open a usable character image first: export renders every expression with it.</translation>
    </message>
</context>
<context>
    <name>ths::StudioSettings</name>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
</context>
</TS>
