"""Detection of personal data in chat messages: the only package that imports Presidio or spaCy.

Importing this package first makes tldextract (used by Presidio's e-mail recogniser) offline,
before any Presidio module can load it: the Public Suffix List must come from the bundled
snapshot, never from the network. It also keeps spaCy's command line (and its model download)
out of the process before spaCy is first imported (`offline.keep_spacy_cli_out`).
"""

from sar_desk.detect.offline import keep_spacy_cli_out, make_tldextract_offline

keep_spacy_cli_out()
make_tldextract_offline()
