"""The page's own stylesheet and scripts, and the small HTML pieces the page draws.

Nothing here carries text a user typed: a copy button holds agreement text and citations,
HTML-escaped into an attribute; a scroll script holds a CSS class made by `web.dom_key`.
"""

from __future__ import annotations

import html
import json

# Highlights lose Streamlit's padding (it looked like spaces inserted around a word); the role
# table gets fixed columns; narrow screens get the role cards instead of the table; printing
# shows only the questions, the quotes and their citations (or the role table).
STYLE = """<style>
span.stMarkdownColoredBackground { padding: 0 !important; border-radius: 0 !important; }
[class*="st-key-answer-"], [class*="st-key-passage-"] { scroll-margin-top: 4.5rem; }
.kyoyaku-actions { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
button.kyoyaku-copy, button.kyoyaku-print {
  font: inherit; font-size: 0.875rem; padding: 0.25rem 0.75rem; cursor: pointer;
  border: 1px solid rgba(49, 51, 63, 0.3); border-radius: 0.5rem; background: #fff; color: inherit;
}
button.kyoyaku-copy:hover, button.kyoyaku-print:hover { border-color: #ff4b4b; color: #ff4b4b; }
.kyoyaku-copied { font-size: 0.875rem; color: #1b5e20; }
.st-key-role-table table { table-layout: fixed; width: 100%; }
.st-key-role-table th:nth-child(1) { width: 9em; }
.st-key-role-table th:nth-child(2) { width: 8.5em; }
.st-key-role-table td:nth-child(2) { word-break: keep-all; overflow-wrap: anywhere; }
[class*="st-key-section-"] table, [class*="st-key-passage-"] table { table-layout: fixed; width: 100%; }
[class*="st-key-section-"] th:nth-child(1), [class*="st-key-passage-"] th:nth-child(1) { width: 5.5em; }
[class*="st-key-section-"] td:nth-child(1), [class*="st-key-passage-"] td:nth-child(1) {
  word-break: keep-all; overflow-wrap: anywhere;
}
@media (max-width: 640px) { .st-key-role-table { display: none !important; } }
@media (min-width: 641px) { .st-key-role-cards { display: none !important; } }
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stBottom"], [data-testid="stChatInput"], [data-testid="stExpander"],
  [data-testid="stButton"], [data-testid="stPopover"], [data-testid="stDownloadButton"],
  [data-testid="stTextInput"], [data-testid="stSelectbox"], .st-key-view, .st-key-role-cards,
  [class*="st-key-noprint"], .kyoyaku-actions, [data-testid="stChatMessageAvatarUser"],
  [data-testid="stChatMessageAvatarAssistant"] { display: none !important; }
  .st-key-role-table { display: block !important; }
  [data-testid="stAppViewContainer"], [data-testid="stMain"] { overflow: visible !important; }
}
</style>"""

# One listener for every copy and print button the page draws (installed once per page).
SCRIPT = """<script>
(function () {
  if (window.kyoyakuInstalled) { return; }
  window.kyoyakuInstalled = true;
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text; area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    area.remove();
    return done;
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    if (target.closest("button.kyoyaku-print")) { window.print(); return; }
    var button = target.closest("button.kyoyaku-copy");
    if (!button) { return; }
    var text = button.getAttribute("data-copy");
    var status = button.parentElement.querySelector(".kyoyaku-copied");
    function report(done) {
      button.setAttribute("data-copied", done ? "yes" : "no");
      if (!status) { return; }
      status.textContent = done ? "コピーしました" : "コピーできませんでした。引用を選んでコピーしてください。";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { report(true); }, function () { report(fallbackCopy(text)); });
    } else {
      report(fallbackCopy(text));
    }
  });
})();
</script>"""


def copy_button(text: str, label: str = "引用と出典をコピー") -> str:
    """A button that puts `text` on the clipboard (through `SCRIPT`), with room for 「コピーしました」."""
    return (
        '<div class="kyoyaku-actions">'
        f'<button type="button" class="kyoyaku-copy" data-copy="{html.escape(text, quote=True)}">'
        f"{html.escape(label)}</button>"
        '<span class="kyoyaku-copied" role="status"></span></div>'
    )


PRINT_BUTTON = '<div class="kyoyaku-actions"><button type="button" class="kyoyaku-print">印刷する</button></div>'


def scroll_script(key: str, nonce: int) -> str:
    """Bring the container of widget key `key` (Streamlit gives it the class `st-key-<key>`) to
    the top of the window.

    Streamlit keeps a chat page pinned to its end while the page grows (and pins it again when
    a scroll leaves it there, even seconds later) and a loaded machine lays out late, so for
    twenty seconds, or until the reader scrolls, clicks, touches or types, the script scrolls
    back each time it finds the element out of the upper half of the window."""
    selector = json.dumps(f".st-key-{key}")
    return f"""<script>/* {nonce} */(function () {{
  var ticks = 0, first = true, timer = null;
  var inputs = ["wheel", "touchstart", "keydown", "mousedown"];
  function stop() {{
    clearInterval(timer);
    inputs.forEach(function (name) {{ window.removeEventListener(name, stop, true); }});
  }}
  inputs.forEach(function (name) {{ window.addEventListener(name, stop, true); }});
  timer = setInterval(function () {{
    var element = document.querySelector({selector});
    if (element) {{
      var top = element.getBoundingClientRect().top;
      if (first || top < 0 || top > window.innerHeight / 2) {{
        element.scrollIntoView({{block: "start"}});
        first = false;
      }}
    }}
    if (++ticks >= 200) {{ stop(); }}
  }}, 100);
}})();</script>"""
