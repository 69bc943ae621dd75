"""The handout's fonts: Noto Sans CJK KR (OFL), cut to the characters the handout uses and
given TrueType outlines, so that Chromium embeds them as real fonts.

Why: Debian's Noto CJK fonts are OpenType collections with CFF outlines, and Chromium's
PDF writer (Skia) embeds a CFF font as Type 3 glyph drawings: no font name in the PDF, and
a 250-page handout of 8.7 MB. The same outlines as TrueType (quadratic curves, fontTools'
cu2qu, within one unit) are embedded as named, subset CID fonts. The metrics do not change,
so a diagram's labels, measured in Noto Sans CJK KR at build time, fit their boxes on paper.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass

from _handout_printer import HandoutError

# The faces the handout's stylesheet asks for (overrides/handout/handout.css), by the name
# it asks for them: (fontconfig pattern, the family fontconfig must find, CSS weight).
FACES = {
    "handout-sans-regular.ttf": ("Noto Sans CJK KR:weight=regular", "Noto Sans CJK KR", 400),
    "handout-sans-bold.ttf": ("Noto Sans CJK KR:weight=bold", "Noto Sans CJK KR", 700),
    "handout-mono-regular.ttf": ("Noto Sans Mono CJK KR:weight=regular", "Noto Sans Mono CJK KR", 400),
    "handout-mono-bold.ttf": ("Noto Sans Mono CJK KR:weight=bold", "Noto Sans Mono CJK KR", 700),
}
MAX_ERROR = 1.0  # font units: how far a quadratic curve may stray from the cubic it replaces


@dataclass(frozen=True)
class HandoutFont:
    name: str  # the file name the stylesheet loads
    data: bytes


def handout_fonts(text: str) -> list[HandoutFont]:
    """Each face, subset to the characters of `text` (plus printable ASCII), as TrueType."""
    characters = "".join(sorted(set(text) | {chr(code) for code in range(32, 127)}))
    return [HandoutFont(name, _truetype(_installed(pattern, family), characters))
            for name, (pattern, family, _weight) in FACES.items()]


def _installed(pattern: str, family: str) -> tuple[str, int]:
    """The font file and its index in the collection, from fontconfig."""
    try:
        found = subprocess.run(["fc-match", "--format=%{family}\n%{file}\n%{index}", pattern],
                               check=True, capture_output=True, text=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError) as error:
        raise HandoutError(f"fontconfig(fc-match)로 글꼴을 찾지 못했습니다({error}) — sudo apt-get install fontconfig fonts-noto-cjk") from error
    if len(found) < 3 or family not in found[0].split(","):
        raise HandoutError(f"인쇄본 글꼴 {family}이(가) 없습니다(찾은 글꼴: {found[0] or '없음'}) — sudo apt-get install fonts-noto-cjk")
    return found[1], int(found[2] or 0)


def _truetype(location: tuple[str, int], characters: str) -> bytes:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    path, index = location
    font = TTFont(path, fontNumber=index, recalcTimestamp=False)  # the same bytes on every build
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    if "CFF " not in font:
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()
    order, outlines = font.getGlyphOrder(), font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(outlines)
        outlines[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for key in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, key, 0)
    maxp.maxZones = 1
    font["post"].formatType = 3.0  # no glyph names
    font.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
