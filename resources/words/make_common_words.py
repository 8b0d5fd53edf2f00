"""Regenerate common-en.txt: English words common enough never to be protected strings alone.

Run by hand on a developer machine (not at run time, not in CI): it needs the `wordfreq`
package and the SCOWL word lists of Debian's `wamerican` and `wbritish-large` packages.

    pip install wordfreq==3.1.1 && apt-get install wamerican wbritish-large
    python resources/words/make_common_words.py > resources/words/common-en.txt

A word is kept when it is among wordfreq's 60,000 most frequent English words, is spelled in
lower case in SCOWL (a dictionary word, not only a name), and, if SCOWL also lists it as a
capitalised name ("Tom", "Rose"), is among the 1,200 most frequent words ("Will", "May").
Words shorter than three letters are left out: those are never protected alone anyway.
"""

from __future__ import annotations

import re
from pathlib import Path

import wordfreq

TOP = 60_000
NAME_RANK = 1_200
DICT = Path("/usr/share/dict")


def main() -> None:
    lower: set[str] = set()
    for name in ("american-english", "british-english-large"):
        lower.update(w for w in (DICT / name).read_text().split() if w.islower())
    names = {w.lower() for w in (DICT / "american-english").read_text().split() if w[:1].isupper()}
    ranked = wordfreq.top_n_list("en", TOP)
    kept = sorted(
        w
        for rank, w in enumerate(ranked)
        if re.fullmatch(r"[a-z]{3,}", w) and w in lower and (w not in names or rank < NAME_RANK)
    )
    print("\n".join(kept))


if __name__ == "__main__":
    main()
