"""Write the demo WhatsApp exports in resources/samples/whatsapp (run once; output committed).

Everything is synthetic: the people, numbers, addresses, NHS and National Insurance numbers are
made up (07700 900xxx is Ofcom's drama range; QQ is the example NI prefix; the NHS number only
passes the mod-11 check). The demo case's requester is Alex Morgan (+44 7911 123456).
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

OUT = Path(__file__).parents[4] / "resources" / "samples" / "whatsapp"
LRM = "\u200e"
ALEX = "+44 7911 123456"  # not in Priya's or Tom's contacts, so shown as a number
PHOTO = "00000031-PHOTO-2026-03-24-10-15-32.jpg"
GROUP = "Housing Team"

# (day, time, sender, text). Sender None = group event; "@photo" = the damp photo.
# Dates are in March/April 2026; the clocks go forward on Sunday 29 March.
SCRIPT: list[tuple[str, str, str | None, str]] = [
    (
        "16/03",
        "08:58:12",
        None,
        "Messages and calls are end-to-end encrypted. No one outside "
        "of this chat, not even WhatsApp, can read or listen to them.",
    ),
    ("16/03", "08:58:12", None, "{you} created group “Housing Team”"),
    ("16/03", "08:58:40", None, "{you_priya} added {tom}"),
    ("16/03", "08:58:41", None, "{you_priya} added Jo Bloggs"),
    ("16/03", "08:58:43", None, "{you_priya} added " + ALEX),
    (
        "16/03",
        "09:01:05",
        "Priya Shah",
        "Morning all. Setting this up for the Willow Court "
        "caseload so we stop losing things in email.",
    ),
    ("16/03", "09:02:10", "Jo Bloggs", "Good idea 👍"),
    (
        "16/03",
        "09:04:31",
        ALEX,
        "Thanks Priya. I've got the Carter file on my desk, will update later today.",
    ),
    (
        "16/03",
        "11:15:02",
        "Tom Reid",
        "Mrs Carter rang again re the damp in the back bedroom.\n"
        "Flat 4, 27 Willow Court, Leeds LS6 2QT.\nShe says the mould is back on the ceiling.",
    ),
    ("16/03", "11:17:45", "Priya Shah", "Alex, can you check when the last inspection was?"),
    (
        "16/03",
        "11:40:09",
        ALEX,
        "Last inspection 12 Jan. Surveyor recommended extractor fan, "
        "never fitted as far as I can see.",
    ),
    ("16/03", "11:41:30", "Tom Reid", "That's not great"),
    (
        "17/03",
        "09:12:00",
        "Jo Bloggs",
        "FYI Mrs Carter's daughter called. Contact number for "
        "her is 07700 900482 and email denise.carter@example.com",
    ),
    ("17/03", "09:13:22", "Priya Shah", "Thanks Jo. Please add to the tenancy record, not here 🙏"),
    ("17/03", "09:14:05", "Jo Bloggs", "Will do"),
    ("17/03", "14:30:51", "Tom Reid", "Contractor can do Thursday 10am for the fan"),
    ("17/03", "14:32:10", ALEX, "I'll let Mrs Carter know"),
    (
        "18/03",
        "10:05:44",
        "Priya Shah",
        "Quick one: has anyone spoken to Alex about the "
        "complaint from the Patel household? I want to close it this week.",
    ),
    ("18/03", "10:20:19", "Jo Bloggs", "Not yet. Alex was on leave Monday."),
    (
        "18/03",
        "10:47:02",
        ALEX,
        "I'm back. I did speak to Mr Patel on the 9th, he was unhappy "
        "about the response time.\n\nI apologised and said we'd review.",
    ),
    ("18/03", "10:49:30", "Priya Shah", "Ok thanks Alex. Can you write a short note for the file?"),
    ("18/03", "16:02:11", "Tom Reid", "{deleted}"),
    ("18/03", "16:02:40", "Tom Reid", "Sorry wrong chat"),
    (
        "19/03",
        "10:30:05",
        "Tom Reid",
        "Fan fitted at Flat 4. Contractor says the duct was "
        "blocked, that's probably why the damp keeps coming back.",
    ),
    ("19/03", "10:31:12", "Priya Shah", "Brilliant, thanks Tom"),
    (
        "19/03",
        "12:00:48",
        ALEX,
        "Mrs Carter has asked for her NHS number to go on the "
        "vulnerability form: 485 777 3457. Her GP letter says asthma made worse by the mould.",
    ),
    (
        "19/03",
        "12:03:15",
        "Priya Shah",
        "Please don't put health details in here Alex. "
        "Vulnerability form only. I'll delete from my side.",
    ),
    ("19/03", "12:04:02", ALEX, "Understood, sorry."),
    (
        "20/03",
        "08:45:30",
        "Jo Bloggs",
        "Morning. Housing benefit query from a Mr Adeyemi, NI "
        "number QQ 12 34 56 C, says his claim was stopped.",
    ),
    ("20/03", "08:47:10", "Jo Bloggs", "Passing to the benefits team"),
    ("20/03", "09:30:00", "Tom Reid", "Team meeting moved to 11 today"),
    ("20/03", "13:05:12", None, "+44 7700 900317 joined using this group's invite link"),
    (
        "20/03",
        "13:06:40",
        "+44 7700 900317",
        "Hi all, Kez from the agency, starting on repairs admin Monday",
    ),
    ("20/03", "13:07:15", "Priya Shah", "Welcome Kez!"),
    (
        "23/03",
        "09:00:12",
        "Priya Shah",
        "Weekly round-up:\n1. Willow Court damp: fan fitted\n"
        "2. Patel complaint: Alex to write note\n3. Void at 9 Elm Row: keys with Tom",
    ),
    ("23/03", "09:10:40", ALEX, "Note for Patel complaint done and on the file"),
    ("23/03", "09:11:02", "Priya Shah", "Thanks Alex 👌"),
    ("23/03", "15:47:33", "Tom Reid", "Keys for 9 Elm Row handed to the voids team"),
    ("24/03", "10:15:32", "Tom Reid", "@photo"),
    ("24/03", "10:16:01", "Tom Reid", "Mould back above the window at Flat 4 already"),
    ("24/03", "10:20:55", "Priya Shah", "That's frustrating. Can we get the surveyor back out?"),
    (
        "24/03",
        "10:25:40",
        ALEX,
        "I'll book it. Mrs Carter is getting really upset, she said she'll go to the ombudsman.",
    ),
    ("24/03", "10:27:12", "Jo Bloggs", "Honestly Alex should have chased the fan in January"),
    ("24/03", "10:27:59", "Priya Shah", "Let's not do blame in the group chat please"),
    ("25/03", "09:05:00", "Jo Bloggs", "Surveyor booked Friday 27th, 2pm"),
    ("25/03", "09:06:21", ALEX, "Thanks Jo, I'll be there"),
    ("26/03", "16:40:11", "+44 7700 900317", "Can someone send me the repairs log template?"),
    ("26/03", "16:45:30", "Tom Reid", "Sent to your work email"),
    (
        "27/03",
        "15:30:10",
        ALEX,
        "Surveyor visit done. Needs a new vent and the window seal replaced. Report to follow.",
    ),
    ("27/03", "15:31:44", "Priya Shah", "Great, thanks both"),
    ("27/03", "17:59:59", "Tom Reid", "Reminder: clocks go forward this weekend ⏰"),
    ("28/03", "23:50:02", "Jo Bloggs", "Still doing the rota 😩"),
    ("29/03", "00:30:45", "Jo Bloggs", "Done. Rota is on the shared drive"),
    ("29/03", "09:15:00", "Priya Shah", "Jo go to bed 😄"),
    (
        "30/03",
        "08:55:30",
        ALEX,
        "Morning. Mrs Carter called, the window people came Saturday "
        "without warning and she wasn't in.",
    ),
    ("30/03", "08:57:02", "Tom Reid", "I'll chase them"),
    ("30/03", "09:40:18", "Tom Reid", "They've rebooked for Thursday 2 April 9am"),
    ("30/03", "09:41:00", ALEX, "Passed on"),
    (
        "31/03",
        "11:11:11",
        "Priya Shah",
        "Reminder: quarterly case review with Tom and Alex Thursday afternoon",
    ),
    ("31/03", "11:20:30", "Jo Bloggs", "Can I join? I have three of the Willow Court cases"),
    ("31/03", "11:21:02", "Priya Shah", "Of course"),
    ("01/04", "09:00:00", "Tom Reid", "No April fools from me this year"),
    ("01/04", "09:03:40", "Jo Bloggs", "That's exactly what someone planning one would say"),
    (
        "01/04",
        "14:22:35",
        ALEX,
        "Mr Patel called again. Wants a call back from a manager, mobile 07700 900641.",
    ),
    ("01/04", "14:25:10", "Priya Shah", "I'll call him tomorrow"),
    ("02/04", "10:05:00", "Tom Reid", "Window seal and vent done at Flat 4 ✅"),
    ("02/04", "10:06:12", ALEX, "Thank you Tom! Mrs Carter is very relieved"),
    ("02/04", "16:45:00", "Priya Shah", "Called Mr Patel, all resolved. Closing the complaint."),
    ("02/04", "16:46:30", "Jo Bloggs", "Nice one"),
    (
        "03/04",
        "09:10:21",
        "Jo Bloggs",
        "Case review notes are on the drive. Alex, can you "
        "check the Carter timeline? I might have the inspection date wrong {edited}",
    ),
    ("03/04", "09:30:05", ALEX, "Checked, inspection was 12 Jan, all correct"),
    ("03/04", "12:00:00", None, "{you_priya} removed +44 7700 900317"),
    (
        "03/04",
        "12:01:15",
        "Priya Shah",
        "Kez's agency placement ended today, removed from the group.",
    ),
    ("06/04", "09:00:12", "Priya Shah", "Morning all, hope everyone had a good Easter"),
    ("06/04", "09:05:00", "Tom Reid", "Back in the office today"),
    ("07/04", "10:30:00", ALEX, "Mrs Carter sent a thank-you card to the office 💐"),
    ("07/04", "10:31:20", "Jo Bloggs", "Aw that's lovely"),
    ("07/04", "15:15:15", "Tom Reid", "Post-works inspection Flat 4 booked for 21 April"),
    (
        "08/04",
        "09:45:00",
        "Priya Shah",
        "Alex, your SAR training is booked for 14 April, calendar invite sent",
    ),
    ("08/04", "09:47:33", ALEX, "Thanks Priya"),
    (
        "09/04",
        "11:00:00",
        "Jo Bloggs",
        "New case: leak from the flat above at 31 Willow Court, tenant Ms Okafor, 07700 900873",
    ),
    ("09/04", "11:02:10", "Tom Reid", "I'll go round after lunch"),
    (
        "09/04",
        "15:30:45",
        "Tom Reid",
        "Leak isolated. Ceiling needs replastering.\nInsurance form started.",
    ),
    ("10/04", "09:00:00", "Priya Shah", "Thanks everyone for a busy few weeks 🙌"),
    ("10/04", "09:01:30", ALEX, "Team effort!"),
]


def render(exporter: str, with_media: bool, until: str | None) -> str:
    """One phone's iOS export of the script: "you" wording and media depend on the phone."""
    lines = []
    for day, time, sender, text in SCRIPT:
        when = datetime.strptime(f"{day}/2026 {time}", "%d/%m/%Y %H:%M:%S")
        if until and when > datetime.strptime(until, "%d/%m/%Y"):
            break
        stamp = f"[{when:%d/%m/%Y, %H:%M:%S}]"
        you_priya = "You" if exporter == "Priya Shah" else "Priya Shah"
        text = text.format(
            you="You" if exporter == "Priya Shah" else "Priya Shah",
            you_priya=you_priya,
            tom="you" if exporter == "Tom Reid" else "Tom Reid",
            deleted=(
                f"{LRM}You deleted this message."
                if exporter == sender
                else f"{LRM}This message was deleted."
            ),
            edited=f"{LRM}<This message was edited>",
        )
        if sender is None:
            lines.append(f"{LRM}{stamp} {GROUP}: {LRM}{text}")
        elif text == "@photo":
            marker = f"<attached: {PHOTO}>" if with_media else "image omitted"
            lines.append(f"{LRM}{stamp} {sender}: {LRM}{marker}")
        elif "\u200e" in text:
            lines.append(f"{LRM}{stamp} {sender}: {text}")
        else:
            lines.append(f"{stamp} {sender}: {text}")
    return "\r\n".join(lines).replace("\n", "\r\n").replace("\r\r\n", "\r\n") + "\r\n"


def notice_jpeg() -> bytes:
    """Tom's photo: the inspection notice on the neighbour's door, with GPS in its EXIF.

    It names a third party (the neighbour) and her address, so the demo shows OCR, search and
    detection of personal data inside a photo (issue 16).
    """
    from sar_desk.attachments.sample_photo import notice_photo

    lines = (
        "DAMP AND MOULD INSPECTION",
        "Resident: Jordan Whitfield",
        "Flat 6, 9 Oak Road",
        "Leeds LS7 3QP",
    )
    return notice_photo(lines, OUT.parents[1] / "fonts" / "NotoSans-Regular.ttf")


def write_zip(path: Path, files: dict[str, bytes]) -> None:
    # A fixed timestamp keeps the committed zips byte-for-byte reproducible.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 4, 10, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


SAM_CHAT = [
    (
        "02/03/2026, 08:31",
        "Sam Patel",
        "Morning Tom, it's Sam from Patel Building Services. "
        "Are we still on for Willow Court this week?",
    ),
    ("02/03/2026, 08:40", "Tom Reid", "Morning Sam, yes. Thursday if you can"),
    ("02/03/2026, 08:41", "Sam Patel", "Thursday works"),
    ("05/03/2026, 10:02", "Sam Patel", "At Flat 4 now. Nobody answering"),
    (
        "05/03/2026, 10:05",
        "Tom Reid",
        "Try the neighbour at Flat 3, she has a key. Otherwise "
        "ring Alex on 07911 123456, Alex is the housing officer",
    ),
    ("05/03/2026, 10:31", "Sam Patel", "Got in. Pretty bad mould in the back bedroom"),
    ("05/03/2026, 10:32", "Sam Patel", "<Media omitted>"),
    ("05/03/2026, 10:32", "Sam Patel", "<Media omitted>"),
    ("05/03/2026, 10:35", "Tom Reid", "Thanks. Can you quote for an extractor fan?"),
    (
        "05/03/2026, 15:10",
        "Sam Patel",
        "Quote: £340 plus VAT for fan and ducting.\n\nCan start 19th.",
    ),
    ("05/03/2026, 15:12", "Tom Reid", "Approved, I'll raise the PO"),
    ("12/03/2026, 09:00", "Sam Patel", "This message was deleted"),
    ("12/03/2026, 09:01", "Sam Patel", "Sorry, meant for someone else"),
    (
        "19/03/2026, 10:20",
        "Sam Patel",
        "Fan in. Duct was completely blocked, probably why the damp kept coming back",
    ),
    ("19/03/2026, 10:22", "Tom Reid", "Great work, thanks Sam"),
    (
        "24/03/2026, 10:40",
        "Tom Reid",
        "Bad news, mould back above the window at Flat 4. Surveyor going Friday",
    ),
    ("24/03/2026, 10:45", "Sam Patel", "Might be the window seal. Happy to look"),
    ("30/03/2026, 08:20", "Sam Patel", "Window lads went Saturday but nobody in"),
    ("30/03/2026, 08:22", "Tom Reid", "Yes, Alex said. Mrs Carter wasn't told. Can you rebook?"),
    ("30/03/2026, 09:35", "Sam Patel", "Thursday 2nd, 9am"),
    ("30/03/2026, 09:36", "Tom Reid", "Perfect"),
    ("02/04/2026, 09:58", "Sam Patel", "Seal and vent done ✅"),
    ("02/04/2026, 09:59", "Sam Patel", "Invoice to follow to accounts@example.gov.uk"),
    ("02/04/2026, 10:01", "Tom Reid", "Cheers Sam"),
    (
        "09/04/2026, 13:05",
        "Tom Reid",
        "Another one for you: leak at 31 Willow Court, "
        "ceiling needs replastering. Ms Okafor is home all week",
    ),
    ("09/04/2026, 13:20", "Sam Patel", "Missed voice call"),
    ("09/04/2026, 13:21", "Tom Reid", "Sorry, in a meeting. Monday ok?"),
    ("09/04/2026, 13:25", "Sam Patel", "Monday 9am 👍"),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    priya = render("Priya Shah", with_media=True, until=None)
    write_zip(
        OUT / "WhatsApp Chat - Housing Team.zip",
        {"_chat.txt": priya.encode("utf-8"), PHOTO: notice_jpeg()},
    )
    toms = render("Tom Reid", with_media=False, until="07/04/2026")
    write_zip(OUT / "WhatsApp Chat - Housing Team (Tom's phone).zip", {"_chat.txt": toms.encode()})
    sam = "".join(f"{when} - {who}: {text}\n" for when, who, text in SAM_CHAT)
    (OUT / "WhatsApp Chat with Sam Patel.txt").write_text(sam, encoding="utf-8", newline="\n")
    print(f"{len(SCRIPT)} group lines, {len(SAM_CHAT)} 1:1 lines written to {OUT}")


if __name__ == "__main__":
    main()
