"""Word lists that keep name matching honest: stop words, titles, and names that are words.

Case-insensitive name matching is what lifts recall on chat ("tell dave"), but "will", "mark"
and "may" are English words far more often than names. Such names match only when capitalised.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect import gazetteer
from sar_desk.detect.closed_classes import FOODS, GREETINGS, HONORIFICS, STATUSES
from sar_desk.detect.cues import (
    OFF_WORK,
    ROLES,
    appositive_role,
    named_by_what_follows,
    person_grammar,
    possessive_before,
)
from sar_desk.detect.languages import is_foreign_word
from sar_desk.detect.lexical import (
    is_listed_name,
    is_mash,
    lower_word_not_name,
    odd_capitals,
    repeated_words,
)
from sar_desk.detect.platforms import product_name
from sar_desk.detect.posts import is_post
from sar_desk.detect.units import is_unit
from sar_desk.detect.world_greetings import is_world_greeting


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "cllr", "rev"})

# Chat words that follow "hi"/"thanks"/"cc" but are not people.
NOT_NAMES = _wordset("""
all everyone everybody guys folks team gang there again mate mates both you u ya y'all
lot lots loads much so very again again babe hun love darling sir madam boss pal buddy dude
chief peeps people lads ladies girls boys morning afternoon evening night tomorrow today
yesterday later soon now asap pls please for the this that them him her me us it ok okay
yes no yeah nope cool great lovely sorry heaps tons again chat group admin manager hr it
everyone's guys' both bro sis fam dear hi hey hiya hello thanks thank thx cheers ta bye
cc ping ask tell dm msg remind chase ring phone call email text said says
link links marra marrer kidda
""")

# First names and surnames that are also common English words: matched only when capitalised.
WORD_NAMES = _wordset("""
will mark may bill rose grace hope joy dawn sky amber summer faith pat rob sue ray jack frank
guy nick art bob don ivy holly daisy lily iris ruby pearl jade crystal rich chase drew gene
lance max miles norman reed rusty sandy sunny victor wade young brown green white black
gray grey hill wood rivers stone king page price long short little bell bird fox lamb
hunter cook baker taylor smith turner walker fisher mason carter porter booth moss lane
field ford hall marsh may june april august autumn winter storm rain star penny sterling
""")

# Verbs that follow a name in chat ("bob rang"): never the end of a name span.
VERBS = _wordset("""
said says rang called phoned emailed texted wants wanted needs asked asks keeps came went
thinks told fell left arrived
""")

# Words that make a capitalised phrase an organisation or a building, not a person.
ORG_WORDS = _wordset("""
council ltd limited plc nhs trust house team services service group centre center hospital
school college university surgery practice police court office department dept bank housing
association church club company solutions partnership foundation charity uk gp ward unit board
authority agency lettings homes properties estates care healthcare pharmacy motors systems
foods hall academy clinic network fund news
""")

# Street and place words: never propagated as names even when NER calls them PERSON.
PLACE_WORDS = _wordset("""
street road lane avenue drive close way crescent place court gardens grove terrace hill row
square mews walk park view rise parade green st rd ln ave dr
""")


def is_ambiguous(word: str) -> bool:
    """Whether a name is also an everyday word (so only its capitalised form counts).

    The hand list above, plus the shipped list of names that are dictionary words ("robin",
    "branch"), once loaded.
    """
    w = word.casefold()
    return w in WORD_NAMES or w in STOP_WORDS or w in NOT_NAMES or gazetteer.current().is_word(w)


# What comes before a word used as a word ("the robin", "keep the faith"), and what comes after
# a word used as a verb or adjective ("hope you all", "jack the car up", "mark it done").
_WORD_BEFORE = _wordset("the a an my your his her our its their this that these those some any no")
_WORD_AFTER = _wordset("""
you your yours it its the a an this that these those them us me him all everyone up off down
as so wishes regards
""")
# Person cues that keep a following object ("tell hope the bloods are back").
_PERSON_BEFORE = _wordset("tell told ask asked asking thank thanks cc ping remind give gave show")
_WORD_RE = re.compile(r"[\w'’]+")


def used_as_word(text: str, start: int, end: int) -> bool:
    """Whether a name that is also a word is used as the word at ``text[start:end]``.

    Only the neighbouring words decide: after an article or possessive ("the robin in the car
    park"), or before a pronoun, article or particle ("hope you all", "jack the car up"),
    unless a person cue or a role comes first ("tell hope the bloods are back", "nurse holly off
    today").
    """
    before = _WORD_RE.findall(text[max(0, start - 24) : start])
    after = _WORD_RE.findall(text[end : end + 24])
    prev = before[-1].casefold() if before else ""
    if prev in _WORD_BEFORE or possessive_before(text, start):
        return True  # "the robin", "Sam's gran"
    if not after or text[end : end + 1] not in (" ", "\t") or OFF_WORK.match(text, end):
        return False  # "hazel off sick again"
    if appositive_role(text, end) or named_by_what_follows(text, end):
        return False  # "ivy the cleaner found it", "rusty (the new volunteer) is"
    return after[0].casefold() in _WORD_AFTER and prev not in _PERSON_BEFORE | ROLES


def looks_like_name(word: str) -> bool:
    """Whether a single word could be a person's name in chat."""
    w = word.casefold().strip("'’-")
    if len(w) < 2 or not w.replace("'", "").replace("’", "").replace("-", "").isalpha():
        return False
    if w in STOP_WORDS or w in NOT_NAMES or w in TITLES or w in PLACE_WORDS:
        return False
    if odd_capitals(word) or (word == word.lower() and lower_word_not_name(word)):
        return False  # "NiNo"; "gorgeous", "asking", "plmuber" (a typo of "plumber")
    return not (w in WORD_NAMES and not word[:1].isupper())


# Accounts and labels an export makes up that are nobody: never a name term, never proposed.
_PLACEHOLDER = re.compile(
    r"^(?:deleted user|deleted account|unknown(?: user| contact)?|you|me|myself|"
    r"(?:author|participant|user|member|speaker|guest|caller|person|contact|sender|test) ?"
    r"(?:\d*|[a-e]|one|two|three|four|five|six)|anonymous|hello world|"
    # the stock names forms and examples use for nobody in particular
    r"joe bloggs|fred bloggs|joe public|john doe|jane doe|richard roe|a\.? ?n\.? other|"
    r"test(?: user| account)?|(?:whatsapp|facebook|instagram|teams|slack|signal) user|"
    r"system|null|none|n/a)$",
    re.IGNORECASE,
)


def is_placeholder(name: str) -> bool:
    """Whether a display name is a platform placeholder, a test account or only symbols.

    Numbers are not placeholders: a sender shown as "+447911123456" is someone's phone. A
    possessive is the same account ("Author 1's notes").
    """
    value = " ".join(name.split()).strip(" .:").removesuffix("'s").removesuffix("’s")
    return not any(ch.isalnum() for ch in value) or bool(_PLACEHOLDER.match(value))


# Products, platforms and vendors NER mistakes for people or places ("ping me on Teams"): a
# general list of workplace software and services (office suites, chat and video, file
# sharing, HR, finance, case and patient record systems), not one corpus's mentions.
PRODUCTS = _wordset("""
teams zoom slack whatsapp skype outlook signal telegram messenger facetime gmail google
hotmail excel sharepoint onedrive jira yammer webex instagram facebook tiktok snapchat discord
twitter linkedin youtube iphone android ipad windows datix emis systmone rio lorenzo
microsoft office365 meet hangouts drive docs sheets dropbox icloud trello asana notion miro
canva salesforce workday xero servicenow liquidlogic mosaic powerbi bi airtable confluence
powerpoint onenote sharepoint planner bookings dynamics azure intune defender copilot adobe
acrobat photoshop illustrator indesign apple macbook imac airpods amazon alexa aws kindle
oracle sap sage quickbooks kashflow freeagent zendesk freshdesk intercom hubspot mailchimp
surveymonkey typeform docusign egress mimecast citrix vmware okta lastpass bitwarden github
gitlab bitbucket figma loom calendly doodle eventbrite wordpress squarespace shopify stripe
paypal netflix spotify whereby jitsi gotomeeting bluejeans ringcentral mitel avaya
tableau qlik looker smartsheet basecamp clickup wrike monday.com evernote todoist
itrent agresso unit4 civica capita northgate idox tpp cerner medway nhsmail egress automate
credit benefit allowance motability meta rightmove zoopla onthemarket openrent spareroom
moodle turnitin unidays gumtree ebay vinted deliveroo ubereats nextdoor citizenlink siri
cortana bixby
""")
# Words that follow a vendor or product in a product's name ("Power Apps", "Google Drive",
# "Adobe Acrobat Pro", "Microsoft 365"): not products alone, never a person with one.
PRODUCT_PARTS = _wordset("""
power pro premium plus suite online app apps web desktop mobile business enterprise
workspace cloud 365 meet drive docs sheets slides forms chat mail calendar classroom live
reader studio server portal hub connect one automate sign switch marketplace pay wallet prime
store photos maps translate keep universal pension housing child attendance carer's carers
""")
# Festivals and wishes ("Merry Christmas", "Eid Mubarak", "Happy Diwali"): a greeting, never
# a name, although "Merry" and "Happy" are in the name lists.
WISHES = _wordset("""
merry happy christmas xmas easter eid mubarak diwali hanukkah chanukah ramadan kareem vaisakhi
navratri holi birthday bday anniversary new year hogmanay
""")

# Filler and a few foreign greetings NER reads as names ("Lorem", "Guten Morgen").
FILLER_WORDS = _wordset("""
lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut
labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris
nisi aliquip ex ea commodo consequat duis aute irure reprehenderit voluptate velit esse cillum
fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia
deserunt mollit anim id est laborum guten morgen tag abend nacht vielen dank danke bitte alles
klar grüße gruß tschüss bis später bonjour merci salut hola gracias buenos dias ciao grazie
world hello
""")

# Words of placeholder accounts ("Deleted User", "Author 1"): never a name on their own.
PLACEHOLDER_WORDS = _wordset("deleted author participant user member speaker guest caller unknown")


# An initial run into a word ("N.Ins"); with a listed name after it, a person ("J.Smith").
_DOTTED = re.compile(r"^[^\W\d_]\.([^\W\d_]{2,})\.?$")


@gazetteer.per_lists
def is_not_a_name(value: str) -> bool:
    """Whether every word of a span is a product, filler or placeholder word, never a person.

    Words of other languages ("Diolch", "Dzień dobry") count too, unless a name list has them.
    """
    words = [w.strip(".,:;!?'’\"()").casefold() for w in value.split()]
    words = [w for w in words if w]
    if not words or is_placeholder(value) or (len(words) > 1 and repeated_words(value)):
        return True
    if is_unit(value):
        return True  # "Red Watch", "Youth Justice Service", "Practice Manager"
    if all(w in HONORIFICS and not gazetteer.current().is_surname(w) for w in words):
        return True  # "Coroner", "Superintendent Registrar": a post, whoever holds it
    if len(words) == 1 and words[0] in GREETINGS | FOODS and not _first_name(words[0]):
        return True  # "Wotcha", "Sweet": a greeting or exclamation on its own; "jollof"
    if " ".join(words) in STATUSES:
        return True  # "Away", "Do not disturb": a presence status, never a person
    if is_post(value):
        return True  # "Parish Clerk", "Clerk to the Governors": a post, whoever holds it
    if is_world_greeting(value):
        return True  # "Kia ora", "Maidin mhaith", "Mahadsanid": a greeting in any language
    if len(words) == 1 and (dotted := _DOTTED.match(words[0])) and not is_listed_name(dotted[1]):
        return True  # "N.Ins" is "NI"
    if product_name(value) or (is_mash(words[0]) and all(is_mash(w) for w in words)):
        return True  # "Candy Crush", "Rota Cloud"; "sdfg", "hjkl qwer"
    if any(w in PRODUCTS for w in words) and all(
        w in PRODUCTS or w in PRODUCT_PARTS for w in words
    ):
        return True  # "Power Apps", "Google Drive"
    foreign = [w for w in words if _foreign_not_name(w)]
    if all(w in WISHES for w in words) and any(w not in ("merry", "happy") for w in words):
        return True  # "Merry Christmas", "Happy New Year"
    return all(
        w in PRODUCTS
        or w in FILLER_WORDS
        or w in PLACEHOLDER_WORDS
        or w in foreign
        # a short particle next to a foreign word ("Prynhawn da", "Bore da"); "Maria da Silva"
        # has a name in it and stays a name
        or (foreign and len(w) <= 2 and w.isalpha())
        for w in words
    )


def _first_name(word: str) -> bool:
    return gazetteer.current().is_first_name(word)


def _foreign_not_name(word: str) -> bool:
    gaz = gazetteer.current()
    return is_foreign_word(word) and not (gaz.is_first_name(word) or gaz.is_surname(word))


_NAME_BEFORE = _wordset("""
tell told ask asked asking thank thanks cc ping remind hi hey hiya dear with for from saw seen
met visited about re by
""")
# Common nouns ending in "-ing" that follow a word to make a compound ("storm warning").
_ING_NOUNS = _wordset("""
warning warnings meeting meetings morning evening building buildings wedding ceiling clothing
housing parking training funding booking bookings setting settings filling heading lining
spring string thing things clearing crossing landing ring
""")
_NAME_VERBS = _wordset("""
is was has had said says rang called phoned emailed texted wants wanted needs asked asks keeps
came went thinks told will would can could did does
""")


def named_in_lower_case(text: str, start: int, end: int) -> bool:
    """Whether a lower-case name that is also a word reads as a name where it stands.

    Only with a person cue before it ("asking for dawn", "re ivy"), a verb after it ("ivy
    moved out", "dawn rang") or punctuation after it ("check on ivy, all fine"); "dawn raid"
    and "pat on the back" read as words.
    """
    after = text[end : end + 1]
    if not after or after in ",.?!;:()":
        return True
    if named_by_what_follows(text, end):
        return True  # "rusty (the new volunteer) is", "major from the cadets is coming"
    if person_grammar(text, start, end):
        return True  # "can holly lock up", "holly wasnt home", "support worker ivy"
    before = _WORD_RE.findall(text[max(0, start - 24) : start])
    if before and before[-1].casefold() in _NAME_BEFORE:
        return True
    words = _WORD_RE.findall(text[end : end + 24])
    if not words or after not in (" ", "\t"):
        return False
    nxt = words[0].casefold()
    if nxt in _ING_NOUNS:
        return False  # "storm warning", "holly wreath meeting": a noun, not "ivy moving out"
    return nxt in _NAME_VERBS or (len(nxt) > 4 and nxt.endswith(("ed", "ing")))
