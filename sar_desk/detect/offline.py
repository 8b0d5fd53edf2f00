"""Keep tldextract off the network (presidio.md §2.1).

Presidio's `EmailRecognizer` calls ``tldextract.extract``; with a fresh cache that fetches the
Public Suffix List over HTTPS, which behind a firewall can hang. Both switches below make it use
the snapshot bundled with tldextract and write nothing to the user profile.
"""

from __future__ import annotations

import os

_done = False


def make_tldextract_offline() -> None:
    """Disable tldextract's HTTP fetches and cache; safe to call more than once."""
    global _done
    if _done:
        return
    # tldextract >= 5.4 reads this at import time; an empty value disables fetching.
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    import tldextract
    import tldextract.tldextract as tldx

    # `tldextract.extract()` looks this up at call time, so swapping it works at any point
    # before the first analysis, on any tldextract 3.x-5.x.
    tldx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    _done = True
