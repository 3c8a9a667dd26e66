<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Talkinghead Studio is free software: you can redistribute it and/or modify it under the terms of the &lt;a href=&quot;%1&quot;&gt;GNU General Public License&lt;/a&gt;, version 3 or any later version. It comes with no warranty.</source>
        <translation>Talkinghead Studio 是自由软件：您可以依据 &lt;a href=&quot;%1&quot;&gt;GNU 通用公共许可证&lt;/a&gt;第 3 版或任何更高版本的条款重新发布和/或修改它。本软件不提供任何担保。</translation>
    </message>
    <message>
        <source>The THA3 networks and their weights are by Pramook Khungurn (&lt;a href=&quot;%1&quot;&gt;Talking Head(?) Anime from a Single Image 3&lt;/a&gt;). The weights are used unmodified under the &lt;a href=&quot;%2&quot;&gt;Creative Commons Attribution 4.0&lt;/a&gt; licence.</source>
        <translation>THA3 网络及其权重由 Pramook Khungurn 创作（&lt;a href=&quot;%1&quot;&gt;Talking Head(?) Anime from a Single Image 3&lt;/a&gt;）。权重未经修改，依据 &lt;a href=&quot;%2&quot;&gt;知识共享署名 4.0&lt;/a&gt; 许可协议使用。</translation>
    </message>
    <message>
        <source>The example character “lambda” is © Pramook Khungurn, drawn by garun, under the &lt;a href=&quot;%1&quot;&gt;Creative Commons Attribution-NonCommercial 4.0&lt;/a&gt; licence: not for commercial use. Use your own character for anything else.</source>
        <translation>示例角色“lambda”© Pramook Khungurn，由 garun 绘制，依据 &lt;a href=&quot;%1&quot;&gt;知识共享署名-非商业性使用 4.0&lt;/a&gt; 许可协议发布：不得用于商业用途。其他用途请使用您自己的角色。</translation>
    </message>
    <message>
        <source>Built with Qt (LGPL-3.0), LibTorch (BSD-3-Clause), eSpeak NG (GPL-3.0-or-later) and QCoro (MIT).</source>
        <translation>基于 Qt（LGPL-3.0）、LibTorch（BSD-3-Clause）、eSpeak NG（GPL-3.0-or-later）和 QCoro（MIT）构建。</translation>
    </message>
    <message>
        <source>About Talkinghead Studio</source>
        <translation>关于 Talkinghead Studio</translation>
    </message>
    <message>
        <source>Animates an anime character from one image, on your own computer.</source>
        <translation>在您自己的电脑上，用一张图片让动漫角色动起来。</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <source>Model and example character</source>
        <translation>模型与示例角色</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>程序库</translation>
    </message>
</context>
<context>
    <name>BackgroundPicker</name>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>黑色</translation>
    </message>
    <message>
        <source>Green screen</source>
        <translation>绿幕</translation>
    </message>
    <message>
        <source>Custom colour…</source>
        <translation>自定义颜色…</translation>
    </message>
    <message>
        <source>Custom (%1)</source>
        <translation>自定义（%1）</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>背景颜色</translation>
    </message>
</context>
<context>
    <name>CharacterPanel</name>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>The image to animate: a 512×512 PNG with a transparent background and the head inside the box marked on the overlay. Open a file, drop one here or pick a recent one.</source>
        <translation>要制作动画的图像：背景透明的 512×512 PNG，头部位于叠加层标出的方框内。可以打开文件、拖放到这里，或从最近使用的文件中选择。</translation>
    </message>
    <message>
        <source>Open character image</source>
        <translation>打开角色图像</translation>
    </message>
    <message>
        <source>Images (*.png *.webp *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)</source>
        <translation>图像 (*.png *.webp *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Open a character image (Ctrl+O)</source>
        <translation>打开角色图像（Ctrl+O）</translation>
    </message>
    <message>
        <source>Save fixed copy</source>
        <translation>保存修正后的副本</translation>
    </message>
    <message>
        <source>Save the image as the studio uses it (resized, transparent pixels cleared) beside the original. The original file is never changed.</source>
        <translation>将工作室实际使用的图像（已缩放、已清除透明像素）保存在原文件旁边。原文件永远不会被修改。</translation>
    </message>
    <message>
        <source>Checking the image…</source>
        <translation>正在检查图像…</translation>
    </message>
    <message>
        <source>Saved the fixed copy as %1</source>
        <translation>修正后的副本已保存为 %1</translation>
    </message>
    <message>
        <source>This image cannot be animated yet: fix the errors below.</source>
        <translation>此图像暂时无法用于动画：请修正下面列出的错误。</translation>
    </message>
    <message>
        <source>The image can be used, but check the warnings below.</source>
        <translation>此图像可以使用，但请查看下面的警告。</translation>
    </message>
    <message>
        <source>The image is ready to animate.</source>
        <translation>图像已可用于动画。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Show what was checked</source>
        <translation>显示检查内容</translation>
    </message>
    <message>
        <source>Transparent area (tinted blue)</source>
        <translation>透明区域（蓝色标示）</translation>
    </message>
    <message>
        <source>Head box: the head must fit inside</source>
        <translation>头部框：头部必须位于框内</translation>
    </message>
    <message>
        <source>Top of the head, in the allowed rows</source>
        <translation>头顶位置，在允许范围内</translation>
    </message>
    <message>
        <source>Top of the head, outside the allowed rows</source>
        <translation>头顶位置，超出允许范围</translation>
    </message>
    <message>
        <source>Recent characters</source>
        <translation>最近使用的角色</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>No character yet. Drag an image file from your file manager onto this window, or use Open image…</source>
        <translation>还没有角色。请从文件管理器把图像文件拖到此窗口，或使用“打开图像…”。</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>EngineProblemPage</name>
    <message>
        <source>Weights missing</source>
        <translation>缺少权重文件</translation>
    </message>
    <message>
        <source>The models could not be loaded</source>
        <translation>无法加载模型</translation>
    </message>
    <message>
        <source>The studio needs the Talking Head Anime 3 weights of the variant “%1”. These files were not found:</source>
        <translation>工作室需要变体“%1”的 Talking Head Anime 3 权重。未找到以下文件：</translation>
    </message>
    <message>
        <source>Put the five files of the variant into %2 (the models folder is %1). separable_float is installed by scripts/run; the other variants come from the THA3 demo&apos;s model archive. Then press Retry.</source>
        <translation>请把该变体的五个文件放入 %2（模型文件夹为 %1）。separable_float 由 scripts/run 安装；其他变体来自 THA3 演示程序的模型压缩包。然后点击“重试”。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>打开设置</translation>
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
        <translation>28 种内置情绪和你自己的预设。双击或按 Enter 将其应用到姿势。</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Save pose as…</source>
        <translation>将姿势另存为…</translation>
    </message>
    <message>
        <source>Save the current pose as a preset</source>
        <translation>将当前姿势保存为预设</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Restore original</source>
        <translation>恢复原始表情</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Expressions are stored in the _emotions.json format of Talking Head Anime 3 and SillyTavern.</source>
        <translation>表情以 Talking Head Anime 3 和 SillyTavern 使用的 _emotions.json 格式保存。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>全部导出…</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>导出所选…</translation>
    </message>
    <message>
        <source>Batch export</source>
        <translation>批量导出</translation>
    </message>
    <message>
        <source>Renders every expression with the current character into a folder: &lt;name&gt;.png and &lt;name&gt;.json for each, and _emotions.json with all of them.</source>
        <translation>用当前角色渲染每个表情并保存到文件夹：每个表情生成 &lt;name&gt;.png 和 &lt;name&gt;.json，另有包含全部表情的 _emotions.json。</translation>
    </message>
    <message>
        <source>Waiting for the models to load.</source>
        <translation>正在等待模型加载。</translation>
    </message>
    <message>
        <source>Open a usable character image first.</source>
        <translation>请先打开一张可用的角色图像。</translation>
    </message>
    <message>
        <source>Export images…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Rendering %1 (%2 of %3)</source>
        <translation>正在渲染 %1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>Save pose as preset</source>
        <translation>将姿势保存为预设</translation>
    </message>
    <message>
        <source>Name of the preset. A built-in emotion&apos;s name replaces that emotion with your pose.</source>
        <translation>预设名称。如果使用内置情绪的名称，将用你的姿势替换该情绪。</translation>
    </message>
    <message>
        <source>e.g. smug</source>
        <translation>例如 smug</translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation>重命名预设</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <source>Replace your version of “%1” with the built-in one?</source>
        <translation>要用内置版本替换你修改过的“%1”吗？</translation>
    </message>
    <message>
        <source>Delete the preset “%1”?</source>
        <translation>要删除预设“%1”吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Overwrite files?</source>
        <translation>覆盖文件？</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Import expressions</source>
        <translation>导入表情</translation>
    </message>
    <message>
        <source>Expression files (*.json)</source>
        <translation>表情文件 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Export all expressions</source>
        <translation>导出全部表情</translation>
    </message>
    <message>
        <source>Export expression</source>
        <translation>导出表情</translation>
    </message>
    <message>
        <source>Export images into folder</source>
        <translation>将图像导出到文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in this folder will be replaced.</source>
        <translation>
            <numerusform>此文件夹中的 %n 个文件将被替换。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageDrop</name>
    <message>
        <source>Drop the image to open it as the character</source>
        <translation>松开鼠标即可将图像作为角色打开</translation>
    </message>
</context>
<context>
    <name>ImageImport</name>
    <message>
        <source>the image</source>
        <translation>该图像</translation>
    </message>
    <message>
        <source>Every pixel is fully transparent, so there is no character to animate. Check that the export kept the character layer.</source>
        <translation>所有像素都是完全透明的，因此没有可以制作动画的角色。请检查导出时是否保留了角色图层。</translation>
    </message>
    <message>
        <source>The image has an alpha channel but no transparent pixels. THA3 needs the background removed (transparent), otherwise the background is animated as part of the character.</source>
        <translation>图像有 Alpha 通道，但没有透明像素。THA3 需要去除背景（设为透明），否则背景会被当作角色的一部分一起动起来。</translation>
    </message>
    <message>
        <source>%1% of the pixels along the edge of the image are opaque: the background does not seem to be transparent. Remove it so that only the character is left.</source>
        <translation>图像边缘有 %1% 的像素是不透明的：背景似乎不是透明的。请去除背景，只保留角色。</translation>
    </message>
    <message>
        <source>The character barely reaches columns %1–%2, where THA3 expects the head. Centre it horizontally with its head in the box x %1–%2, y %3–%4.</source>
        <translation>角色几乎没有进入 THA3 预期头部所在的第 %1–%2 列。请将角色水平居中，使头部位于方框 x %1–%2、y %3–%4 内。</translation>
    </message>
    <message>
        <source>The top of the head is at row %1, higher than THA3 expects (rows %2–%3): the head is probably too large or too high. Scale the character down or move it lower so the head fits the box x %4–%5, y %6–%7.</source>
        <translation>头顶位于第 %1 行，高于 THA3 预期的范围（第 %2–%3 行）：头部可能太大或位置太高。请缩小角色或将其下移，使头部位于方框 x %4–%5、y %6–%7 内。</translation>
    </message>
    <message>
        <source>The top of the head is at row %1, lower than THA3 expects (rows %2–%3): the character is probably too small or too low, and its mouth may fall outside the area that THA3 animates. Scale it up or move it higher so the head fits the box x %4–%5, y %6–%7.</source>
        <translation>头顶位于第 %1 行，低于 THA3 预期的范围（第 %2–%3 行）：角色可能太小或位置太低，嘴部可能落在 THA3 的动画区域之外。请放大角色或将其上移，使头部位于方框 x %4–%5、y %6–%7 内。</translation>
    </message>
    <message>
        <source>Only %1% of the head box (x %2–%3, y %4–%5) is opaque: the head does not seem to be in it. The character may be off-centre or too small.</source>
        <translation>头部方框（x %2–%3、y %4–%5）中只有 %1% 是不透明的：头部似乎不在框内。角色可能偏离中心或太小。</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels, too large to decode (limit %4 MiB of pixel data). Scale it down to about 1024×1024 first.</source>
        <translation>%1 为 %2×%3 像素，太大而无法解码（像素数据上限 %4 MiB）。请先将其缩小到约 1024×1024。</translation>
    </message>
    <message>
        <source>Cannot decode %1 as an image (%2). Save it as a PNG with transparency.</source>
        <translation>无法将 %1 解码为图像（%2）。请将其保存为带透明度的 PNG。</translation>
    </message>
    <message>
        <source>The file holds %1 frames; only the first one is used.</source>
        <translation>该文件包含 %1 帧；只使用第一帧。</translation>
    </message>
    <message>
        <source>not usable — errors: %1, warnings: %2</source>
        <translation>不可用 — 错误：%1，警告：%2</translation>
    </message>
    <message>
        <source>usable — warnings: %1</source>
        <translation>可用 — 警告：%1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>The file %1 is empty (0 bytes).</source>
        <translation>文件 %1 是空的（0 字节）。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes).</source>
        <translation>%1 是空的（0 字节）。</translation>
    </message>
    <message>
        <source>%1 holds no pixels.</source>
        <translation>%1 不包含任何像素。</translation>
    </message>
    <message>
        <source>%1 has no alpha channel. THA3 needs the character on a transparent background: remove the background and export as PNG (or WebP) with transparency.</source>
        <translation>%1 没有 Alpha 通道。THA3 需要透明背景上的角色：请去除背景，并导出为带透明度的 PNG（或 WebP）。</translation>
    </message>
    <message>
        <source>The image is %1×%2, not square; only its centre %3×%3 square (from x %4, y %5) is used. Check that the head is still inside.</source>
        <translation>图像为 %1×%2，不是正方形；只使用其中心 %3×%3 的正方形区域（从 x %4、y %5 开始）。请检查头部是否仍在其中。</translation>
    </message>
    <message>
        <source>The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was shrunk to 512×512.</source>
        <translation>图像为 %1×%2；THA3 使用 512×512，因此将 %3×%3 的正方形缩小到了 512×512。</translation>
    </message>
    <message>
        <source>The image is %1×%2; THA3 takes 512×512, so the %3×%3 square was enlarged to 512×512.</source>
        <translation>图像为 %1×%2；THA3 使用 512×512，因此将 %3×%3 的正方形放大到了 512×512。</translation>
    </message>
    <message>
        <source>The image is only %1 pixels on its short side, so it is enlarged %2×: the animated face will look blurred. Use a source of at least 512×512.</source>
        <translation>图像短边只有 %1 像素，因此被放大了 %2 倍：动画中的脸部会显得模糊。请使用至少 512×512 的原图。</translation>
    </message>
    <message>
        <source>%1 fully transparent pixels carried a colour; it was set to black, as THA3 requires. Save a fixed copy to store the cleaned image.</source>
        <translation>有 %1 个完全透明的像素带有颜色；已按 THA3 的要求将其设为黑色。保存修正后的副本即可存储清理后的图像。</translation>
    </message>
    <message>
        <source>There is no image to save for %1.</source>
        <translation>没有可为 %1 保存的图像。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>无法创建 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot save a fixed copy of %1: %2 fixed copies already exist.</source>
        <translation>无法保存 %1 的修正副本：已存在 %2 个修正副本。</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Loading models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Variant %1 on %2. This takes a few seconds.</source>
        <translation>变体 %1，设备 %2。需要几秒钟。</translation>
    </message>
</context>
<context>
    <name>LookEditor</name>
    <message>
        <source>HDR sci-fi hologram</source>
        <translation>HDR 科幻全息</translation>
    </message>
    <message>
        <source>Cheap camera, amber monitor</source>
        <translation>廉价摄像机，琥珀色显示器</translation>
    </message>
    <message>
        <source>HDR, cheap camera, 1980s VHS</source>
        <translation>HDR、廉价摄像机、1980 年代录像带</translation>
    </message>
</context>
<context>
    <name>LookPanel</name>
    <message>
        <source>Look</source>
        <translation>画面效果</translation>
    </message>
    <message>
        <source>Filters applied to every frame: the preview, the server&apos;s stream and recordings.</source>
        <translation>应用于每一帧的滤镜：预览、服务器的视频流和录制。</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Use preset</source>
        <translation>使用预设</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>滤镜</translation>
    </message>
    <message>
        <source>Add filter</source>
        <translation>添加滤镜</translation>
    </message>
    <message>
        <source>No filters: frames are shown as rendered.</source>
        <translation>没有滤镜：画面按渲染结果显示。</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>将 %1 上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>将 %1 下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
    <message>
        <source>Load from _animator.json…</source>
        <translation>从 _animator.json 载入…</translation>
    </message>
    <message>
        <source>Save to _animator.json…</source>
        <translation>保存到 _animator.json…</translation>
    </message>
    <message>
        <source>Load a look</source>
        <translation>载入画面效果</translation>
    </message>
    <message>
        <source>Animator settings (*.json)</source>
        <translation>动画设置 (*.json)</translation>
    </message>
    <message>
        <source>Save the look</source>
        <translation>保存画面效果</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>姿势</translation>
    </message>
    <message>
        <source>Expressions</source>
        <translation>表情</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Talkinghead Studio</source>
        <translation>Talkinghead Studio</translation>
    </message>
    <message>
        <source>Puppeteer</source>
        <translation>面部驱动</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>画面效果</translation>
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
        <translation>栏目</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Models ready</source>
        <translation>模型已就绪</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Models not loaded</source>
        <translation>模型未加载</translation>
    </message>
    <message>
        <source>Models unavailable</source>
        <translation>模型不可用</translation>
    </message>
    <message>
        <source>Server running</source>
        <translation>服务器运行中</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>服务器已停止</translation>
    </message>
</context>
<context>
    <name>PoseGroupSection</name>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>重置%1</translation>
    </message>
    <message>
        <source>Set every parameter of this group back to its default</source>
        <translation>将此组的所有参数恢复为默认值</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>%1 shape</source>
        <translation>%1形状</translation>
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
        <translation>姿势</translation>
    </message>
    <message>
        <source>Drag a slider or type a value. Every drag is one step of undo (Ctrl+Z) and redo (Ctrl+Shift+Z).</source>
        <translation>拖动滑块或输入数值。每次拖动都是一个撤销（Ctrl+Z）和重做（Ctrl+Shift+Z）步骤。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>全部重置</translation>
    </message>
    <message>
        <source>Link left and right</source>
        <translation>左右联动</translation>
    </message>
    <message>
        <source>Moving a left or right parameter moves its twin on the other side too</source>
        <translation>调整左侧或右侧参数时，另一侧的对应参数也会一起变化</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>动画</translation>
    </message>
    <message>
        <source>Idle animation: blinking, breathing and a slight sway around the pose</source>
        <translation>待机动画：在当前姿势基础上眨眼、呼吸和轻微摇摆</translation>
    </message>
    <message>
        <source>Character preview</source>
        <translation>角色预览</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Fit the preview to the pane (Ctrl+0)</source>
        <translation>使预览适应窗格大小（Ctrl+0）</translation>
    </message>
    <message>
        <source>Animated: %1 fps</source>
        <translation>动画：%1 fps</translation>
    </message>
    <message>
        <source>%1 ms/frame · %2 fps · %3 rendered, %4 skipped</source>
        <translation>%1 毫秒/帧 · %2 fps · 已渲染 %3 帧，跳过 %4 帧</translation>
    </message>
    <message>
        <source>No frame rendered yet</source>
        <translation>尚未渲染任何帧</translation>
    </message>
    <message>
        <source>No character loaded</source>
        <translation>未加载角色</translation>
    </message>
    <message>
        <source>Open an image or drop it here.</source>
        <translation>打开图像，或将图像拖放到这里。</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>录制…</translation>
    </message>
    <message>
        <source>Recording length in seconds</source>
        <translation>录制时长（秒）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Recording progress</source>
        <translation>录制进度</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Recorded to %1</source>
        <translation>已录制到 %1</translation>
    </message>
    <message>
        <source>Record the character</source>
        <translation>录制角色</translation>
    </message>
    <message>
        <source>WebM video with transparency (*.webm)</source>
        <translation>带透明度的 WebM 视频 (*.webm)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
</context>
<context>
    <name>PuppeteerPanel</name>
    <message>
        <source>Puppeteer</source>
        <translation>面部驱动</translation>
    </message>
    <message>
        <source>Drive the character with your own face: the iFacialMocap app on an iPhone, or any program that sends the VMC protocol (a webcam with VSeeFace, VMagicMirror, Warudo, XR Animator). Channels the tracker does not send, such as breathing, keep the idle animation.</source>
        <translation>用你自己的脸驱动角色：iPhone 上的 iFacialMocap 应用，或任何发送 VMC 协议的程序（摄像头配合 VSeeFace、VMagicMirror、Warudo、XR Animator）。追踪器不发送的通道（例如呼吸）保持待机动画。</translation>
    </message>
    <message>
        <source>Record a take</source>
        <translation>录制片段</translation>
    </message>
    <message>
        <source>Takes (*.jsonl)</source>
        <translation>片段 (*.jsonl)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>iFacialMocap (iPhone)</source>
        <translation>iFacialMocap（iPhone）</translation>
    </message>
    <message>
        <source>VMC protocol</source>
        <translation>VMC 协议</translation>
    </message>
    <message>
        <source>Recorded take</source>
        <translation>录制的片段</translation>
    </message>
    <message>
        <source>Phone address</source>
        <translation>手机地址</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20</source>
        <translation>例如 192.168.1.20</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>none: open a recording below</source>
        <translation>无：请在下方打开录制</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Calibrate</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Look straight ahead with a relaxed face: this becomes the rest pose.</source>
        <translation>放松面部并直视前方：这将成为静止姿势。</translation>
    </message>
    <message>
        <source>Clear calibration</source>
        <translation>清除校准</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>录制…</translation>
    </message>
    <message>
        <source>Open recording…</source>
        <translation>打开录制…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>正在追踪</translation>
    </message>
    <message>
        <source>No face (tracking lost)</source>
        <translation>没有面部（追踪丢失）</translation>
    </message>
    <message>
        <source>%1 packets/s</source>
        <translation>%1 包/秒</translation>
    </message>
    <message>
        <source>no packet yet</source>
        <translation>尚无数据包</translation>
    </message>
    <message>
        <source>last packet %1 ms ago</source>
        <translation>上一个数据包在 %1 毫秒前</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>已拒绝 %1 个</translation>
    </message>
    <message>
        <source>listening on UDP %1</source>
        <translation>正在监听 UDP %1</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>录制中</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Eyebrows down</source>
        <translation>眉毛下垂时</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>生气</translation>
    </message>
    <message>
        <source>Troubled</source>
        <translation>困扰</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>严肃</translation>
    </message>
    <message>
        <source>Lowered</source>
        <translation>下垂</translation>
    </message>
    <message>
        <source>Wink</source>
        <translation>眨眼</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>放松</translation>
    </message>
    <message>
        <source>Eyebrow gain</source>
        <translation>眉毛增益</translation>
    </message>
    <message>
        <source>Eye gain</source>
        <translation>眼睛增益</translation>
    </message>
    <message>
        <source>Iris gain</source>
        <translation>虹膜增益</translation>
    </message>
    <message>
        <source>Mouth gain</source>
        <translation>嘴巴增益</translation>
    </message>
    <message>
        <source>Head gain</source>
        <translation>头部增益</translation>
    </message>
    <message>
        <source>Body gain</source>
        <translation>身体增益</translation>
    </message>
    <message>
        <source>Smoothing (One Euro filter)</source>
        <translation>平滑（One Euro 滤波器）</translation>
    </message>
    <message>
        <source>Cut-off at rest (Hz)</source>
        <translation>静止时截止频率（Hz）</translation>
    </message>
    <message>
        <source>Speed coefficient</source>
        <translation>速度系数</translation>
    </message>
    <message>
        <source>Tracked values</source>
        <translation>追踪值</translation>
    </message>
    <message>
        <source>No face yet.</source>
        <translation>尚无面部。</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>none (anyone on the network may connect)</source>
        <translation>无（网络中的任何人都可以连接）</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Generate key</source>
        <translation>生成密钥</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制 URL</translation>
    </message>
    <message>
        <source>Copy the URL for SillyTavern to the clipboard</source>
        <translation>将 SillyTavern 使用的 URL 复制到剪贴板</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>正在 %1 运行</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>%n viewer(s) connected</source>
        <translation>
            <numerusform>已连接 %n 个观看端</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent requests</source>
        <translation>最近的请求</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>还没有请求。</translation>
    </message>
    <message>
        <source>Serve the character to SillyTavern&apos;s Talkinghead extension. Start the server, copy the URL and paste it into SillyTavern. Only web pages opened on this computer may use it, unless the host is 0.0.0.0 (every network): then any page may, so set an API key.</source>
        <translation>为 SillyTavern 的 Talkinghead 扩展提供角色。启动服务器，复制 URL 并粘贴到 SillyTavern 中。只有在本机打开的网页可以使用它；但若主机为 0.0.0.0（所有网络），任何网页都可以使用，因此请设置 API 密钥。</translation>
    </message>
    <message>
        <source>SillyTavern</source>
        <translation>SillyTavern</translation>
    </message>
    <message>
        <source>SillyTavern 1.13 and newer need the Talkinghead Studio extension to show this character. Choose your SillyTavern folder (the one with server.js) to install it for its default user.</source>
        <translation>SillyTavern 1.13 及更新版本需要 Talkinghead Studio 扩展才能显示这个角色。选择你的 SillyTavern 文件夹（含有 server.js 的那个），为其默认用户安装。</translation>
    </message>
    <message>
        <source>Install into SillyTavern…</source>
        <translation>安装到 SillyTavern…</translation>
    </message>
    <message>
        <source>Choose the SillyTavern folder</source>
        <translation>选择 SillyTavern 文件夹</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Changes are saved right away and kept for the next start.</source>
        <translation>更改会立即保存，下次启动时仍然有效。</translation>
    </message>
    <message>
        <source>Separable, 32-bit (default, fastest)</source>
        <translation>可分离，32 位（默认，最快）</translation>
    </message>
    <message>
        <source>Separable, 16-bit</source>
        <translation>可分离，16 位</translation>
    </message>
    <message>
        <source>Standard, 32-bit (best quality, slower)</source>
        <translation>标准，32 位（画质最佳，较慢）</translation>
    </message>
    <message>
        <source>Standard, 16-bit</source>
        <translation>标准，16 位</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Weight files missing</source>
        <translation>缺少权重文件</translation>
    </message>
    <message>
        <source>Failed to load</source>
        <translation>加载失败</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Model variant</source>
        <translation>模型变体</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Device is “cpu”, “cuda” or “cuda:N”. Threads: 0 lets the engine choose.</source>
        <translation>设备可以是“cpu”“cuda”或“cuda:N”。线程数为 0 时由引擎自动选择。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ready (loaded in %1 s)</source>
        <translation>就绪（加载用时 %1 秒）</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>Reload models</source>
        <translation>重新加载模型</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Preview background</source>
        <translation>预览背景</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>计算精度</translation>
    </message>
    <message>
        <source>Precision: automatic computes in bf16 on processors that have it (faster; edges may differ from fp32 by a level or two), in fp16 for the 16-bit variants on a GPU, and in fp32 otherwise.</source>
        <translation>计算精度：自动模式下，在支持 bf16 的处理器上使用 bf16（更快；边缘可能与 fp32 相差一到两个色阶），在 GPU 上的 16 位版本使用 fp16，其他情况使用 fp32。</translation>
    </message>
    <message>
        <source>Computing in</source>
        <translation>当前精度</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Pre-rendered mouth shapes</source>
        <translation>预渲染口型</translation>
    </message>
    <message>
        <source>Pre-rendered mouth shapes: where a frame takes longer to render than the frame rate allows, the head holds still while the character speaks and the mouth plays from pictures of each shape rendered ahead of time (kept on disk per character and emotion), so it moves at the full frame rate.</source>
        <translation>预渲染口型：当渲染一帧所需的时间超过帧率允许的时间时，角色说话期间头部保持静止，嘴部改为播放预先渲染好的各个口型画面（按角色和表情保存在磁盘上），从而以完整帧率活动。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>About Talkinghead Studio…</source>
        <translation>关于 Talkinghead Studio…</translation>
    </message>
</context>
<context>
    <name>SpeechPanel</name>
    <message>
        <source>Speech</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Let the character say a sentence, or play an audio file with the mouth moving in sync.</source>
        <translation>让角色说一句话，或播放音频文件并让嘴型同步。</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>English (US)</source>
        <translation>英语（美国）</translation>
    </message>
    <message>
        <source>Chinese (Mandarin)</source>
        <translation>中文（普通话）</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>What should the character say?</source>
        <translation>想让角色说什么？</translation>
    </message>
    <message>
        <source>Text to speak</source>
        <translation>要朗读的文本</translation>
    </message>
    <message>
        <source>Speak</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Speak the text (Ctrl+Enter)</source>
        <translation>朗读文本（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Play audio file…</source>
        <translation>播放音频文件…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Top: audio level. Bottom: mouth opening by vowel:</source>
        <translation>上方：音量。下方：按元音显示的张嘴程度：</translation>
    </message>
    <message>
        <source>Audio/video sync</source>
        <translation>音画同步</translation>
    </message>
    <message>
        <source>Mouth offset</source>
        <translation>嘴型偏移</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Mouth offset in milliseconds</source>
        <translation>嘴型偏移（毫秒）</translation>
    </message>
    <message>
        <source>Positive values move the mouth later, for audio devices that play with a delay.</source>
        <translation>正值会让嘴型动作延后，适用于播放有延迟的音频设备。</translation>
    </message>
    <message>
        <source>Play audio file</source>
        <translation>播放音频文件</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.mp3 *.ogg *.flac *.m4a *.opus)</source>
        <translation>音频文件 (*.wav *.mp3 *.ogg *.flac *.m4a *.opus)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>en</source>
        <extracomment>The code of this translation: en, zh_CN or ja. Never shown; a change tells the UI that the language changed.</extracomment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <source>Waveform and mouth timeline</source>
        <translation>波形与嘴型时间轴</translation>
    </message>
    <message>
        <source>Speak a sentence or play a file to see its waveform and mouth shapes here.</source>
        <translation>朗读一句话或播放一个文件，即可在这里看到波形和嘴型。</translation>
    </message>
</context>
<context>
    <name>ths::BatchExporter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>已有导出任务在运行。</translation>
    </message>
    <message>
        <source>The models are not loaded yet.</source>
        <translation>模型尚未加载。</translation>
    </message>
    <message>
        <source>Open a character image first.</source>
        <translation>请先打开角色图像。</translation>
    </message>
    <message>
        <source>There are no expressions to export.</source>
        <translation>没有可导出的表情。</translation>
    </message>
    <message>
        <source>Choose a folder to export into.</source>
        <translation>请选择导出的目标文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Export cancelled after %1 of %2 expressions.</source>
        <translation>导出已取消，已完成 %2 个表情中的 %1 个。</translation>
    </message>
    <message>
        <source>Rendering &quot;%1&quot; failed: %2</source>
        <translation>渲染“%1”失败：%2</translation>
    </message>
    <message>
        <source>Exported %1 expressions to %2.</source>
        <translation>已将 %1 个表情导出到 %2。</translation>
    </message>
</context>
<context>
    <name>ths::CharacterController</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Open a character first.</source>
        <translation>请先打开一个角色。</translation>
    </message>
</context>
<context>
    <name>ths::EngineController</name>
    <message>
        <source>Unknown model variant &quot;%1&quot; (expected one of: %2).</source>
        <translation>未知的模型变体“%1”（应为以下之一：%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n model file(s) missing in %1.</source>
        <translation>
            <numerusform>%1 中缺少 %n 个模型文件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ths::ExpressionLibrary</name>
    <message>
        <source>no file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation>偏移量 %1 处的 JSON 无效：%2</translation>
    </message>
    <message>
        <source>not a JSON object (expected {&quot;emotion&quot;: {parameter: value, …}})</source>
        <translation>不是 JSON 对象（应为 {&quot;emotion&quot;: {parameter: value, …}}）</translation>
    </message>
    <message>
        <source>no expressions in the file</source>
        <translation>文件中没有表情</translation>
    </message>
    <message>
        <source>a pose without an emotion name; expected {&quot;emotion&quot;: {parameter: value, …}}</source>
        <translation>姿势缺少情绪名称；应为 {&quot;emotion&quot;: {parameter: value, …}}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used as an expression name</source>
        <translation>“%1”不能用作表情名称</translation>
    </message>
    <message>
        <source>emotion &quot;%1&quot;: not an object of parameter values</source>
        <translation>情绪“%1”：不是由参数值组成的对象</translation>
    </message>
    <message>
        <source>emotion &quot;%1&quot;: %2</source>
        <translation>情绪“%1”：%2</translation>
    </message>
    <message>
        <source>%1: %2. Your saved expressions could not be read; the file is left as it is and will be kept as %1.bak when you next change an expression.</source>
        <translation>%1：%2。无法读取你保存的表情；该文件保持不变，下次修改表情时会将其保留为 %1.bak。</translation>
    </message>
    <message>
        <source>Expression &quot;%1&quot;: %2</source>
        <translation>表情“%1”：%2</translation>
    </message>
    <message>
        <source>There is no expression &quot;%1&quot;.</source>
        <translation>不存在表情“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in emotion and cannot be renamed.</source>
        <translation>“%1”是内置情绪，不能重命名。</translation>
    </message>
    <message>
        <source>An expression named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的表情已存在。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in emotion and cannot be deleted.</source>
        <translation>“%1”是内置情绪，不能删除。</translation>
    </message>
    <message>
        <source>%1: not a local file</source>
        <translation>%1：不是本地文件</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder; the change is kept until the studio closes.</source>
        <translation>%1：无法创建文件夹；更改将保留到工作室关闭为止。</translation>
    </message>
    <message>
        <source>%1: cannot back up the unreadable file to %2; it was not overwritten.</source>
        <translation>%1：无法将无法读取的文件备份到 %2；该文件未被覆盖。</translation>
    </message>
    <message>
        <source>An expression needs a name.</source>
        <translation>表情需要一个名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is reserved and cannot be used as an expression name.</source>
        <translation>“%1”是保留名称，不能用作表情名称。</translation>
    </message>
</context>
<context>
    <name>ths::LanguageSwitcher</name>
    <message>
        <source>No translation for &quot;%1&quot; (%2 is missing or unreadable); the studio stays in English.</source>
        <translation>没有“%1”的翻译（%2 缺失或无法读取）；工作室将继续使用英语。</translation>
    </message>
</context>
<context>
    <name>ths::PoseEditorModel</name>
    <message>
        <source>Eyebrow</source>
        <translation>眉毛</translation>
    </message>
    <message>
        <source>Eye</source>
        <translation>眼睛</translation>
    </message>
    <message>
        <source>Iris</source>
        <translation>虹膜</translation>
    </message>
    <message>
        <source>Mouth</source>
        <translation>嘴</translation>
    </message>
    <message>
        <source>Iris rotation</source>
        <translation>虹膜转动</translation>
    </message>
    <message>
        <source>Head and neck</source>
        <translation>头和脖子</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>身体</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>呼吸</translation>
    </message>
    <message>
        <source>Troubled</source>
        <translation>困扰</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>生气</translation>
    </message>
    <message>
        <source>Lowered</source>
        <translation>下压</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>上扬</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>开心</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>严肃</translation>
    </message>
    <message>
        <source>Wink</source>
        <translation>眨眼</translation>
    </message>
    <message>
        <source>Happy wink</source>
        <translation>开心眨眼</translation>
    </message>
    <message>
        <source>Surprised</source>
        <translation>惊讶</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>放松</translation>
    </message>
    <message>
        <source>Unimpressed</source>
        <translation>不屑</translation>
    </message>
    <message>
        <source>Raised lower eyelid</source>
        <translation>下眼睑上提</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>aaa</source>
        <translation>啊（a）</translation>
    </message>
    <message>
        <source>iii</source>
        <translation>咿（i）</translation>
    </message>
    <message>
        <source>uuu</source>
        <translation>呜（u）</translation>
    </message>
    <message>
        <source>eee</source>
        <translation>诶（e）</translation>
    </message>
    <message>
        <source>ooo</source>
        <translation>噢（o）</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>三角嘴</translation>
    </message>
    <message>
        <source>Lowered corner</source>
        <translation>嘴角下垂</translation>
    </message>
    <message>
        <source>Raised corner</source>
        <translation>嘴角上扬</translation>
    </message>
    <message>
        <source>Smirk</source>
        <translation>坏笑</translation>
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
        <translation>头部 X</translation>
    </message>
    <message>
        <source>Head Y</source>
        <translation>头部 Y</translation>
    </message>
    <message>
        <source>Neck Z</source>
        <translation>脖子 Z</translation>
    </message>
    <message>
        <source>Body Y</source>
        <translation>身体 Y</translation>
    </message>
    <message>
        <source>Body Z</source>
        <translation>身体 Z</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>重置%1</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>全部重置</translation>
    </message>
    <message>
        <source>Apply pose</source>
        <translation>应用姿势</translation>
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
        <translation>程度</translation>
    </message>
</context>
<context>
    <name>ths::PuppeteerController</name>
    <message>
        <source>Enter the phone&apos;s address (iFacialMocap shows it on the phone).</source>
        <translation>请输入手机地址（iFacialMocap 会在手机上显示）。</translation>
    </message>
    <message>
        <source>Calibrate while the tracker sends your face: look straight ahead with a relaxed face.</source>
        <translation>请在追踪器发送面部数据时校准：放松面部并直视前方。</translation>
    </message>
    <message>
        <source>Start the puppeteer first.</source>
        <translation>请先启动面部驱动。</translation>
    </message>
</context>
<context>
    <name>ths::RecordingController</name>
    <message>
        <source>A recording is already running.</source>
        <translation>已有录制正在进行。</translation>
    </message>
    <message>
        <source>Load the models and a character first.</source>
        <translation>请先载入模型和角色。</translation>
    </message>
    <message>
        <source>Recording cancelled.</source>
        <translation>录制已取消。</translation>
    </message>
</context>
<context>
    <name>ths::ServerController</name>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on (for example 127.0.0.1, or 0.0.0.0 for all interfaces).</source>
        <translation>“%1”不是可监听的 IP 地址（例如 127.0.0.1，或用 0.0.0.0 监听所有网络接口）。</translation>
    </message>
    <message>
        <source>The server could not start on %1 port %2: %3. Choose another port, or close the program that uses it.</source>
        <translation>服务器无法在 %1 的端口 %2 上启动：%3。请选择其他端口，或关闭占用该端口的程序。</translation>
    </message>
    <message>
        <source>%1 %2 %3 → %4 (%5 ms)</source>
        <translation>%1 %2 %3 → %4（%5 毫秒）</translation>
    </message>
    <message>
        <source>Installed for SillyTavern %1 in %2. Reload SillyTavern&apos;s page; the settings are under Extensions → Talkinghead Studio.</source>
        <translation>已为 SillyTavern %1 安装到 %2。请重新加载 SillyTavern 页面；设置位于“扩展 → Talkinghead Studio”。</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>未安装：%1</translation>
    </message>
</context>
<context>
    <name>ths::SpeechController</name>
    <message>
        <source>Type some text to speak.</source>
        <translation>请输入要朗读的文本。</translation>
    </message>
    <message>
        <source>Choose a voice first.</source>
        <translation>请先选择语音。</translation>
    </message>
    <message>
        <source>Cannot speak with voice &quot;%1&quot;: %2</source>
        <translation>无法使用语音“%1”朗读：%2</translation>
    </message>
    <message>
        <source>Cannot prepare the speech for playback: %1</source>
        <translation>无法准备语音播放：%1</translation>
    </message>
    <message>
        <source>Only local audio files can be played (%1).</source>
        <translation>只能播放本地音频文件（%1）。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot play this file: %1</source>
        <translation>无法播放此文件：%1</translation>
    </message>
    <message>
        <source>Cannot analyse %1: %2</source>
        <translation>无法分析 %1：%2</translation>
    </message>
    <message>
        <source>No audio output device: playing silently, the mouth still moves.</source>
        <translation>没有音频输出设备：将静音播放，嘴型仍会动。</translation>
    </message>
    <message>
        <source>The audio output cannot play this clip: playing silently, the mouth still moves.</source>
        <translation>音频输出无法播放此片段：将静音播放，嘴型仍会动。</translation>
    </message>
    <message>
        <source>Audio playback failed (%1): playing silently, the mouth still moves.</source>
        <translation>音频播放失败（%1）：将静音播放，嘴型仍会动。</translation>
    </message>
</context>
<context>
    <name>ths::Studio</name>
    <message>
        <source>There is no expression named “%1”.</source>
        <translation>没有名为“%1”的表情。</translation>
    </message>
    <message>
        <source>Apply expression “%1”</source>
        <translation>应用表情“%1”</translation>
    </message>
    <message>
        <source>The models are not loaded yet: export needs them to render the expressions.</source>
        <translation>模型尚未加载：导出需要用模型来渲染表情。</translation>
    </message>
    <message>
        <source>Open a usable character image first: export renders every expression with it.</source>
        <translation>请先打开一张可用的角色图像：导出会用它渲染每个表情。</translation>
    </message>
</context>
<context>
    <name>ths::StudioSettings</name>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
</context>
</TS>
