"""Detection of personal data in chat messages: the only package that imports Presidio or spaCy.

Importing this package first makes tldextract (used by Presidio's e-mail recogniser) offline,
before any Presidio module can load it: the Public Suffix List must come from the bundled
snapshot, never from the network.
"""

from sar_desk.detect.offline import make_tldextract_offline

make_tldextract_offline()
