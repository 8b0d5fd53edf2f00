"""Closed classes of words that stand where a name would but are never a person's name.

Posts and forms of address ("Sister", "the Coroner"), the particles of family names ("Ní",
"Dela") and chat greetings ("Wotcha", "Laters"): each a short, general list of UK usage.
"""

from __future__ import annotations


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles of office and forms of address beyond `TITLES`: what a person is called by their post
# ("Sister", "the Coroner", "Superintendent Registrar"), a closed class, never a name alone,
# with the written short forms of the service ranks ("Capt", "Sgt", "Insp": `ranks`) and the
# words a club or a faith uses the same way ("Coach", "Skipper", "Sensei", "Padre").
HONORIFICS = _wordset("""
sister matron nurse coroner registrar superintendent sergeant sarge constable inspector
detective chief commander captain major colonel lieutenant corporal private officer judge
magistrate recorder reverend vicar canon bishop father pastor imam rabbi lord lady dame sir
madam master headteacher head deputy principal chair chairman chairwoman councillor mayor
sheriff bailiff warden governor director doctor professor
revd rev'd rt hon cllr fr akela churchwarden rector curate deacon archdeacon sensei sifu
capt cpt maj col lt brig gen sgt sgnt cpl lcpl pte bdr cdr cmdr adm insp supt dci dcs pcso
coach skipper maestro padre chaplain sheikh swami pandit ustadh ustaz
""")

# Particles that open or join a family name ("Ní Bhriain", "Dela Cruz", "van Dijk", "Nic
# Aoidh"): part of a full name, never a name on their own (and "Ní" folds to "NI").
# Particles that are also short names ("Al", "Del", "Di", "Van", "Mac", "Nic") are left out.
SURNAME_PARTICLES = _wordset("""
ní ni ó uí ui mc dela delos della de da do dos das der den von le la du des el bin ibn ap
ferch verch ter ten zu
""")

# Greetings, exclamations and sign-offs of UK chat that NER reads as a name when they stand
# alone or open a message ("Wotcha", "Sweet!", "Laters", "Mornin'"), and the regional words of
# address that follow them ("alright bab", "ta duck", "ey up pet"): a closed class of chat.
GREETINGS = _wordset("""
wotcha watcha wotcher alright alrite hiya heya howdy yo oi sweet ace brill brilliant lush
mint cracking laters lates tara ta-ra toodles toodle-oo ciao cheerio nighty night-night nite
sound safe bless aww awww yay woohoo wahey phew oops whoops blimey crikey bravo congrats
mornin evenin afternoon sup ey eyup x xx xxx howay haway
bab babs duck duckie hen pet petal chuck lovey me'duck
""")

# Dishes of UK home and takeaway cooking that NER reads as a name when typed in lower case
# ("brought jollof for the lunch club", "there's dhal left"): a closed class of food words that
# no general dictionary or name list carries, never a person on their own.
FOODS = _wordset("""
jollof egusi fufu banku kenkey suya chapati chapatti roti paratha naan dhal daal dal biryani
korma tikka masala bhuna jalfrezi pakora pakoras samosa samosas bhaji bhajis kebab shawarma
falafel hummus tagine couscous injera pierogi pierogis goulash borscht paella lasagne moussaka
risotto gnocchi sushi ramen pho bao jerk ackee callaloo plantain oxtail halloumi tzatziki
""")

# Presence statuses chat apps write and people set ("set their status to Away", "Busy",
# "Be right back", "Out of office"): a small model reads a capitalised one as a name.
STATUSES = frozenset(
    {
        "away",
        "busy",
        "available",
        "offline",
        "online",
        "idle",
        "invisible",
        "appear away",
        "appear offline",
        "do not disturb",
        "be right back",
        "brb",
        "out of office",
        "in a meeting",
        "in a call",
        "presenting",
        "focusing",
        "off work",
        "on holiday",
    }
)
