"""Clauses not written in English: greetings, courtesies and filler text (issue 15).

A UK chat holds Welsh and Polish greetings ("Bore da pawb", "Dzień dobry"), German or French
courtesies and Latin placeholder text ("Nemo enim ipsam voluptatem"); NER reads their
capitalised words as names. Each list below is a generic list of one language's function words,
greetings and courtesies (and, for Latin, the vocabulary of the standard filler passages, Cicero's
de Finibus 1.10.32-33, which "lorem ipsum" generators draw on), never a corpus's sentences.
Words that are also everyday English words, or particles inside people's names ("de", "la",
"van", "da"), are left out, so an English sentence or a name never has half its words here.
Season's wishes are read by their shape instead (`wish_formulas`, round 19): no list of them.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sar_desk.detect import gazetteer
from sar_desk.detect.world_greetings import greeting_phrases

_LISTS = {
    "german": """
        ich du sie wir ihr euch uns mich dich dir ihm ihn ihnen sich mein meine dein deine
        unser unsere nicht kein keine und oder aber denn doch noch schon auch sehr jetzt hier
        dort heute morgen gestern bitte danke dank vielen herzlichen herzlich liebe lieben grüße
        gruß hallo tschüss tschüs servus moin guten gute gut schön schöne schönen später bald
        der das den dem ein eine einen einem einer ist sind bist seid waren wird werden
        habe hast haben hatte kann kannst können muss musst müssen soll sollen möchte möchten
        geht gehen komme kommst kommen mache machst machen sehen schicken schickst anrufen
        für mit bei zum zur vom nach aus über unter zwischen ohne gegen bis seit wie wann
        warum wo wer wieso weil dass wenn alles klar genau stimmt feierabend wochenende
        montag dienstag mittwoch donnerstag freitag samstag sonntag
        hat hatten angerufen anruf rückruf zurückrufen wegen während termin bescheid
    """,
    "latin": """
        lorem ipsum dolor sit amet consectetur adipiscing adipisci elit sed eiusmod tempor
        incididunt ut labore et dolore magna aliqua enim minim veniam quis nostrud exercitation
        ullamco laboris nisi aliquip commodo consequat duis aute irure reprehenderit voluptate
        velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat proident sunt
        culpa qui officia deserunt mollit anim est laborum perspiciatis unde omnis iste natus
        voluptatem accusantium doloremque laudantium totam aperiam eaque ipsa quae illo
        inventore veritatis architecto beatae vitae dicta explicabo nemo ipsam quia
        voluptas aspernatur aut odit fugit consequuntur magni eos ratione sequi nesciunt
        neque porro quisquam dolorem numquam eius modi tempora incidunt magnam aliquam quaerat
        minima nostrum exercitationem ullam corporis suscipit laboriosam aliquid ea commodi
        consequatur autem vel eum iure quam nihil molestiae illum quo vero accusamus iusto odio
        dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos
        quas molestias excepturi occaecati cupiditate provident similique mollitia animi
        dolorum fuga harum quidem rerum facilis expedita distinctio libero tempore cum soluta
        nobis eligendi optio cumque impedit quo maxime placeat facere possimus assumenda
        repellendus temporibus quibusdam officiis debitis necessitatibus saepe eveniet
        voluptates repudiandae recusandae itaque earum tenetur sapiente delectus reiciendis
        voluptatibus maiores perferendis doloribus asperiores repellat
        curabitur pretium tincidunt lacus gravida orci odio mauris eu nibh euismod vestibulum
        aenean pellentesque donec phasellus vivamus nullam fusce morbi praesent proin quisque
        etiam maecenas suspendisse cras aliquam nunc arcu sapien lectus tellus turpis purus
        felis metus nisl justo eros erat risus augue massa urna semper dapibus fermentum
        faucibus porttitor rhoncus sagittis scelerisque tristique ultrices ultricies varius
        viverra vulputate malesuada lacinia iaculis imperdiet hendrerit egestas efficitur
        dignissim condimentum congue convallis cursus eleifend elementum bibendum blandit
        auctor accumsan interdum luctus mattis mollis nec pharetra posuere pulvinar sodales
        sollicitudin tempus tortor vehicula venenatis volutpat
    """,
    "welsh": """
        bore prynhawn noswaith nos diolch fawr iawn yn sut shwmae helo hwyl croeso pawb
        ti dw dwi ddim hefyd gyda heddiw yfory ddoe llawen nadolig blwyddyn newydd dda hapus
        gwelwch wedi neu ond nhw eich ein fy gyd cariad annwyl pob lwc calon galon chalon nghalon
        iechyd heno bawb shw ymarfer mawrth fawrth llun mercher gwener sadwrn wythnos
        nawr gobeithio edrych ymlaen cyfarfod wela fory
    """,
    # Tagalog courtesies and function words of three letters or more (two-letter particles
    # such as "po", "na", "sa" are English abbreviations too); words that are listed names
    # ("Gabi", "Siya", "Kami", "Sila") left out, as the Welsh "mae" (Mae) is.
    "tagalog": """
        salamat maraming ingat kayo kumusta kamusta magandang umaga hapon paalam sige naman
        ako ikaw tayo talaga pala walang anuman bukas ngayon
    """,
    "gaelic": """
        madainn mhath feasgar oidhche ciamar tha sibh tapadh leat leibh slàinte slainte
        fàilte failte glè gle mòran beannachd agus eil sinn iad dia duit dhuit conas
        atá tá tú raibh maith agat slán oíche
    """,
    "polish": """
        dzień dobry dziękuję dziekuje bardzo cześć czesc jak się sie masz proszę prosze tak nie
        dobrze wszystko dobranoc pozdrawiam pozdrowienia witam witaj jestem jesteś jest są gdzie
        kiedy dlaczego albo czy już juz jutro dzisiaj wczoraj teraz zaraz dzięki dzieki że oni
        bez kropek kropki chłopaki chlopaki dziewczyny wielkie serdeczne
    """,
    "romanian": """
        bună buna ziua dimineața dimineata seara mulțumesc multumesc mulțumim frumos rog salut
        faci bine foarte și este sunt noi voi revedere noapte sănătate mâine
    """,
    "romance": """
        bonjour bonsoir bonne journée journee soirée soiree merci beaucoup ça très tres oui je
        vous nous ils sont une avec dans aujourd'hui demain hier bisous cordialement
        bienvenue plaît plait à buenos buenas días tardes noches gracias muchas hola qué
        que cómo estás bien muy sí hasta luego mañana manana adiós adios saludos
        también tambien pero está ustedes ellos mucho gusto bienvenido buongiorno buonasera
        ciao grazie mille prego stai sto bene molto arrivederci piacere sono siamo
        degli anche oggi domani ieri tutti ragazzi ragazze amici buonanotte obrigado obrigada boa
        tarde noite tudo bem
        bom dia todos todas olá amanhã até beijos abraço abraços
    """,
    "baltic": """
        labas laba rytas diena vakaras labanakt ačiū aciu labai sveiki prašom prasom viso gero
        iki pasimatymo gerai taip sveikas labdien paldies
    """,
    "dutch": "goedemorgen goedemiddag bedankt dank wel groetjes doei hoi alstublieft",
    "nordic": """
        hej hei hallå tack takk tusen kiitos paljon moi terve hyvää huomenta godmorgen god morgon
        tak mange
    """,
    "turkish": "merhaba selam günaydın teşekkürler tesekkurler teşekkür sağol sagol iyi günler",
    # greetings and courtesies from South Asian languages and Arabic, as typed in Latin letters
    "south_asian_arabic": """
        namaste namaskar salaam salam assalamu alaikum walaikum shukriya shukran inshallah
        insha'allah mashallah alhamdulillah habibi habibti yalla khuda hafiz sat sri akal
        dhanyavaad dhanyavad theek hai accha acha bhai behen bhaiya didi kal milte milenge
        hain haan nahi nahin kya kaise aap jaldi phir baad bahut bohat achha ji yaar
        dhanyabad sabai sabailai hajur tapai tapailai ramro sanchai
        नमस्ते धन्यवाद शुक्रिया कल फिर मिलते मिलेंगे हैं है हाँ नहीं क्या आप जी बहुत
    """,
    # Eritrean and Ethiopian thanks and greetings as typed in Latin letters (Tigrinya, Amharic)
    "horn_of_africa": """
        yekenyeley yekenyelay yeqenyeley yekanyelay selamat kemey dehan amesegnalehu
        ameseginalehu tena yistilign endemin
    """,
}
WORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _LISTS.items()}
ALL_WORDS: frozenset[str] = frozenset().union(*WORDS.values())

# An emoji or a pictograph ends a clause in chat as a full stop does ("Diolch i bawb 🎭 Sam").
_CLAUSE = re.compile(r"[^.!?\n\u2600-\u27bf\U0001f300-\U0001faff]+[.!?]*")
# Set greetings whose second word is too short to list on its own ("da" is a particle in
# "Maria da Silva"): Welsh "Nos da", "Bore da", the toast "Iechyd da"; Northern English
# "ta ra" (goodbye).
_SET_PHRASES = re.compile(
    r"(?i)(?<![\w-])(?:(?:nos|bore|prynhawn|noswaith|pnawn|iechyd) da|ta[- ]ra+h?|tarrah?)(?![\w-])"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def foreign_clauses(text: str) -> list[tuple[int, int, str]]:
    """Clauses in another language: two or more listed words making up half the clause.

    Returns ``(start, end, language)`` with the language most of the listed words belong to.
    """
    out = []
    for clause in _CLAUSE.finditer(text):
        words = [w.lower() for w in _WORD.findall(clause.group(0))]  # not casefold: ß -> ss
        listed = [w for w in words if w in ALL_WORDS]
        if len(listed) < 2 or len(listed) * 2 < len(words):
            continue
        language = max(WORDS, key=lambda k: sum(w in WORDS[k] for w in listed))
        lead = len(clause.group(0)) - len(clause.group(0).lstrip())
        out.append((clause.start() + lead, clause.end(), language))
    for phrase in _SET_PHRASES.finditer(text):
        if not any(start <= phrase.start() < end for start, end, _l in out):
            out.append((phrase.start(), phrase.end(), "greeting"))
    for a, b in [*greeting_phrases(text), *wish_formulas(text)]:  # `world_greetings`
        if not any(start < b and a < end for start, end, _l in out):
            out.append((a, b, "greeting"))
    return sorted(out)


# Two or three words opening a line (or a clause after a full stop or an emoji).
_OPENING = r"(?:^|(?<=[\n.!?\u2600-\u27bf\U0001f300-\U0001faff]))[ \t]*"
_RUN = r"(?P<run>[^\W\d_]+(?:[ \t]+[^\W\d_]+){1,2})"
# A wish in the Polish genitive (the case of "życzę ..."): its first word is an adjective or
# pronoun in -ego/-ych ("Wesołych Świąt", "Szczęśliwego Nowego Roku", "Wszystkiego najlepszego").
_GENITIVE_WISH = re.compile(
    _OPENING + r"(?P<run>[^\W\d_]+(?:ego|ych)(?:[ \t]+[^\W\d_]+){1,2})",
    re.IGNORECASE | re.MULTILINE,
)
# A card's wish signed for a group: "... from all at the yard", "... from everyone at No. 4".
_SIGNED_FOR_ALL = re.compile(
    _OPENING
    + _RUN
    + r"[ \t]+from[ \t]+(?:all|everyone|us[ \t]+all)[ \t]+(?:at|in|of[ \t]+us[ \t]+at)\b"
    # ... and nothing after the group but its name and an emoji: the whole line is the card.
    r"(?:[ \t]+[\w'’.&-]+){0,3}[^\w\n]*$",
    re.IGNORECASE | re.MULTILINE,
)


def wish_formulas(text: str) -> list[tuple[int, int]]:
    """Where a well-wish in another language opens a line, by its shape, not by a list.

    Two shapes: a Polish wish in the genitive (first word in -ego/-ych), and words signed for
    a group ("Nadelik Lowen from all at the yard"), the way a card's wish is. Only words that
    no name list and no English dictionary holds count, so "Diego Santos" and "Merry
    Christmas" are left to the other rules. A name no list holds may open such a line too
    ("Ka-Ho from all at the yard"), so the line must end with the group: a sentence going on
    after it ("... sends her love") is left to the recognisers.
    """
    gaz = gazetteer.current()
    out = []
    for pattern in (_GENITIVE_WISH, _SIGNED_FOR_ALL):
        for m in pattern.finditer(text):
            words = m.group("run").split()
            if any(
                gaz.is_first_name(w) or gaz.is_surname(w) or gaz.is_english(w.lower())
                for w in words
            ):
                continue
            out.append(m.span("run"))
    return out


def is_foreign_word(word: str) -> bool:
    """Whether a single word is a listed non-English word ("Diolch", "Dzień")."""
    return word.lower() in ALL_WORDS


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Languages and nationalities that are also family names ("Welsh", "English", "French"): the
# language where a common noun follows ("the Welsh class", "Polish shop", "French homework").
_LANGUAGE_NAMES = _set("welsh english french scottish irish polish dutch german cornish scots manx")
_NOUN_AFTER = re.compile(r"\s+(?:[a-z]{3,})\b")


def language_before_noun(text: str, start: int, end: int) -> bool:
    """Whether a span is a language or nationality qualifying the lower-case noun after it."""
    if text[start:end].casefold() not in _LANGUAGE_NAMES:
        return False
    before = text[:start].split()
    if before and before[-1][:1].isupper() and before[-1][-1:].isalpha():
        return False  # "Ffion Welsh": a given name before it, so the surname
    nxt = _NOUN_AFTER.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(0).strip()
    return word not in _VERBS_AFTER and word not in STOP_WORDS


# What follows a surname as its verb, not a noun it qualifies ("Welsh said", "English rang").
_VERBS_AFTER = _set("""
said says rang called phoned emailed texted asked told came went left wants needs has had was
is will would can could did does and
""")
