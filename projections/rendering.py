"""Charts and ``laporan.pdf`` rendered the same, byte for byte, every time.

What would make two renderings of the same figures differ, and what fixes it:
- settings from a user's or a folder's ``matplotlibrc``: everything is drawn under matplotlib's
  own default style, whatever the machine's configuration (``fixed_style``);
- the SVG backend's random ids (clip paths, glyph and marker definitions): a fixed
  ``svg.hashsalt``;
- timestamps: the SVG gets no ``Date``, the PNG only a ``Software`` text, and the PDF's
  ``CreationDate`` is the pack's own ``generated_at`` (no ``ModDate``), so ``SOURCE_DATE_EPOCH``
  and the clock play no part;
- fonts: DejaVu Sans and DejaVu Sans Mono only, with no fallback to other installed fonts;
  which files those names resolve to is part of ``renderer()``;
- mathtext: ``text.parse_math`` is off, so that a site called ``$5 or $10`` is drawn as written.

Font subsets (SVG glyph paths, the PDF's Type 3 fonts) follow the order the text was drawn in,
which is fixed. What is left is the versions of the libraries that draw and compress, recorded by
``renderer()``: the same versions give the same bytes.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SVG_SALT = "envtrack-evidence-pack"
PNG_DPI = 150
RC: dict[str, Any] = {
    "svg.hashsalt": SVG_SALT,
    "svg.fonttype": "path",
    "pdf.fonttype": 3,
    "pdf.compression": 6,
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],
    "font.monospace": ["DejaVu Sans Mono"],
}
# (family, weight) of every font the charts and the report draw with
FONTS = (("DejaVu Sans", "normal"), ("DejaVu Sans", "bold"), ("DejaVu Sans Mono", "normal"))


@contextmanager
def fixed_style() -> Iterator[None]:
    """matplotlib's default style and the settings above, for drawing and saving alike (text
    objects read their fonts when made, tick labels when drawn). Usable as a decorator."""
    import matplotlib
    import matplotlib.style

    with matplotlib.style.context("default"), matplotlib.rc_context(RC):
        yield


def renderer() -> dict[str, Any]:
    """The versions and font files the bytes of the charts and the report depend on."""
    import matplotlib
    import numpy
    import PIL
    from matplotlib import font_manager, ft2font
    from PIL import features

    with fixed_style():
        paths = [
            Path(font_manager.findfont(font_manager.FontProperties(family=family, weight=weight)))
            for family, weight in FONTS
        ]
    return {
        "matplotlib": matplotlib.__version__,
        "numpy": numpy.__version__,
        "freetype": ft2font.__freetype_version__,
        "pillow": PIL.__version__,
        "zlib": {"pdf": zlib.ZLIB_RUNTIME_VERSION, "png": features.version("zlib")},
        "fonts": {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths},
    }


@fixed_style()
def save_png(figure: Any, path: Path, *, version: str) -> None:
    figure.savefig(path, format="png", dpi=PNG_DPI, metadata={"Software": f"envtrack {version}"})


@fixed_style()
def save_svg(figure: Any, path: Path, *, version: str) -> None:
    figure.savefig(path, format="svg", metadata={"Date": None, "Creator": f"envtrack {version}"})
