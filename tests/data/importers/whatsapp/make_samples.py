"""Write the tiny synthetic WhatsApp samples in this folder (run: python make_samples.py).

Every name, number and address is made up. Invisible characters are written as escapes here
because editors and review tools hide them; the files themselves hold the real characters.
"""

from __future__ import annotations

from pathlib import Path

LRM, RLM, NBSP, NNBSP, BOM = "\u200e", "\u200f", "\u00a0", "\u202f", "\ufeff"
LRE, PDF, FSI, PDI = "\u202a", "\u202c", "\u2068", "\u2069"
ZWJ_FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # family emoji: must survive
HEART = "\u2764\ufe0f"  # heart + VS16: must survive

SAMPLES: dict[str, tuple[str, str]] = {
    # name: (newline, text)
    "WhatsApp Chat with Repairs Group.txt": (
        "\n",
        "Exported by a test fixture, not by WhatsApp\n"
        "20/03/2026, 09:00 - Messages and calls are end-to-end encrypted. No one outside of "
        "this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n"
        '20/03/2026, 09:01 - Priya Shah created group "Repairs Group"\n'
        "20/03/2026, 09:02 - Priya Shah added +44 7911 123456\n"
        "20/03/2026, 09:03 - You're now an admin\n"
        "20/03/2026, 09:04 - Priya Shah: Morning all, the damp report for 14 Elm Row is in.\n"
        "\n"
        "Second paragraph after a blank line.\n"
        "20/03/2026, 09:05 - +44 7911 123456: Thanks Priya\n"
        f"20/03/2026, 09:06 - +44{NBSP}7700{NBSP}900123: <Media omitted>\n"
        "20/03/2026, 09:07 - ~ Sam: hello from a non-contact\n"
        "02/04/2026, 14:30 - Tom Reid: IMG-20260402-WA0003.jpg (file attached)\n"
        "Photo of the ceiling\n"
        "02/04/2026, 14:31 - Tom Reid: This message was deleted\n"
        "02/04/2026, 14:32 - Tom Reid: Fixed the time to 3pm <This message was edited>\n"
        "02/04/2026, 14:33 - Tom Reid: Missed voice call\n"
        "02/04/2026, 14:34 - Tom Reid: null\n"
        "02/04/2026, 14:35 - Jo Bloggs: location: https://maps.google.com/?q=51.5072,-0.1276\n"
        "02/04/2026, 14:20 - Jo Bloggs: this one is out of order\n"
        "02/04/2026, 14:36 - Jo Bloggs: pasted from elsewhere:\n"
        "[02/04/2026, 10:00:00] Someone Else: a quoted iOS line\n"
        "04/25/2026, 10:00 - Someone Else: a quoted US-order line\n"
        f"02/04/2026, 14:37 - Jo Bloggs: {ZWJ_FAMILY} {HEART}\n"
        "02/04/2026, 14:38 - Tom Reid left\n"
        "02/04/2026, 14:39 - Some future WhatsApp event nobody has seen yet\n",
    ),
    "android_en_us_12h.txt": (
        "\n",
        f"2/4/23, 10:35{NNBSP}PM - Person One: hi\n"
        f"2/14/23, 9:05{NNBSP}AM - Person Two: valentine's day check-in\n"
        f"2/14/23, 12:00{NNBSP}PM - Person One: noon\n"
        f"2/14/23, 12:30{NNBSP}AM - Person One: just after midnight\n",
    ),
    "android_en_gb_12h_lower.txt": (
        "\n",
        f"09/10/2023, 11:11{NNBSP}am - +44 7700 900123: <Media omitted>\n"
        f"19/10/2023, 1:05{NNBSP}pm - Ann Example: afternoon\n",
    ),
    "android_cs_dots.txt": (
        "\n",
        "23.03.22 13:31 - Jana Nováková: Ahoj\n23.03.22 13:32 - Petr Svoboda: Nazdar\n",
    ),
    "android_nl_dashes.txt": (
        "\n",
        "23-03-2022 13:31 - Berichten en oproepen zijn end-to-end versleuteld. "
        "Tik voor meer info.\n"
        '23-03-2022 13:31 - Sanne de Vries heeft groep "Buurtteam" aangemaakt\n'
        "23-03-2022 13:32 - Sanne de Vries heeft Daan Jansen toegevoegd\n"
        "23-03-2022 13:33 - Daan Jansen: <Media weggelaten>\n"
        "23-03-2022 13:34 - Daan Jansen: Dit bericht is verwijderd\n"
        "23-03-2022 13:35 - Sanne de Vries: Tot morgen <Dit bericht is bewerkt>\n"
        "23-03-2022 13:36 - Daan Jansen heeft de groep verlaten\n",
    ),
    "android_es_12h.txt": (
        "\n",
        f"30/01/2019, 08:49 p.{NBSP}m. - Ana García: Hola\n"
        "30/01/2019, 08:50 p. m. - Ana García: <Multimedia omitido>\n"
        "30/01/2019, 08:51 a. m. - Luis Pérez: Se eliminó este mensaje\n"
        "30/01/2019, 08:52 p. m. - Luis Pérez salió del grupo\n",
    ),
    "android_de.txt": (
        "\n",
        "13.03.24, 10:00 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand "
        "außerhalb dieses Chats kann sie lesen.\n"
        "13.03.24, 10:01 - Lena Schmidt hat die Gruppe „Nachbarn“ erstellt\n"
        "13.03.24, 10:02 - Lena Schmidt hat Max Müller hinzugefügt\n"
        "13.03.24, 10:03 - Max Müller: <Medien ausgeschlossen>\n"
        "13.03.24, 10:04 - Max Müller: Diese Nachricht wurde gelöscht\n"
        "13.03.24, 10:05 - Lena Schmidt: Bis morgen <Diese Nachricht wurde bearbeitet>\n"
        "13.03.24, 10:06 - Max Müller hat die Gruppe verlassen\n",
    ),
    "_chat.txt": (
        "\r\n",
        f"{BOM}[27/03/2022, 21:41:35] Dmitry Example: {LRM}Messages and calls are end-to-end "
        "encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n"
        "[27/03/2022, 21:41:35] Dmitry Example: Hello\n"
        "[27/03/2022, 21:42:01] Dmitry Example: Line one\n"
        "line two\n"
        f"{LRM}[27/03/2022, 21:43:00] Dmitry Example: {LRM}image omitted\n"
        f"[{BOM}28/03/2022, 08:00:00] Dmitry Example: Your security code with Dmitry "
        "Example changed. Tap to learn more.\n"
        f"{LRM}[28/03/2022, 08:01:10] Dmitry Example: Lease.docx {LRM}<attached: "
        "00000012-Lease.docx>\n"
        f"{LRM}[28/03/2022, 08:02:10] Dmitry Example: {LRM}<attached: "
        "00000035-PHOTO-2022-03-28-08-02-10.jpg>\n"
        f"{LRM}[28/03/2022, 08:03:10] Dmitry Example: Rent schedule.pdf • {LRM}2 pages "
        f"{LRM}document omitted\n"
        f"{LRM}[28/03/2022, 08:04:10] Dmitry Example: {LRM}This message was deleted.\n"
        f"{LRM}[28/03/2022, 08:05:10] {LRE}+44{NBSP}7911{NBSP}123456{PDF}: {LRM}You deleted "
        "this message.\n"
        f"[28/03/2022, 08:06:10] {LRE}+44{NBSP}7911{NBSP}123456{PDF}: Mid{BOM}line BOM and "
        f"{FSI}@Dmitry Example{PDI} mention\n"
        f"{LRM}[28/03/2022, 08:07:10] Dmitry Example: {LRM}Missed voice call\n"
        f"{LRM}[28/03/2022, 08:08:10] Dmitry Example: {LRM}Location: "
        "https://maps.google.com/?q=55.9533,-3.1883\n"
        f"{LRM}[28/03/2022, 08:09:10] Dmitry Example: {LRM}sticker omitted\n",
    ),
    "ios_en_us_12h.txt": (
        "\n",
        "[1/29/18, 11:46:03 PM] Alice Example: late night\n"
        "[1/30/18, 12:01:00 AM] Bob Example: past midnight\n",
    ),
    "ios_buddhist.txt": (
        "\n",
        "[3/27/2565 BE, 21:41:35] Somchai Example: สวัสดี\n"
        "[3/28/2565 BE, 09:00:00] Somchai Example: morning\n",
    ),
    "ios_arabic.txt": (
        "\n",
        f"[٢٧{RLM}/٣{RLM}/٢٠٢٢، ٩:٤١:٣٥{NBSP}م] Omar Example: مرحبا\n"
        f"[٢٨{RLM}/٣{RLM}/٢٠٢٢، ١٠:٠٠:٠٠{NBSP}ص] {LRE}+44 7700 900456{PDF}: صباح الخير\n",
    ),
    "year_first.txt": (
        "\n",
        "2019/01/30, 20:49 - Mei Example: 你好\n2019/02/01, 08:00 - Mei Example: morning\n",
    ),
    "ios_finnish_klo.txt": (
        "\n",
        "[12.3.2022 klo 14.08.18] Aino Example: Hei\n[13.3.2022 klo 09.00.00] Aino Example: Moi\n",
    ),
    "ambiguous.txt": (
        "\n",
        "03/04/2026, 10:00 - Ann Example: which month is this?\n"
        "05/06/2026, 11:00 - Ann Example: and this?\n",
    ),
    "colon_names.txt": (
        "\n",
        "12/05/2025, 10:00 - Dr: Who: first message\n"
        "12/05/2025, 10:01 - Dr: Who: Re: second message\n"
        "12/05/2025, 10:02 - Dr: Who: third\n"
        "12/05/2025, 10:03 - Sam Lee: Note: bring the keys\n"
        "12/05/2025, 10:04 - Sam Lee: ok\n"
        "12/05/2025, 10:05 - Sam Lee: fine\n"
        '12/05/2025, 10:06 - Sam Lee changed the subject from "Rent: arrears" to "Rent"\n'
        "13/05/2025, 10:07 - Sam Lee: Update: done\n",
    ),
}


def write_samples(folder: Path) -> list[Path]:
    """Write every sample into `folder` with its line endings; return the paths."""
    paths = []
    for name, (newline, text) in SAMPLES.items():
        path = folder / name
        path.write_bytes(text.replace("\n", newline).encode("utf-8"))
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_samples(Path(__file__).parent):
        print(written.name)
