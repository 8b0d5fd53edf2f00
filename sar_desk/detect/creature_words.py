"""Words for animals, bells, boats and machines that carry people's names (issue 15, round 20).

`creature_positions` reads where a name stands beside these. Written by hand for round 20
from general knowledge (no corpus's names): kinds of animal (pets, farm, zoo, wild, birds of
prey and the falconer's birds, fish, a few dog breeds) and of named things (bells, boats,
vehicles, machines); the kinds also said of people, and the sayings that make a kind a
person's ("a night owl"); deeds only an animal or a bell does; parts and kit only they have.
"""

from __future__ import annotations


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
roller cutter laser printer lathe loom oven generator compressor mixer hoist winch dredger
steamer shunter railcar ghost spectre phantom apparition
""")
# Kinds said of people as well ("his bird", "silly cow", "ta duck", "cheeky monkey").
FIGURATIVE = _set("""
bird chick cow pig rat snake dog cat hen duck lamb fox goat nanny billy mare cock chicken
monkey tiger bear bunny mouse kitten puppy pup boxer tenor treble bat crow mule turkey
dove robin jay wren hobby kite merlin crane boar sow bull hog horse sheep donkey wolf magpie
fish
""")
# Words before a kind that make it a saying about a person ("a night owl", "a dark horse").
SAYINGS = _set("night dark lone early odd rare lucky party social proper right real total absolute")
# The kinds that are no animals: a name modifying them or in brackets is a person's thing.
NOT_ANIMALS = _set("""
bell treble tenor boat yacht dinghy barge narrowboat tug ferry trawler lifeboat canoe kayak
cruiser van lorry truck tractor digger dumper forklift bus minibus tram locomotive loco
engine gritter mower drone robot kiln furnace boiler roller cutter laser printer lathe
loom oven generator compressor mixer hoist winch dredger steamer shunter railcar ghost
spectre phantom apparition
""")
# What only an animal or a bell does (past, present and -ing forms are derived).
_DEEDS = _set("""
perch roost purr miaow meow mew moo neigh whinny bleat cluck quack squawk moult molt foal
whelp farrow bate mantle toll haunt
""")
# An animal's body and kit, a bell's parts: after the name's possessive ("Maggie's jesses").
_PARTS = _set("""
jesses anklets creance perch mews aviary kennel hutch cage stable paddock bridle halter
hooves hoof paws paw mane beak talons feathers plumage fur whiskers claws muzzle udder horns
antlers microchip worming telemetry clapper headstock gudgeons hull keel rudder mast tiller
rigger riggers gunwale gunwales moorings footplate firebox smokebox
""")
# Kinds that are also food or a stall's trade: "Sam (fresh fish)" is a trader.
FOOD = _set("fish salmon trout carp pike chicken lamb turkey duck goose pig cod")
DET_PLAIN = _set("the a an our")
# Kinds that are people as well ("our tenor", "Kevin the boxer"): a bell only with its noun.
PEOPLE_TOO = _set("tenor treble boxer")


def deed_word(word: str) -> bool:
    """Whether a word is a deed only an animal or a bell does, in any form ("perched")."""
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
    return single not in FIGURATIVE or (det or "").casefold() in DET_PLAIN


def part_word(word: str) -> bool:
    """Whether a word after a name's possessive is a part only an animal or a thing has."""
    return word.casefold() in _PARTS
