"""Organisations' mailboxes, which are nobody's e-mail address (issue 15, round 14).

"foi@council.example.gov.uk", "enquiries@", "noreply@": a mailbox a team
or a whole body reads is not a third party's personal data, and proposing it redacts the
organisation's own contact details out of a disclosure. A role local part
(`ROLE_LOCAL_PARTS`), with or without a separator ("no-reply", "no_reply", "noreply") and
with a number after it ("info2"), makes the mailbox a body's. Only listed roles: a local part
of plain English words ("autumn.fields@") may well be a person's, since given and family
names are English words too.
"""

from __future__ import annotations

import re

# Source: the role mailboxes of RFC 2142 ("Mailbox names for common services, roles and
# functions": info, marketing, sales, support, abuse, noc, security, postmaster, hostmaster,
# usenet, news, webmaster, www, uucp, ftp), with the role accounts that UK public bodies and
# firms publish as their contact points (enquiries, foi, dpo, complaints, no-reply, bookings
# and the like), written by hand for round 14 from general knowledge, not from a corpus.
# Separators are dropped before lookup, so "no-reply" is listed as "noreply".
_ROLES = """
info marketing sales support abuse noc security postmaster hostmaster usenet news webmaster
www uucp ftp mailerdaemon
admin administrator enquiries enquiry inquiries inquiry contact contactus hello help helpdesk
servicedesk office reception accounts accountspayable accounting billing finance payments
payroll invoices hr humanresources jobs careers recruitment vacancies press media pressoffice
noreply donotreply notifications alerts newsletter mail mailbox general team staff
privacy dpo dataprotection foi freedomofinformation sar subjectaccess ig governance
complaints feedback customerservice customerservices customercare service services bookings
booking orders order reservations events safeguarding legal compliance procurement facilities
it ict estates housing repairs council membership members volunteer
volunteers schooloffice
"""
ROLE_LOCAL_PARTS = frozenset(_ROLES.split())

_LOCAL = re.compile(r"^([^@\s]+)@")
_PARTS = re.compile(r"[._+-]+")


def _role(local: str) -> bool:
    joined = re.sub(r"\d+$", "", _PARTS.sub("", local))
    return joined in ROLE_LOCAL_PARTS


def role_mailbox(address: str) -> bool:
    """Whether an e-mail address is an organisation's mailbox by its local part."""
    found = _LOCAL.match(address.strip().casefold())
    if found is None:
        return False
    local = found.group(1)
    return _role(local)
