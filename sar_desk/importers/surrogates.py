"""Old SMS Backup & Restore files wrote emoji as UTF-16 surrogate-pair character references.

No XML parser accepts ``&#55357;&#56832;``; this streaming pre-filter recombines each pair into
one real code point before the parser sees the bytes, so a multi-gigabyte backup is still read
in one pass with bounded memory.
"""

from __future__ import annotations

import re
from typing import IO

_SURROGATE = rb"&#(?:(5[5-7]\d{3})|[xX]([dD][89a-fA-F][0-9a-fA-F]{2}));"
_SURROGATES = re.compile(_SURROGATE + rb"(?:" + _SURROGATE + rb")?")
_HOLD = 24
"""A surrogate pair reference is at most 16 bytes; hold back a little more at chunk ends."""


class SurrogateFixer:
    """A binary stream that rewrites surrogate-pair character references as real code points.

    ``&#55357;&#56832;`` becomes ``&#128512;``; a lone surrogate becomes U+FFFD (counted in
    `lone`) so one broken emoji cannot make the rest of a backup unreadable.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._pending = b""
        self._eof = False
        self.fixed = 0
        self.lone = 0

    def _sub(self, match: re.Match[bytes]) -> bytes:
        def value(dec: bytes | None, hexa: bytes | None) -> int:
            return int(dec) if dec else int(hexa or b"0", 16)

        first = value(match.group(1), match.group(2))
        if match.group(3) or match.group(4):
            second = value(match.group(3), match.group(4))
            if 0xD800 <= first < 0xDC00 <= second < 0xE000:
                self.fixed += 1
                code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                return b"&#%d;" % code
            self.lone += 2
            return b"&#xFFFD;&#xFFFD;"
        self.lone += 1
        return b"&#xFFFD;"

    def read(self, size: int = -1) -> bytes:
        """Read up to about `size` filtered bytes (fewer at the end of the file)."""
        want = size if size and size > 0 else 1 << 20
        while not self._eof and len(self._pending) < want + _HOLD:
            chunk = self._raw.read(want)
            if not chunk:
                self._eof = True
            self._pending += chunk
        if self._eof:
            out, self._pending = self._pending, b""
        else:
            cut = len(self._pending) - _HOLD
            amp = self._pending.find(b"&", cut)
            cut = amp if amp != -1 else len(self._pending)
            out, self._pending = self._pending[:cut], self._pending[cut:]
        if b"&#" in out:
            out = _SURROGATES.sub(self._sub, out)
        return out
