"""Where a name stands as an animal's, a bell's or a vessel's in one message (issue 15, round 20).

`thing_positions` reads a name beside any common noun; this module knows the kinds that most
often carry people's names (animals, birds, bells, boats, vehicles and machines) and what only
such things do, so it reads positions the generic rule cannot trust for every noun:

- a kind right before the name, with no determiner or after a comma: "merlin Hilda 165g",
  "goshawk Bertram", "our buzzard, Percy,"; a kind opening the line and closing with "!" or
  ":" ("escaped ferret! Clover headed off"), or with the name alone in brackets ("the
  greyhound (Biscuit)"); a describing word may open the name ("the narrowboat Old Tilly");
- an apposition of up to four words closing on a kind, after the name and a describing word
  that may open it: "Little Horace the black runner duck", "Hester, our treble,"; or said
  of the name: "Biscuit is a 3-year-old Labrador cross", "Biscuit's our new puppy";
- a kind in brackets after it, with or without a determiner: "Percy (Lanner falcon)";
- a kind or another thing noun before "called"/"named": "that old ewe is called Rosalind";
- the name before an animal kind it modifies: "a Cooper hawk", "a Jack Russell terrier";
- a weight in grams or a height in hands after it ("Bertram 742g", "Bramble 15.2hh"), a verb
  only an animal or a bell takes ("Percy perched", "Bramble foaled", "Hilda laid an egg"), a
  vet's or a farrier's work done to it ("Rex was neutered", "Bramble needs shoeing"), or a
  body part or a piece of kit only they have after its possessive ("Hilda's jesses",
  "Hester's clapper").

Kinds also said of people ("bird", "cow", "duck", "chick", "monkey") count only after "the",
"a", "an" or "our": "his bird Stacey" is his girlfriend, "silly cow Stacey" a person; after
"is a" they never count, nor after a saying ("a night owl", "a dark horse").
"""

from __future__ import annotations

import re

from sar_desk.detect import gazetteer
from sar_desk.detect.thing_positions import person_noun, thing_noun


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Kinds of animal (pets, farm, zoo, wild, birds of prey and the falconer's birds, fish) and
# the things that are given names: bells, boats, vehicles and machines.
KINDS = _set("""
dog puppy pup hound terrier spaniel collie lurcher whippet greyhound labrador retriever
cockapoo cavapoo labradoodle schnauzer husky dalmatian staffie staffy westie sheepdog chihuahua
poodle beagle pug corgi dachshund boxer mastiff rottweiler alsatian cat kitten tomcat moggy
rabbit bunny hamster guinea gerbil ferret tortoise terrapin budgie parrot macaw cockatiel
canary parakeet lovebird goldfish koi carp trout salmon pike fish
horse pony foal mare stallion gelding filly colt cob donkey mule cow calf heifer bull bullock
ox sheep ewe ram lamb tup goat nanny billy pig piglet sow boar hog hen cockerel rooster
cock chicken chick bantam duck duckling drake goose gander swan cygnet turkey alpaca llama
bird hawk falcon kestrel merlin peregrine saker lanner goshawk sparrowhawk buzzard kite eagle
owl owlet vulture raptor harrier hobby heron egret crane stork pigeon dove crow raven rook
jackdaw magpie jay robin blackbird thrush wren seagull gull cormorant puffin penguin
flamingo pelican ostrich emu peacock pheasant partridge grouse
fox badger otter deer stag fawn hare squirrel hedgehog mole vole mouse rat bat seal
lion lioness tiger leopard cheetah lynx jaguar bear wolf elephant giraffe zebra rhino hippo
gorilla chimp monkey lemur meerkat camel kangaroo wallaby koala panda snake python boa
lizard gecko iguana tortoise frog toad newt
bell treble tenor
boat yacht dinghy barge narrowboat tug ferry trawler lifeboat canoe kayak cruiser
van lorry truck tractor digger dumper forklift bus minibus tram locomotive loco engine
gritter mower drone robot kiln furnace boiler
""")
# Kinds said of people as well ("his bird", "silly cow", "ta duck", "cheeky monkey").
_FIGURATIVE = _set("""
bird chick cow pig rat snake dog cat hen duck lamb fox goat nanny billy mare cock chicken
monkey tiger bear bunny mouse kitten puppy pup boxer tenor treble bat crow mule turkey
dove robin jay wren hobby kite merlin crane boar sow bull hog horse sheep donkey wolf magpie
fish
""")
# Words before a kind that make it a saying about a person ("a night owl", "a dark horse").
_SAYINGS = _set(
    "night dark lone early odd rare lucky party social proper right real total absolute"
)
# The kinds that are animals, for a name modifying its kind ("Harris hawk").
_NOT_ANIMALS = _set("""
bell treble tenor boat yacht dinghy barge narrowboat tug ferry trawler lifeboat canoe kayak
cruiser van lorry truck tractor digger dumper forklift bus minibus tram locomotive loco
engine gritter mower drone robot kiln furnace boiler
""")
# What only an animal or a bell does (past, present and -ing forms are derived).
_DEEDS = _set("""
perch roost purr miaow meow mew moo neigh whinny bleat cluck quack squawk moult molt foal
whelp farrow bate mantle toll
""")
# An animal's body and kit, a bell's parts: after the name's possessive ("Maggie's jesses").
_PARTS = _set("""
jesses anklets creance perch mews aviary kennel hutch cage stable paddock bridle halter
hooves hoof paws paw mane beak talons feathers plumage fur whiskers claws muzzle udder horns
antlers microchip worming telemetry clapper headstock gudgeons hull keel rudder mast tiller
""")
# Kinds that are also food or a stall's trade: "Sam (fresh fish)" is a trader.
_FOOD = _set("fish salmon trout carp pike chicken lamb turkey duck goose pig cod")
_DET_PLAIN = _set("the a an our")


def _deed(word: str) -> bool:
    low = word.casefold()
    for stem in (low, low[:-1], low[:-2], low[:-3]):
        if stem in _DEEDS and low[len(stem) :] in ("", "s", "es", "ed", "d", "ing", "ies", "ied"):
            return True
    if low.endswith("ing") and f"{low[:-3]}e" in _DEEDS:
        return True  # "bating"
    return low.endswith("ied") and f"{low[:-3]}y" in _DEEDS  # "whinnied"


def kind_word(word: str, det: str | None) -> bool:
    """Whether `word` names a kind of animal or named thing here (`det`: the word before it)."""
    low = word.casefold()
    single = low[:-1] if low.endswith("s") and low[:-1] in KINDS else low
    if single not in KINDS:
        return False
    return single not in _FIGURATIVE or (det or "").casefold() in _DET_PLAIN


_WORD = r"[A-Za-z]+"
# Before the name: up to three words closing on the kind, then perhaps a comma or a dash
# ("our hawk, Maggie"), or "!"/":" when the words open the line ("lost bird! Maggie"); a
# describing word may open the name ("the van Old Gertie").
_KIND_BEFORE = re.compile(
    rf"(?:^|(?<=[\s(•·]))((?:{_WORD}[ \t]+){{0,3}}?)({_WORD})[ \t]*([,:!–—-]?|[ \t]\()[ \t]*"
    r"(?:(?:Old|Little|Big|Young)[ \t]+)?$"
)
_CLAUSE_END = ".!?;:(•·–—-"
# An apposition opens its clause, perhaps after a describing word ("Old Gordon the cock").
_OPENS = re.compile(
    r"(?:^|[.,;:!?()\n•·–—-][ \t]*|(?:^|[ \t])(?:and|with|by|then)[ \t]+)"
    r"(?:(?:[Oo]ld|[Ll]ittle|[Bb]ig|[Yy]oung)[ \t]+)?$"
)
# After the name: "the blue bar cock won", "the tenor bell," (the words are read one by one).
_APPOSED = re.compile(r"^,?[ \t]+(the|our|my|his|her|their|a|an)[ \t]+")
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|[^\sA-Za-z0-9]")
# "Biscuit is a rescue greyhound", "Biscuit's our new puppy": the name is the kind.
_PREDICATE = re.compile(r"^[ \t]+(?:is|was)[ \t]+(a|an|our|my)[ \t]+|^['’]s[ \t]+(a|an|our)[ \t]+")
_BRACKET = re.compile(
    rf"^[ \t]*\([ \t]*(?:(the|a|an|our|my)[ \t]+)?(?:{_WORD}[ \t]+){{0,2}}({_WORD})[ \t]*[,;)]"
)
_CALLED = re.compile(
    rf"(?:^|[\s(])(?:{_WORD}[ \t]+){{0,2}}?({_WORD})[ \t]+"
    r"(?:(?:is|was|'s|’s|who's|that's|has[ \t]+been)[ \t]+)?"
    r"(?:called|named|nicknamed)[ \t]+['‘\"“]?$"
)
_MODIFIES = re.compile(rf"^[ \t]+([a-z]+)(?![\w'’-])(?:[ \t]+({_WORD}))?")
_GRAMS = re.compile(
    r"^[ \t]*(?:[:(–—-]|is|was|at|weighs|weighed(?:[ \t]+in)?(?:[ \t]+at)?)?[ \t]*"
    r"\d{2,4}(?:\.\d)?[ \t]*(?:g|gms?|grams?)(?!\w)"
)
# A horse's height in hands ("Kevin 15.2hh"), eggs laid, a vet's or a farrier's work done to it.
_HANDS = re.compile(r"^[ \t]*[(,:–—-]?[ \t]*(?:is[ \t]+)?\d{2}(?:\.[0-3])?[ \t]*hh(?!\w)")
_LAID = re.compile(
    r"^[ \t]+(?:has[ \t]+)?laid[ \t]+(?:an|another|her[ \t]+first|\d+|two|three|four)?"
    r"[ \t]*eggs?(?!\w)"
)
_DONE_TO = re.compile(
    r"^(?:['’]s)?[ \t]+(?:was|is|has[ \t]+been|had[ \t]+been|been|got|gets|needs|"
    r"needs[ \t]+to[ \t]+be|due[ \t]+to[ \t]+be|booked[ \t]+in[ \t]+to[ \t]+be)[ \t]+"
    r"(?:spayed|neutered|castrated|microchipped|wormed|worming|shod|shoeing|"
    r"de-?flea['’]?d)(?!\w)"
)
_DEED_AFTER = re.compile(rf"^(?:[ \t]+(?:has|had|was|just|finally|then))?[ \t]+({_WORD})")
_PART_AFTER = re.compile(rf"^['’]s[ \t]+(?:(?:new|old|left|right)[ \t]+)?({_WORD})")


def part_word(word: str) -> bool:
    """Whether a word after a name's possessive is a part only an animal or a thing has."""
    return word.casefold() in _PARTS


def called_person(text: str, start: int) -> bool:
    """Whether a person noun stands before "called" right before the name ("a guy called Nigel")."""
    m = _CALLED.search(text[max(0, start - 60) : start])
    return m is not None and person_noun(m.group(1))


def creature_at(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands as an animal's or a named thing's."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    return (
        _kind_before(text, start, end, before)
        or _apposed(before, after)
        or _bracketed(after)
        or _called(before)
        or _modifies(after)
        or bool(_GRAMS.match(after) or _HANDS.match(after))
        or bool(_LAID.match(after) or _DONE_TO.match(after))
        or _did(after)
        or _has_part(after)
    )


def _kind_before(text: str, start: int, end: int, before: str) -> bool:
    m = _KIND_BEFORE.search(before)
    if m is None or not m.group(2).islower():
        return False
    lead, kind, mark = m.group(1).split(), m.group(2), m.group(3)
    plain = next((w for w in lead if w.casefold() in _DET_PLAIN), None)
    opened = start - len(m.group(0))
    line = text[text.rfind("\n", 0, opened) + 1 : opened]
    if mark.endswith("("):
        # "the dog (Biscuit)": the name alone in brackets after its kind
        return text[end : end + 1] == ")" and kind_word(kind, plain)
    if mark in ("!", ":"):
        # a heading: "lost bird! Maggie", "New foal: Bramble"
        return not line.strip() and len(lead) <= 2 and kind_word(kind, plain or "the")
    if mark:
        # "our hawk, Maggie": a determiner's phrase opening its clause, not "feed the cat, Kevin"
        first = lead[0].casefold() if lead else ""
        return (
            first in _DET_PLAIN | {"my"}
            and (not line.strip() or line.rstrip()[-1] in _CLAUSE_END)
            and kind_word(kind, "the" if first == "my" else first)
        )
    return kind_word(kind, plain)  # "kestrel Kevin", "the barn owl Doris"


def _apposed(before: str, after: str) -> bool:
    m = _APPOSED.match(after)
    if m is not None and _OPENS.search(before):  # not "give Sam the dog"
        return _kind_phrase(after[m.end() :], m.group(1), sayings=False)
    m = _PREDICATE.match(after)
    if m is None:
        return False
    det = m.group(1) or m.group(2)
    # "Stacey is a pig", "a night owl" say something of a person; "is our dog" does not
    return _kind_phrase(after[m.end() :], det, sayings=det in ("a", "an"))


def _family_name(word: str) -> bool:
    # "Stacey is a Heron now": a capitalised kind that is a listed name is the name
    low = word.casefold()
    gaz = gazetteer.current()
    return not word.islower() and (gaz.is_surname(low) or gaz.is_first_name(low))


def _kind_phrase(rest: str, det: str, sayings: bool) -> bool:
    """Whether `rest` opens with up to three describing words and a kind ("big grey rabbit").

    `sayings`: after "is a", where a kind said of people ("a pig", "a night owl") is no kind.
    `det`: the determiner before `rest`.
    """
    tokens = _TOKEN.findall(rest)[:6]
    for i, word in enumerate(tokens[:4]):
        if not word[:1].isalnum():
            return False
        if sayings and word.casefold() in _SAYINGS:
            return False
        kind = word.isalpha() and kind_word(word, det) and not _family_name(word)
        if sayings and kind and (word.casefold() in _FIGURATIVE | _NOT_ANIMALS):
            return False  # "a pig", "a bus ride away"
        if not kind:
            if word != word.casefold():
                return False  # a capitalised word that is no kind: a name goes on
            continue  # a describing word: "the blue bar cock", "a 3-year-old collie"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt.isalpha() and kind_word(nxt, det):
            continue  # "the eagle owl"
        # "Kevin the dog walker", "Kevin the cat sitting service": the noun goes on
        return not (nxt.isalpha() and (person_noun(nxt) or nxt.endswith("ing")))
    return False


def _bracketed(after: str) -> bool:
    m = _BRACKET.match(after)
    if m is None:
        return False
    kind = m.group(2).lower()
    # "Eun-ji (hire boat)", "Sam (fresh fish)": a person's boat or stall; an animal only
    return kind not in _NOT_ANIMALS and kind not in _FOOD and kind_word(kind, m.group(1) or "the")


def _called(before: str) -> bool:
    m = _CALLED.search(before)
    if m is None or person_noun(m.group(1)):
        return False
    noun = m.group(1)
    return kind_word(noun, "the") or (noun.islower() and thing_noun(noun))


def _modifies(after: str) -> bool:
    m = _MODIFIES.match(after)
    # one animal, singular: "Sam ducks out", "Sam badgers me" are verbs
    if m is None or m.group(1) in _NOT_ANIMALS or m.group(1) not in KINDS:
        return False
    if not kind_word(m.group(1), None):
        return False
    nxt = (m.group(2) or "").casefold()
    # "Kevin dog walking", "Kevin horse rider": an activity or a trade is the person's
    return not (nxt.endswith("ing") or person_noun(nxt))


def _did(after: str) -> bool:
    m = _DEED_AFTER.match(after)
    return m is not None and m.group(1).islower() and _deed(m.group(1))


def _has_part(after: str) -> bool:
    m = _PART_AFTER.match(after)
    return m is not None and m.group(1) in _PARTS
