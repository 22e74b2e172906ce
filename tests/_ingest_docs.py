"""Builders of small documents in every format `kg ingest` reads, for the ingest tests.

All text here is synthetic: the places, organisations and projects are invented
for the tests (青禾高新区, 星河大学, 明远科技 …) and describe nothing real.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence

#: A synthetic progress report in the style of a zone's work report.
SYNTHETIC_REPORT = (
    "青禾高新区2023年工作进展情况\n"
    "青禾高新区与星河大学签订了战略合作协议。"
    "明远科技有限公司、蓝湾药业等企业与星河大学、江北理工大学等高校开展了产学研合作,"
    "取得了积极成效。"
    "投资5.5亿元的云杉数据中心项目正在办理前期手续;白鹭物流园项目完成选址;"
    "青禾新材料产业园项目即将开工建设。"
    "与东川建工集团合作的滨河路桥工程已签约。"
    "在星河会展中心举行了青禾招商推介会,与8家知名物流企业签署了合作意向。"
    "星河大学与青禾职业技术学院合作的机电工程硕士班已经开班。"
    "探索飞地经济合作模式,提升园区承载能力。\n"
)


def make_html(body: str, charset: str = "utf-8") -> bytes:
    """A page with navigation, a script, an article holding ``body`` and a footer."""
    page = (
        f'<html><head><meta charset="{charset}"><title>标题栏</title>'
        "<script>var menu = '导航脚本';</script><style>p{color:red}</style></head><body>"
        '<div class="nav"><a href="/">首页</a> <a href="/news">新闻中心</a></div>'
        "<header>青禾门户网站</header>"
        f"<article><h1>工作进展</h1><p>{body}</p></article>"
        '<div id="footer">版权所有 青禾高新区管委会</div>'
        "</body></html>"
    )
    return page.encode(charset)


def make_docx(paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    """A .docx with ``paragraphs`` and a table, written by python-docx."""
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(lines: Sequence[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (a Type0 font with a ToUnicode map;
    no glyphs are embedded, which text extraction does not need)."""
    text = "".join(lines)
    chars = sorted(set(text))
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{len(chars)} beginbfchar\n"
        + "".join(f"<{cid[ch]:04X}> <{ord(ch):04X}>\n" for ch in chars)
        + "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
    ops = ["BT /F1 12 Tf 72 720 Td"]
    for i, line in enumerate(lines):
        if i:
            ops.append("0 -20 Td")
        ops.append("<" + "".join(f"{cid[ch]:04X}" for ch in line) + "> Tj")
    ops.append("ET")

    def stream(body: str) -> bytes:
        data = body.encode("latin-1")
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Synthetic /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        stream("\n".join(ops)),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Synthetic /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        stream(cmap),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_zip_bomb_docx() -> bytes:
    """A zip that claims a .docx layout and unpacks to far more than it weighs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * 2_000_000)
    return buffer.getvalue()


SENTENCE = "青禾高新区与星河大学签订了合作协议。"

#: For each registered reader: a document holding SENTENCE in that format.
SAMPLES: dict[str, Callable[[], bytes]] = {
    "txt": lambda: SENTENCE.encode("gb18030"),
    "html": lambda: make_html(SENTENCE, "gb18030"),
    "docx": lambda: make_docx([SENTENCE]),
    "pdf": lambda: make_pdf(["青禾高新区与星河大学签订", "了合作协议。"]),
}
