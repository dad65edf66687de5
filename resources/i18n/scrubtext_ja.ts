<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Scrubtext</source>
        <translation>Scrubtext について</translation>
    </message>
    <message>
        <source>Clean scraped text: repair mojibake, strip page furniture and duplicates, and review every change.</source>
        <translation>スクレイピングしたテキストをきれいに：文字化けを直し、ページの定型部分や重複を取り除き、すべての変更を確認できます。</translation>
    </message>
    <message>
        <source>Python {0} on {1}</source>
        <translation>Python {0}（{1}）</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>コンポーネント</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Scrubtext uses Qt and PySide6 under the GNU Lesser General Public License v3: they are loaded as separate shared libraries, which you may replace with your own builds. The sources are available from qt.io and pyside.org.</source>
        <translation>Scrubtext は Qt と PySide6 を GNU 劣等一般公衆利用許諾書 (LGPL) v3 のもとで使用しています。これらは独立した共有ライブラリとして読み込まれ、ご自身でビルドしたものに置き換えることができます。ソースコードは qt.io と pyside.org から入手できます。</translation>
    </message>
    <message>
        <source>Scrubtext itself is released under the MIT licence.</source>
        <translation>Scrubtext 自体は MIT ライセンスで公開されています。</translation>
    </message>
</context>
<context>
    <name>AutosaveManager</name>
    <message>
        <source>Restore Session</source>
        <translation>セッションの復元</translation>
    </message>
    <message>
        <source>Scrubtext did not close properly last time. Restore your review of {0} document(s)?</source>
        <translation>前回 Scrubtext は正常に終了しませんでした。{0} 件の文書の確認作業を復元しますか？</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Original</source>
        <extracomment>A diff whose inline text is longer than this builds the documents of the mode shown only; the other mode&apos;s are built when it is chosen. Each pane&apos;s document costs ~4x its text (Qt keeps ~130 bytes per line, and ~370 more once the pane is laid out): for a 20 MB file, ~250 MB per pane not shown.</extracomment>
        <translation>元のテキスト</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>現在のテキスト</translation>
    </message>
    <message>
        <source>◀ Previous change</source>
        <translation>◀ 前の変更</translation>
    </message>
    <message>
        <source>Previous change (Alt+Up)</source>
        <translation>前の変更 (Alt+↑)</translation>
    </message>
    <message>
        <source>Next change ▶</source>
        <translation>次の変更 ▶</translation>
    </message>
    <message>
        <source>Next change (Alt+Down)</source>
        <translation>次の変更 (Alt+↓)</translation>
    </message>
    <message>
        <source>Inline</source>
        <translation>インライン</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>左右に並べる</translation>
    </message>
    <message>
        <source>Inline: one wrapped text, removed characters struck through in red, added ones in green. Side by side: the original beside the current text, line for line.</source>
        <translation>インライン: 1 つの折り返したテキストで、削除された文字を赤の取り消し線、追加された文字を緑で示します。左右に並べる: 元のテキストと現在のテキストを行ごとに並べます。</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>比較中…</translation>
    </message>
    <message>
        <source>The comparison failed: {0}</source>
        <translation>比較に失敗しました: {0}</translation>
    </message>
    <message>
        <source>{0} changes: {1} lines removed, {2} added, {3} changed</source>
        <translation>変更 {0} 箇所：削除 {1} 行、追加 {2} 行、変更 {3} 行</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>変更はありません。</translation>
    </message>
    <message>
        <source>{0} changes</source>
        <translation>変更 {0} 箇所</translation>
    </message>
    <message>
        <source>Change {0} of {1}</source>
        <translation>変更 {0} / {1}</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>(sample)</source>
        <translation>（サンプル）</translation>
    </message>
    <message>
        <source>Encoding: {0} ({1:.0%} sure)</source>
        <translation>文字コード: {0}（確度 {1:.0%}）</translation>
    </message>
    <message>
        <source>Cannot open: {0}</source>
        <translation>開けません: {0}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>解析中…</translation>
    </message>
    <message>
        <source>{0} to review</source>
        <translation>確認待ち {0} 件</translation>
    </message>
    <message>
        <source>nothing to review</source>
        <translation>確認するものはありません</translation>
    </message>
    <message>
        <source>{0} accepted</source>
        <translation>{0} 件承認済み</translation>
    </message>
    <message>
        <source>{0} undecodable bytes</source>
        <translation>復号できないバイト {0} 個</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Clean scraped text</source>
        <translation>スクレイピングしたテキストをきれいに</translation>
    </message>
    <message>
        <source>Drop files or folders here, or open them. Every change is proposed, highlighted and explained; nothing is changed until you accept it.</source>
        <translation>ここにファイルやフォルダーをドロップするか、開いてください。すべての変更は提案として強調表示され、理由が示されます。承認するまでは何も変更されません。</translation>
    </message>
    <message>
        <source>Open files…</source>
        <translation>ファイルを開く…</translation>
    </message>
    <message>
        <source>Open the sample</source>
        <translation>サンプルを開く</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <source>Unicode (UTF-8)</source>
        <extracomment>Encodings offered besides the candidates: (codec, label). Labels are translated at display time.</extracomment>
        <translation>Unicode (UTF-8)</translation>
    </message>
    <message>
        <source>Unicode (UTF-8 with BOM)</source>
        <translation>Unicode (UTF-8、BOM 付き)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16 with BOM)</source>
        <translation>Unicode (UTF-16、BOM 付き)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16 LE)</source>
        <translation>Unicode (UTF-16 LE)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16 BE)</source>
        <translation>Unicode (UTF-16 BE)</translation>
    </message>
    <message>
        <source>Japanese (Shift_JIS / cp932)</source>
        <translation>日本語 (Shift_JIS / cp932)</translation>
    </message>
    <message>
        <source>Japanese (EUC-JP)</source>
        <translation>日本語 (EUC-JP)</translation>
    </message>
    <message>
        <source>Japanese (ISO-2022-JP)</source>
        <translation>日本語 (ISO-2022-JP)</translation>
    </message>
    <message>
        <source>Chinese Simplified (GB18030)</source>
        <translation>簡体字中国語 (GB18030)</translation>
    </message>
    <message>
        <source>Chinese Traditional (Big5)</source>
        <translation>繁体字中国語 (Big5)</translation>
    </message>
    <message>
        <source>Chinese Traditional (cp950)</source>
        <translation>繁体字中国語 (cp950)</translation>
    </message>
    <message>
        <source>Korean (EUC-KR)</source>
        <translation>韓国語 (EUC-KR)</translation>
    </message>
    <message>
        <source>Korean (cp949)</source>
        <translation>韓国語 (cp949)</translation>
    </message>
    <message>
        <source>Western (Windows-1252)</source>
        <translation>西欧 (Windows-1252)</translation>
    </message>
    <message>
        <source>Western (ISO-8859-1)</source>
        <translation>西欧 (ISO-8859-1)</translation>
    </message>
    <message>
        <source>Western (ISO-8859-15)</source>
        <translation>西欧 (ISO-8859-15)</translation>
    </message>
    <message>
        <source>Western (Mac Roman)</source>
        <translation>西欧 (Mac Roman)</translation>
    </message>
    <message>
        <source>Central European (Windows-1250)</source>
        <translation>中欧 (Windows-1250)</translation>
    </message>
    <message>
        <source>Cyrillic (Windows-1251)</source>
        <translation>キリル文字 (Windows-1251)</translation>
    </message>
    <message>
        <source>Cyrillic (KOI8-R)</source>
        <translation>キリル文字 (KOI8-R)</translation>
    </message>
    <message>
        <source>Greek (Windows-1253)</source>
        <translation>ギリシャ語 (Windows-1253)</translation>
    </message>
    <message>
        <source>Turkish (Windows-1254)</source>
        <translation>トルコ語 (Windows-1254)</translation>
    </message>
    <message>
        <source>Hebrew (Windows-1255)</source>
        <translation>ヘブライ語 (Windows-1255)</translation>
    </message>
    <message>
        <source>Arabic (Windows-1256)</source>
        <translation>アラビア語 (Windows-1256)</translation>
    </message>
    <message>
        <source>Thai (cp874)</source>
        <translation>タイ語 (cp874)</translation>
    </message>
    <message>
        <source>Vietnamese (Windows-1258)</source>
        <translation>ベトナム語 (Windows-1258)</translation>
    </message>
    <message>
        <source>Reopen with Encoding</source>
        <extracomment>Files larger than this are examined (candidates, byte counts) in the background.</extracomment>
        <translation>文字コードを指定して開き直す</translation>
    </message>
    <message>
        <source>The file was read as &lt;b&gt;{0}&lt;/b&gt;. If the text looks wrong, choose the encoding it was written in; the preview shows the result.</source>
        <translation>このファイルは &lt;b&gt;{0}&lt;/b&gt; として読み込まれました。文字化けしている場合は、実際の文字コードを選んでください。結果はプレビューで確認できます。</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>可能性</translation>
    </message>
    <message>
        <source>Bytes replaced</source>
        <translation>置換されるバイト数</translation>
    </message>
    <message>
        <source>Other encoding…</source>
        <translation>その他の文字コード…</translation>
    </message>
    <message>
        <source>&amp;All encodings:</source>
        <translation>すべての文字コード(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>プレビュー(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>開き直す(&amp;R)</translation>
    </message>
    <message>
        <source>Detecting the likeliest encodings…</source>
        <translation>可能性の高いエンコーディングを判定しています…</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>（現在）</translation>
    </message>
    <message>
        <source>unusable</source>
        <translation>使用不可</translation>
    </message>
    <message>
        <source>{0} cannot be used: {1}</source>
        <translation>{0} は使用できません: {1}</translation>
    </message>
    <message>
        <source>Counting the bytes {0} cannot decode…</source>
        <translation>{0} でデコードできないバイトを数えています…</translation>
    </message>
    <message>
        <source>{0} cannot decode this file.</source>
        <translation>{0} ではこのファイルをデコードできません。</translation>
    </message>
    <message>
        <source>{0} bytes cannot be decoded as {1} and would be replaced by �.</source>
        <translation>{0} バイトは {1} として解読できず、� に置き換えられます。</translation>
    </message>
    <message>
        <source>Every byte decodes as {0}.</source>
        <translation>すべてのバイトを {0} として解読できます。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>LF (Linux, macOS)</source>
        <translation>LF (Linux、macOS)</translation>
    </message>
    <message>
        <source>CRLF (Windows)</source>
        <translation>CRLF (Windows)</translation>
    </message>
    <message>
        <source>Keep each document&apos;s own</source>
        <translation>各文書の元の改行を維持</translation>
    </message>
    <message>
        <source>Fail that file and report it</source>
        <translation>そのファイルを失敗として報告する</translation>
    </message>
    <message>
        <source>Write “?” instead</source>
        <translation>代わりに「?」を書き込む</translation>
    </message>
    <message>
        <source>Write a numeric reference (&amp;#12354;)</source>
        <translation>数値文字参照 (&amp;#12354;) を書き込む</translation>
    </message>
    <message>
        <source>Replace it</source>
        <translation>上書きする</translation>
    </message>
    <message>
        <source>Add a number: name (2).txt</source>
        <translation>番号を付ける: name (2).txt</translation>
    </message>
    <message>
        <source>Skip that document</source>
        <translation>その文書をスキップする</translation>
    </message>
    <message>
        <source>UTF-8 (recommended)</source>
        <translation>UTF-8（推奨）</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (for old Windows programs)</source>
        <translation>UTF-8 BOM 付き（古い Windows アプリ向け）</translation>
    </message>
    <message>
        <source>UTF-16 with BOM</source>
        <translation>UTF-16 BOM 付き</translation>
    </message>
    <message>
        <source>Japanese (Shift_JIS / cp932)</source>
        <translation>日本語 (Shift_JIS / cp932)</translation>
    </message>
    <message>
        <source>Japanese (EUC-JP)</source>
        <translation>日本語 (EUC-JP)</translation>
    </message>
    <message>
        <source>Japanese (ISO-2022-JP)</source>
        <translation>日本語 (ISO-2022-JP)</translation>
    </message>
    <message>
        <source>Chinese Simplified (GB18030)</source>
        <translation>簡体字中国語 (GB18030)</translation>
    </message>
    <message>
        <source>Chinese Traditional (Big5)</source>
        <translation>繁体字中国語 (Big5)</translation>
    </message>
    <message>
        <source>Korean (cp949)</source>
        <translation>韓国語 (cp949)</translation>
    </message>
    <message>
        <source>Western (Windows-1252)</source>
        <translation>西欧 (Windows-1252)</translation>
    </message>
    <message>
        <source>Cyrillic (Windows-1251)</source>
        <translation>キリル文字 (Windows-1251)</translation>
    </message>
    <message>
        <source>Western (ISO-8859-1)</source>
        <translation>西欧 (ISO-8859-1)</translation>
    </message>
    <message>
        <source>Export Cleaned Text</source>
        <translation>クリーンなテキストを書き出す</translation>
    </message>
    <message>
        <source>&amp;Current document</source>
        <translation>現在の文書(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;All open documents ({0})</source>
        <translation>開いているすべての文書 ({0})(&amp;A)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出す対象</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Placeholders: {stem} file name without extension, {ext} extension, {name} whole file name, {n} position (1, 2, …; {n:03d} gives 001), {encoding} output encoding</source>
        <translation>プレースホルダー: {stem} 拡張子なしのファイル名、{ext} 拡張子、{name} ファイル名全体、{n} 順番 (1, 2, …; {n:03d} で 001)、{encoding} 出力の文字コード</translation>
    </message>
    <message>
        <source>Allow overwriting the &amp;original input files (they cannot be recovered)</source>
        <translation>元の入力ファイルへの上書きを許可する（元に戻せません）(&amp;O)</translation>
    </message>
    <message>
        <source>Also write a JSONL &amp;manifest (source, encoding, rules fired, lines removed)</source>
        <translation>JSONL のマニフェストも書き出す（元ファイル、文字コード、適用ルール、削除行数）(&amp;M)</translation>
    </message>
    <message>
        <source>Output &amp;folder:</source>
        <translation>出力フォルダー(&amp;F):</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>ファイル名(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>文字コード(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Line endings:</source>
        <translation>改行コード(&amp;L):</translation>
    </message>
    <message>
        <source>Characters the encoding &amp;lacks:</source>
        <translation>表現できない文字(&amp;K):</translation>
    </message>
    <message>
        <source>If a file &amp;exists:</source>
        <translation>ファイルが既にある場合(&amp;X):</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>書き出す(&amp;X)</translation>
    </message>
    <message>
        <source>The naming pattern is empty.</source>
        <translation>ファイル名のパターンが空です。</translation>
    </message>
    <message>
        <source>The naming pattern has unbalanced braces ({0}).</source>
        <translation>ファイル名のパターンの波かっこが対応していません ({0})。</translation>
    </message>
    <message>
        <source>Unknown placeholder {0}; use {1}.</source>
        <translation>不明なプレースホルダー {0} です。{1} を使ってください。</translation>
    </message>
    <message>
        <source>The naming pattern must be a file name, without folders.</source>
        <translation>ファイル名のパターンにはフォルダーを含めず、ファイル名だけを指定してください。</translation>
    </message>
    <message>
        <source>The naming pattern needs {stem}, {name} or {n}, or every document gets the same name.</source>
        <translation>ファイル名のパターンには {stem}、{name}、{n} のいずれかが必要です。ないとすべての文書が同じ名前になります。</translation>
    </message>
    <message>
        <source>The naming pattern cannot be applied: {0}.</source>
        <translation>ファイル名のパターンを適用できません: {0}。</translation>
    </message>
    <message>
        <source>Choose an output folder.</source>
        <translation>出力フォルダーを選んでください。</translation>
    </message>
    <message>
        <source>{0} is a file, not a folder.</source>
        <translation>{0} はフォルダーではなくファイルです。</translation>
    </message>
    <message>
        <source>For example: {0} → {1}</source>
        <translation>例: {0} → {1}</translation>
    </message>
    <message>
        <source>its name would put it outside the folder</source>
        <translation>その名前ではフォルダーの外に書き出されてしまいます</translation>
    </message>
    <message>
        <source>{0} is also the name of document {1}</source>
        <translation>{0} は文書 {1} と同じ名前です</translation>
    </message>
    <message>
        <source>{0} is also the name of the manifest</source>
        <translation>{0} はマニフェストと同じ名前です</translation>
    </message>
    <message>
        <source>{0} is an input file; tick the confirmation to overwrite inputs</source>
        <translation>{0} は入力ファイルです。上書きするには確認のチェックを入れてください</translation>
    </message>
    <message>
        <source>{0} is a folder</source>
        <translation>{0} はフォルダーです</translation>
    </message>
    <message>
        <source>{0} already exists</source>
        <translation>{0} は既に存在します</translation>
    </message>
    <message>
        <source>{0} file(s) will be written.</source>
        <translation>{0} 件のファイルを書き出します。</translation>
    </message>
    <message>
        <source>{0} existing file(s) will be replaced.</source>
        <translation>既存の {0} 件のファイルを上書きします。</translation>
    </message>
    <message>
        <source>{0} input file(s) will be overwritten.</source>
        <translation>入力ファイル {0} 件を上書きします。</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… ほか {0} 件</translation>
    </message>
    <message>
        <source>{0} will not be written:</source>
        <translation>{0} 件は書き出されません:</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>出力フォルダー</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in text</source>
        <extracomment>Typing pauses this long before the text is analysed again. Folders dropped or opened contribute at most this many files. Background tasks started per event-loop turn when many are due at once. Texts longer than twice this are analysed in paragraph-aligned sections of about this many characters. The section on screen is analysed first, and smaller, so that its highlights come quickly. Each section is analysed with about this much text around it, for context (see _run_sections).</extracomment>
        <translation>テキスト内を検索</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>閉じる (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Takes effect when Scrubtext is started again.</source>
        <extracomment>Languages the UI speaks: code -&gt; the language&apos;s own name (for a preferences menu).</extracomment>
        <translation>Scrubtext を次に起動したときに反映されます。</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>システムの言語</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Text</source>
        <extracomment>A document finished analysis (tests wait on this). A section of a big document (or a whole small one) was analysed and its proposals shown. A document finished loading, or failed to (tests wait on this). Every pending background task of the window is done. An export finished; carries the summary.</extracomment>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open text files</source>
        <translation>テキストファイルを開く</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>フォルダーを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>Open the &amp;Sample</source>
        <translation>サンプルを開く(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation>文書を閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the cleaned text of this document</source>
        <translation>この文書のクリーンなテキストを書き出す</translation>
    </message>
    <message>
        <source>Export &amp;All…</source>
        <translation>すべて書き出し(&amp;A)…</translation>
    </message>
    <message>
        <source>Reopen with &amp;Encoding…</source>
        <translation>文字コードを指定して開き直す(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>次を検索(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>前を検索(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>承認(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>却下(&amp;R)</translation>
    </message>
    <message>
        <source>Apply the selected edit (Ctrl+Enter; A in the review list)</source>
        <translation>選択した編集を適用する（Ctrl+Enter、確認リストでは A）</translation>
    </message>
    <message>
        <source>Decline the selected edit (Ctrl+Backspace; R in the review list)</source>
        <translation>選択した編集を却下する（Ctrl+Backspace、確認リストでは R）</translation>
    </message>
    <message>
        <source>&amp;Next Proposal</source>
        <translation>次の提案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Proposal</source>
        <translation>前の提案(&amp;P)</translation>
    </message>
    <message>
        <source>Accept All in &amp;Document</source>
        <translation>この文書のすべてを承認(&amp;D)</translation>
    </message>
    <message>
        <source>Reject All in Document</source>
        <translation>この文書のすべてを却下</translation>
    </message>
    <message>
        <source>Accept &amp;Confident Edits</source>
        <translation>確度の高い編集を承認(&amp;C)</translation>
    </message>
    <message>
        <source>Accept the edits the profile applies unattended (what `scrubtext clean` does)</source>
        <translation>プロファイルが自動で適用する編集を承認する（`scrubtext clean` と同じ）</translation>
    </message>
    <message>
        <source>Accept All in All Documents</source>
        <translation>すべての文書のすべてを承認</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>ルール(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;About Scrubtext</source>
        <translation>Scrubtext について(&amp;A)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>却下</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>すべて承認</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>すべて却下</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>確認(&amp;R)</translation>
    </message>
    <message>
        <source>By Rule or Category</source>
        <translation>ルール・カテゴリー別</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Changes (Diff)</source>
        <translation>変更点（差分）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Select a document on the left.</source>
        <translation>左の一覧から文書を選んでください。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; could not be opened:&lt;br&gt;{1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; を開けませんでした:&lt;br&gt;{1}</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>{0} を読み込み中…</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>文字コード</translation>
    </message>
    <message>
        <source>{0} ({1:.0%})</source>
        <translation>{0}（{1:.0%}）</translation>
    </message>
    <message>
        <source>Detected encoding {0}, {1:.0%} sure. Click to reopen with another encoding.</source>
        <translation>検出した文字コード: {0}（確度 {1:.0%}）。クリックすると別の文字コードで開き直せます。</translation>
    </message>
    <message>
        <source>{0} ({1:.0%}) · {2} bytes lost</source>
        <translation>{0}（{1:.0%}）・{2} バイト欠落</translation>
    </message>
    <message>
        <source>{0} bytes could not be decoded as {1} and are shown as �. Another encoding may read them: click to reopen.</source>
        <translation>{0} バイトは {1} として復号できず、� と表示されています。別のエンコーディングなら読める可能性があります。クリックして開き直してください。</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>解析中…</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>確認するものはありません</translation>
    </message>
    <message>
        <source>{0} to review: {1}</source>
        <translation>確認待ち {0} 件: {1}</translation>
    </message>
    <message>
        <source> · {0} accepted</source>
        <translation> · 承認 {0} 件</translation>
    </message>
    <message>
        <source> · {0} rejected</source>
        <translation> · 却下 {0} 件</translation>
    </message>
    <message>
        <source> · {0} notices</source>
        <translation> · 注意 {0} 件</translation>
    </message>
    <message>
        <source>Open Text Files</source>
        <translation>テキストファイルを開く</translation>
    </message>
    <message>
        <source>Text files (*.txt *.text *.md *.csv *.tsv *.html *.htm *.xml *.srt *.log);;All files (*)</source>
        <translation>テキストファイル (*.txt *.text *.md *.csv *.tsv *.html *.htm *.xml *.srt *.log);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Could not open {0}: {1}</source>
        <translation>{0} を開けませんでした: {1}</translation>
    </message>
    <message>
        <source>Analysing {0}: {1} sections to go…</source>
        <translation>{0} を解析中: 残り {1} 区間…</translation>
    </message>
    <message>
        <source>Looking for repeats across {0}…</source>
        <translation>{0} 全体で繰り返しを探しています…</translation>
    </message>
    <message>
        <source>Analysis of {0} failed: {1}</source>
        <translation>{0} の解析に失敗しました: {1}</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>loading was cancelled</source>
        <translation>読み込みはキャンセルされました</translation>
    </message>
    <message>
        <source>Accept {0}</source>
        <translation>{0} を承認</translation>
    </message>
    <message>
        <source>Accept {0} edits</source>
        <translation>{0} 件の編集を承認</translation>
    </message>
    <message>
        <source>Reject {0}</source>
        <translation>{0} を却下</translation>
    </message>
    <message>
        <source>Reject {0} edits</source>
        <translation>{0} 件の編集を却下</translation>
    </message>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Accepted {0} edits</source>
        <translation>{0} 件の編集を承認しました</translation>
    </message>
    <message>
        <source>Rejected {0} edits</source>
        <translation>{0} 件の編集を却下しました</translation>
    </message>
    <message>
        <source>Accept confident edits</source>
        <translation>確度の高い編集を承認</translation>
    </message>
    <message>
        <source>(no proposals)</source>
        <translation>（提案はありません）</translation>
    </message>
    <message>
        <source>Accept all in this document</source>
        <translation>この文書のすべてを承認</translation>
    </message>
    <message>
        <source>Reject all in this document</source>
        <translation>この文書のすべてを却下</translation>
    </message>
    <message>
        <source>Accept all in all documents</source>
        <translation>すべての文書のすべてを承認</translation>
    </message>
    <message>
        <source>Reject all in all documents</source>
        <translation>すべての文書のすべてを却下</translation>
    </message>
    <message>
        <source>All Like This</source>
        <translation>同種のものすべて</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Close Document</source>
        <translation>文書を閉じる</translation>
    </message>
    <message>
        <source>{0} has changes that were not exported. Close it anyway?</source>
        <translation>{0} には書き出していない変更があります。閉じてもよろしいですか？</translation>
    </message>
    <message>
        <source>Reopen with Encoding</source>
        <translation>文字コードを指定して開き直す</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>{0} を読み込めません: {1}</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>開き直す</translation>
    </message>
    <message>
        <source>Reopening {0} discards your changes to it. Continue?</source>
        <translation>{0} を開き直すと、この文書への変更は破棄されます。続けますか？</translation>
    </message>
    <message>
        <source>Exporting {0} document(s)…</source>
        <translation>{0} 件の文書を書き出し中…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>書き出しに失敗しました: {0}</translation>
    </message>
    <message>
        <source>{0} written, {1} skipped, {2} failed.</source>
        <translation>書き出し {0} 件、スキップ {1} 件、失敗 {2} 件。</translation>
    </message>
    <message>
        <source>skipped {0}: {1}</source>
        <translation>スキップ {0}: {1}</translation>
    </message>
    <message>
        <source>failed {0}: {1}</source>
        <translation>失敗 {0}: {1}</translation>
    </message>
    <message>
        <source>manifest: {0}</source>
        <translation>マニフェスト: {0}</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>書き出し完了</translation>
    </message>
    <message>
        <source>Folder: {0}</source>
        <translation>フォルダー: {0}</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>メニューを消去</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>{0} document(s) have changes that were not exported: {1}</source>
        <translation>{0} 件の文書に書き出していない変更があります: {1}</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>Before → After</source>
        <translation>変更前 → 変更後</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>(delete)</source>
        <translation>（削除）</translation>
    </message>
    <message>
        <source>{0} ({1})
{2}

Before: {3}
After: {4}</source>
        <translation>{0}（{1}）
{2}

変更前: {3}
変更後: {4}</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（削除済み）</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rules and Profile</source>
        <translation>ルールとプロファイル</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>プロファイル名</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>プロファイル名(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>ルール(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Thresholds</source>
        <translation>しきい値(&amp;T)</translation>
    </message>
    <message>
        <source>Your &amp;boilerplate</source>
        <translation>独自の定型文(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>読み込み(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>名前を付けて保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Read a profile TOML file</source>
        <translation>プロファイル (TOML ファイル) を読み込む</translation>
    </message>
    <message>
        <source>Write these settings as a profile TOML file, usable with “scrubtext clean --profile FILE”</source>
        <translation>この設定をプロファイル (TOML ファイル) として保存します。「scrubtext clean --profile ファイル」でも使えます</translation>
    </message>
    <message>
        <source>Encoding (mojibake, broken characters)</source>
        <translation>文字コード（文字化け、壊れた文字）</translation>
    </message>
    <message>
        <source>Boilerplate (navigation, share buttons, footers)</source>
        <translation>定型文（ナビゲーション、共有ボタン、フッター）</translation>
    </message>
    <message>
        <source>Metadata (bylines, credits, timestamps)</source>
        <translation>メタデータ（署名、クレジット、日時）</translation>
    </message>
    <message>
        <source>Duplicates (repeated lines and paragraphs)</source>
        <translation>重複（繰り返された行や段落）</translation>
    </message>
    <message>
        <source>Spacing (blank lines, trailing and invisible characters)</source>
        <translation>空白（空行、行末の空白、不可視文字）</translation>
    </message>
    <message>
        <source>Notices (reported, never changed)</source>
        <translation>注意（報告のみ、変更はしない）</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>What it catches</source>
        <translation>検出する内容</translation>
    </message>
    <message>
        <source>(no rules installed)</source>
        <translation>（ルールがありません）</translation>
    </message>
    <message>
        <source>Select a rule to see what it does and an example.</source>
        <translation>ルールを選ぶと、その働きと例が表示されます。</translation>
    </message>
    <message>
        <source>Edits whose confidence reaches the threshold are applied automatically by “scrubtext clean” and pre-accepted in the window; the others are only proposed for review.</source>
        <translation>確度がしきい値に達した編集は「scrubtext clean」で自動的に適用され、ウィンドウでもあらかじめ承認されます。それ以外は確認用の提案になります。</translation>
    </message>
    <message>
        <source>&amp;Apply from confidence:</source>
        <translation>自動適用する確度(&amp;A):</translation>
    </message>
    <message>
        <source>Your own boilerplate &amp;phrases, one per line (a line of the text that equals one of them, ignoring case and width, is removed):</source>
        <translation>独自の定型句を 1 行に 1 つ（大文字・小文字、全角・半角を区別せずに一致した行を削除します）(&amp;P):</translation>
    </message>
    <message>
        <source>Subscribe to our newsletter
この記事をシェアする</source>
        <translation>ニュースレターを購読する
この記事をシェアする</translation>
    </message>
    <message>
        <source>Regular &amp;expressions, one per line (a line that matches is removed):</source>
        <translation>正規表現を 1 行に 1 つ（一致した行を削除します）(&amp;E):</translation>
    </message>
    <message>
        <source>Also remove the article&apos;s &amp;title line (body text only)</source>
        <translation>記事のタイトル行も削除する（本文のみ）(&amp;T)</translation>
    </message>
    <message>
        <source>Line {0}: {1}</source>
        <translation>{0} 行目: {1}</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… ほか {0} 件</translation>
    </message>
    <message>
        <source>Fix the regular expressions marked in red first</source>
        <translation>まず赤で示された正規表現を修正してください</translation>
    </message>
    <message>
        <source>Fix the regular expressions first.</source>
        <translation>まず正規表現を修正してください。</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} を保存できませんでした: {1}</translation>
    </message>
    <message>
        <source>Saved {0}. Use it with: scrubtext clean --profile &quot;{1}&quot;</source>
        <translation>{0} を保存しました。使い方: scrubtext clean --profile &quot;{1}&quot;</translation>
    </message>
    <message>
        <source>Loaded {0}.</source>
        <translation>{0} を読み込みました。</translation>
    </message>
    <message>
        <source>Save Profile</source>
        <translation>プロファイルの保存</translation>
    </message>
    <message>
        <source>Profiles (*.toml);;All files (*)</source>
        <translation>プロファイル (*.toml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Load Profile</source>
        <translation>プロファイルの読み込み</translation>
    </message>
    <message>
        <source>same as general ({0:.2f})</source>
        <translation>全体と同じ ({0:.2f})</translation>
    </message>
    <message>
        <source>Examples (before → after):</source>
        <translation>例（変更前 → 変更後）:</translation>
    </message>
</context>
<context>
    <name>buffer</name>
    <message>
        <source>Typing</source>
        <extracomment>Characters put into the QTextDocument per event-loop turn while filling it. Up to this many splices are applied to the QTextDocument with cursors; more replace its text. Texts at least this long are shown with lines grouped into blocks of about GROUP_CHARS characters. The user typed (the text changed outside of review commands); carries the Document. Text and/or proposals changed through a command (accept, reject, undo, redo); carries the Document. The QTextDocument now holds the whole text. `qdoc` is another QTextDocument now (one built in the background was adopted): views re-attach. Lines are grouped into blocks (U+2028 inside a block): see the module&apos;s docstring.</extracomment>
        <translation>入力</translation>
    </message>
</context>
<context>
    <name>RuleCatalogue</name>
    <message>
        <source>Mojibake (text decoded with the wrong codec, once or twice), HTML entities and other encoding damage.</source>
        <translation>文字化け（誤った文字コードで 1 回または 2 回解読されたテキスト）、HTML 実体参照、その他の文字コードの損傷。</translation>
    </message>
    <message>
        <source>UTF-8 read as Latin-1 (ftfy&apos;s fix; the sub-id names its plan)</source>
        <translation>Latin-1 として読まれた UTF-8（ftfy による修正。サブ ID は手順名）</translation>
    </message>
    <message>
        <source>UTF-8 read as Windows-1252 (ftfy&apos;s fix; the sub-id names its plan)</source>
        <translation>Windows-1252 として読まれた UTF-8（ftfy による修正。サブ ID は手順名）</translation>
    </message>
    <message>
        <source>UTF-8 read as Windows-1250 (ftfy&apos;s fix; the sub-id names its plan)</source>
        <translation>Windows-1250 として読まれた UTF-8（ftfy による修正。サブ ID は手順名）</translation>
    </message>
    <message>
        <source>UTF-8 read as Windows-1251 (ftfy&apos;s fix; the sub-id names its plan)</source>
        <translation>Windows-1251 として読まれた UTF-8（ftfy による修正。サブ ID は手順名）</translation>
    </message>
    <message>
        <source>UTF-8 read as MacRoman (ftfy&apos;s fix; the sub-id names its plan)</source>
        <translation>MacRoman として読まれた UTF-8（ftfy による修正。サブ ID は手順名）</translation>
    </message>
    <message>
        <source>UTF-8 read as code page 437 (ftfy&apos;s fix; the sub-id names its plan)</source>
        <translation>コードページ 437 として読まれた UTF-8（ftfy による修正。サブ ID は手順名）</translation>
    </message>
    <message>
        <source>HTML entities (ftfy)</source>
        <translation>HTML 実体参照 (ftfy)</translation>
    </message>
    <message>
        <source>UTF-8 whose no-break-space byte became a space</source>
        <translation>ノーブレークスペースのバイトが空白になった UTF-8</translation>
    </message>
    <message>
        <source>text mojibaked twice</source>
        <translation>2 回文字化けしたテキスト</translation>
    </message>
    <message>
        <source>UTF-8 read as CP932 (Shift_JIS)</source>
        <translation>CP932 (Shift_JIS) として読まれた UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 read as GBK</source>
        <translation>GBK として読まれた UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 read as Big5</source>
        <translation>Big5 として読まれた UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 read as EUC-KR (CP949)</source>
        <translation>EUC-KR (CP949) として読まれた UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 read as Windows-1251</source>
        <translation>Windows-1251 として読まれた UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 read as CP437</source>
        <translation>CP437 として読まれた UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 read as MacRoman</source>
        <translation>MacRoman として読まれた UTF-8</translation>
    </message>
    <message>
        <source>CP932 (Shift_JIS) read as Windows-1252</source>
        <translation>Windows-1252 として読まれた CP932 (Shift_JIS)</translation>
    </message>
    <message>
        <source>CP932 (Shift_JIS) read as Latin-1</source>
        <translation>Latin-1 として読まれた CP932 (Shift_JIS)</translation>
    </message>
    <message>
        <source>EUC-JP read as CP932 (Shift_JIS)</source>
        <translation>CP932 (Shift_JIS) として読まれた EUC-JP</translation>
    </message>
    <message>
        <source>Windows-1252 read as MacRoman</source>
        <translation>MacRoman として読まれた Windows-1252</translation>
    </message>
    <message>
        <source>MacRoman read as Windows-1252</source>
        <translation>Windows-1252 として読まれた MacRoman</translation>
    </message>
    <message>
        <source>MacRoman read as Latin-1</source>
        <translation>Latin-1 として読まれた MacRoman</translation>
    </message>
    <message>
        <source>Windows-1251 read as Windows-1252</source>
        <translation>Windows-1252 として読まれた Windows-1251</translation>
    </message>
    <message>
        <source>GBK read as Big5</source>
        <translation>Big5 として読まれた GBK</translation>
    </message>
    <message>
        <source>Big5 read as GBK</source>
        <translation>GBK として読まれた Big5</translation>
    </message>
    <message>
        <source>EUC-KR (CP949) read as GBK</source>
        <translation>GBK として読まれた EUC-KR (CP949)</translation>
    </message>
    <message>
        <source>EUC-JP read as Windows-1252</source>
        <translation>Windows-1252 として読まれた EUC-JP</translation>
    </message>
    <message>
        <source>EUC-JP read as Latin-1</source>
        <translation>Latin-1 として読まれた EUC-JP</translation>
    </message>
    <message>
        <source>GBK read as Windows-1252</source>
        <translation>Windows-1252 として読まれた GBK</translation>
    </message>
    <message>
        <source>GBK read as Latin-1</source>
        <translation>Latin-1 として読まれた GBK</translation>
    </message>
    <message>
        <source>Big5 read as Windows-1252</source>
        <translation>Windows-1252 として読まれた Big5</translation>
    </message>
    <message>
        <source>Big5 read as Latin-1</source>
        <translation>Latin-1 として読まれた Big5</translation>
    </message>
    <message>
        <source>EUC-KR (CP949) read as Windows-1252</source>
        <translation>Windows-1252 として読まれた EUC-KR (CP949)</translation>
    </message>
    <message>
        <source>EUC-KR (CP949) read as Latin-1</source>
        <translation>Latin-1 として読まれた EUC-KR (CP949)</translation>
    </message>
    <message>
        <source>KOI8-R read as Windows-1251</source>
        <translation>Windows-1251 として読まれた KOI8-R</translation>
    </message>
    <message>
        <source>UTF-8 read as KOI8-R</source>
        <translation>KOI8-R として読まれた UTF-8</translation>
    </message>
    <message>
        <source>Windows-1250 read as Windows-1252</source>
        <translation>Windows-1252 として読まれた Windows-1250</translation>
    </message>
    <message>
        <source>Page-furniture lines: listed phrases in many languages, the user&apos;s phrases and patterns, and lines the classifier judges to be menus, share bars, footers or site-wide repeats.</source>
        <translation>ページの定型部分の行：各言語の定型句リスト、ユーザー定義の語句とパターン、分類器がメニュー・共有バー・フッター・サイト共通の繰り返しと判定した行。</translation>
    </message>
    <message>
        <source>a whole line from the phrase lists</source>
        <translation>定型句リストと一致する行全体</translation>
    </message>
    <message>
        <source>a whole line from the profile&apos;s phrases</source>
        <translation>プロファイルの語句と一致する行全体</translation>
    </message>
    <message>
        <source>a line matching one of the profile&apos;s patterns</source>
        <translation>プロファイルのパターンのいずれかに一致する行</translation>
    </message>
    <message>
        <source>a line the classifier judges to be furniture (evidence in the reason)</source>
        <translation>分類器が定型部分と判定した行（根拠は理由欄に表示）</translation>
    </message>
    <message>
        <source>a line found in a large share of the batch&apos;s documents</source>
        <translation>一括処理の文書の多くに現れる行</translation>
    </message>
    <message>
        <source>a comment section after the main text (proposed only)</source>
        <translation>本文の後のコメント欄（提案のみ）</translation>
    </message>
    <message>
        <source>the title line, when the profile drops titles</source>
        <translation>タイトル行（プロファイルでタイトルを削除する設定のとき）</translation>
    </message>
    <message>
        <source>Repeated paragraphs and lines, and a line repeated by the next one with something appended (a caption followed by the same caption plus a photo credit).</source>
        <translation>繰り返された段落や行、および次の行で何かを付け加えて繰り返された行（キャプションの後に、写真クレジット付きの同じキャプションが続く場合など）。</translation>
    </message>
    <message>
        <source>a paragraph that already appeared earlier in the text</source>
        <translation>テキストの前の方に既に出てきた段落</translation>
    </message>
    <message>
        <source>a substantial line that already appeared earlier</source>
        <translation>前に既に出てきた、ある程度の長さの行</translation>
    </message>
    <message>
        <source>a line repeated by the next one with something appended (or dropped)</source>
        <translation>次の行で何かを付け加えて（または削って）繰り返された行</translation>
    </message>
    <message>
        <source>Bylines, photo credits, live-blog timestamps and contributor lines (proposed for review).</source>
        <translation>署名、写真クレジット、ライブブログの日時、寄稿者の行（確認用に提案）。</translation>
    </message>
    <message>
        <source>a byline (By …, CNNの…より)</source>
        <translation>署名（By …、CNNの…より）</translation>
    </message>
    <message>
        <source>a line that is only a photo credit</source>
        <translation>写真クレジットだけの行</translation>
    </message>
    <message>
        <source>a photo credit at the end of a caption line (only the credit)</source>
        <translation>キャプション行の末尾の写真クレジット（クレジット部分のみ）</translation>
    </message>
    <message>
        <source>a line that is only a date and time</source>
        <translation>日付と時刻だけの行</translation>
    </message>
    <message>
        <source>a contributor line (… contributed reporting)</source>
        <translation>寄稿者の行（… contributed reporting）</translation>
    </message>
    <message>
        <source>Trailing spaces, runs of blank lines, invisible and control characters, doubled CJK punctuation (`。 。`, `。、`) and spaces between Japanese sentences.</source>
        <translation>行末の空白、連続する空行、不可視文字と制御文字、重複した CJK の句読点（`。 。`、`。、`）、日本語の文と文の間の空白。</translation>
    </message>
    <message>
        <source>spaces and tabs at the end of a line</source>
        <translation>行末の空白とタブ</translation>
    </message>
    <message>
        <source>two or more blank lines in a row, and blank lines at the start or end</source>
        <translation>2 行以上連続する空行、および先頭や末尾の空行</translation>
    </message>
    <message>
        <source>zero-width spaces, word joiners, stray BOMs, soft hyphens</source>
        <translation>ゼロ幅スペース、単語結合子、紛れ込んだ BOM、ソフトハイフン</translation>
    </message>
    <message>
        <source>control characters other than tab and line breaks</source>
        <translation>タブと改行以外の制御文字</translation>
    </message>
    <message>
        <source>doubled sentence-final CJK punctuation and a stray 、 after 。</source>
        <translation>重複した CJK の文末句読点と、。の後の余分な 、</translation>
    </message>
    <message>
        <source>ASCII spaces between Japanese sentences</source>
        <translation>日本語の文と文の間の半角スペース</translation>
    </message>
    <message>
        <source>Reports, without changing anything, a last paragraph that ends mid-sentence (truncated text) and paragraphs in a different language from the rest.</source>
        <translation>何も変更せずに報告します：文の途中で終わる最後の段落（途切れたテキスト）と、他と異なる言語の段落。</translation>
    </message>
    <message>
        <source>the last paragraph of prose ends without sentence-final punctuation</source>
        <translation>最後の段落が文末の句読点なしで終わっている</translation>
    </message>
    <message>
        <source>a paragraph whose language differs from most of the text</source>
        <translation>テキストの大部分と言語が異なる段落</translation>
    </message>
</context>
</TS>
