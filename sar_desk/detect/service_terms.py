"""Terms of the courts, clinics, universities and banks that carry people's names (session 18).

A listing officer writes "McKenzie friend", a reablement worker "Barthel" and "Katz ADL", an
optometrist "Esterman" or "Humphrey field", a registry "Rhodes and Marshall references", a
practice nurse "Shingrix clinic", a debt officer "payments from Coutts". Each is named after a
person or reads as a name, and none is anyone's personal data. Read from fixed lists and the
words around them, never from a corpus's names:

- court terms, whole ("Newton hearing", "Goodyear indication", "Turnbull direction"), and
  charities and makers named after people ("Sue Ryder", "Leonard Cheshire", "Alexander
  Dennis", "Marks and Spencer");
- a clinical or educational scale, test, tool or line, with its kind word after it ("Barthel
  Index", "Hickman line", "Foley catheter", "Humphrey field analyser", "Boxall Profile"; after a
  listed name only a kind nobody owns, so "Griffiths assessment" stays Mr Griffiths's), or
  alone in a message about a result when no name list holds the word ("Esterman result is a
  fail", "Katz done");
- a scholarship or funder with a word of awards, references or funding after it ("Rhodes and
  Marshall references", "Leverhulme deadline");
- a vaccine's brand name anywhere (none is a person's name);
- a bank where the message speaks of money (accounts, statements, cheques, payments).

A title before the name keeps a person ("Mr Katz", "Dr Humphrey"). The lists were written by
hand on 8 Dec 2026 from general knowledge of UK courts, NHS and social-care assessment, SEND
practice, university funding, the UK immunisation schedule, UK banks, charities and bus makers;
corpora v33 and v34 (development sets since their held-out runs) showed the kinds.
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.eponym_kinds import lowered, titled

_COURT = (
    "McKenzie friend|McKenzie friends|Newton hearing|Goodyear indication|Turnbull direction|"
    "Turnbull warning|Lucas direction|Makanjuola warning|Galbraith submission|Tomlin order|"
    "Hadkinson order|Bullock order|Sanderson order|Calderbank offer|Beddoe order|Mareva injunction"
)
_SCALES = """
hickman groshong foley tenckhoff broviac portacath
barthel katz lawton waterlow braden norton rockwood apgar gleason breslow snellen esterman goldmann
humphrey ishihara epworth centor abbey boxall conners vineland wechsler bayley griffiths folstein
hamilton tinetti romberg trendelenburg lachman phalen tinel valsalva epley hallpike widgit makaton
"""
_SCALE_NAMES = frozenset(_SCALES.split())
# Kinds nobody owns ("Barthel Index", "Katz ADL", "Humphrey field analyser"), and kinds a
# person's own result may have ("Griffiths assessment", "Jones test"): the second only after a
# name no list holds.
_STRONG_KINDS = (
    r"index|scale|adl|iadl|criteria|tonometry|perimetry|field analy[sz]er|field test|"
    r"classification|inventory|questionnaire|manoeuvre|maneuver|symbols|signing|"
    r"line|lines|catheter|catheters"
)
_WEAK_KINDS = r"score|scores|test|field|fields|profile|chart|grade|grading|assessment|tool"
# The kind word after the name, or after "and"/"or" and another name ("Goldmann or Humphrey
# field analyser", "Rhodes and Marshall references").
_ALSO = r"(?:[ \t]+(?:and|or|&|/)[ \t]+[^\W\d_][\w'’-]*)?"
_STRONG_AFTER = re.compile(rf"{_ALSO}[ \t]+(?i:{_STRONG_KINDS})(?![\w'’-])")
_ANY_AFTER = re.compile(rf"{_ALSO}[ \t]+(?i:{_STRONG_KINDS}|{_WEAK_KINDS})(?![\w'’-])")
_RESULT = re.compile(
    r"(?i)\b(?:result|results|score|scored|scoring|done|fail|failed|pass|passed|validated|"
    r"assessment|assessed|field|test|tested|forms?|up from|down from|accepted)\b"
)
_FUNDER_WORDS = "rhodes marshall fulbright leverhulme wellcome nuffield chevening clarendon gates"
_FUNDERS = frozenset(_FUNDER_WORDS.split())
_AWARD_AFTER = re.compile(
    rf"{_ALSO}[ \t]+(?i:scholarships?|scholars?|fellowships?|fellows?|awards?|funded|funding|"
    r"funder|applicants?|applications?|references?|deadline|grants?|studentships?|bursary|"
    r"trust)(?![\w'’-])"
)
_VACCINE_WORDS = """
    shingrix comirnaty spikevax fluenz arexvy abrysvo nuvaxovid vaxzevria zostavax gardasil
    bexsero trumenba menveo nimenrix prevenar pneumovax infanrix pediacel repevax boostrix
    priorix mmrvaxpro rotarix revaxis havrix engerix fendrix vaqta twinrix typhim vivotif
    dukoral ixiaro rabipur stamaril qdenga beyfortus synagis flucelvax fluad supemtek
"""
_VACCINES = frozenset(_VACCINE_WORDS.split())
_BANKS = (
    "Coutts|Weatherbys|C\\. Hoare & Co|Hoare's|Child & Co|Cater Allen|Close Brothers|Arbuthnot|"
    "Investec|Handelsbanken|Triodos|Monzo|Starling|Revolut|Nationwide|Santander|Halifax|"
    "NatWest|Barclays|Lloyds|HSBC|TSB|Metro Bank|Virgin Money|Clydesdale|First Direct|"
    "Tesco Bank|Co-op Bank|Yorkshire Bank"
)
_MONEY = re.compile(
    r"(?i)\b(?:bank|banks|account|accounts|statements?|cheques?|direct debits?|mandate|"
    r"payments?|paid|pays|refund\w*|sort code|loan|mortgage|overdraft|standing order)\b"
)
# Charities named after people, and makers whose names are people's (buses, a retailer).
_NAMED_BODIES = (
    "Leonard Cheshire|Sue Ryder|Marie Curie|Elizabeth Finn Care|Buttle UK|Winston's Wish|"
    "Anthony Nolan|Terrence Higgins Trust|Joseph Rowntree|Esmée Fairbairn|Esmee Fairbairn|"
    "Paul Hamlyn|Garfield Weston|Florence Nightingale Foundation|Barnardo's|Barnardos|"
    "Alexander Dennis|Optare Solo|Optare Versa|Optare Tempo|Wright StreetDeck|Wright StreetLite|"
    "Wright Eclipse|Wright Gemini|Wrightbus|Marks and Spencer|Marks & Spencer"
)
_PHRASE = re.compile(rf"(?<![\w'’-])(?:{_COURT}|{_NAMED_BODIES}|{_BANKS})(?![\w'’-])")
_PHRASE_SMALL = re.compile(_PHRASE.pattern, re.IGNORECASE)  # a message typed in lower case
_BANK_NAMES = frozenset(b.replace("\\", "").casefold() for b in _BANKS.split("|"))


def service_term(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a court term, a scale, a funder, a vaccine or a bank."""
    value = text[start:end].strip()
    words = value.split()
    if not words or titled(text, start):
        return False
    low = value.casefold()
    first = words[0].casefold()
    if low in _VACCINES or first in _VACCINES:
        return True  # "Fluenz nasal spray", "Arexvy RSV"
    phrase = _PHRASE_SMALL if lowered(text) else _PHRASE
    for m in phrase.finditer(text, max(0, start - 24), min(len(text), end + 24)):
        if m.start() <= start and end <= m.end():
            bank = m.group(0).casefold() in _BANK_NAMES
            if not bank or (_MONEY.search(text) and not gazetteer.current().is_place(value)):
                return True  # "McKenzie friend", "payments come from Coutts"
    if first in _SCALE_NAMES:
        gaz = gazetteer.current()
        listed = gaz.is_first_name(first) or gaz.is_surname(first)
        after = (" " + " ".join(words[1:]), 0) if len(words) > 1 else (text, end)
        if (_STRONG_AFTER if listed else _ANY_AFTER).match(*after):
            return True  # "Barthel Index", "Humphrey field analyser", "Boxall Profile"
        if len(words) == 1 and not listed and _RESULT.search(text):
            return True  # "Esterman result for her is a fail", "Katz done"
    return first in _FUNDERS and len(words) == 1 and bool(_AWARD_AFTER.match(text, end))
