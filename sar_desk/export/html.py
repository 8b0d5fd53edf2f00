"""The accessible HTML version of the bundle (reasonable adjustments, R63).

Semantic headings, a ``lang`` attribute, ``<time datetime>``, table headers with scope,
``dir="auto"`` so Arabic and Hebrew read right to left, inline CSS only: no scripts and no
external resources, so the file opens offline in any browser or screen reader. Like the PDF,
it is written only from the already-redacted render records.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from sar_desk.export.attachment_lines import index_note
from sar_desk.export.letter import Letter
from sar_desk.export.render_model import (
    RenderBundle,
    RenderConversation,
    RenderImage,
    RenderMessage,
)

IMAGE_DATA_PREFIX = "data:image/png;base64,"
"""The only form an image may take in the HTML: an embedded PNG (checked by `checks`)."""

_CSS = """
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif, "Noto Color Emoji";
       max-width: 48em; margin: 1em auto; padding: 0 1em; color: #111; background: #fff;
       font-size: %(size)s; line-height: %(line)s; }
h1, h2, h3 { line-height: 1.25; }
.meta, .system, .reply { color: #444; }
.day { text-align: center; color: #444; font-size: 1em; margin: 1.2em 0 0.4em; }
article { margin: 0.3em 0 0.9em; }
.sender { font-weight: bold; margin: 0; }
.text { margin: 0.1em 0; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%%; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; }
figure { margin: 0.4em 0; } figure img { max-width: 100%%; height: auto; }
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _letter(letter: Letter) -> list[str]:
    out = [
        f'<section aria-labelledby="letter"><h1 id="letter">{_e(letter.title)}</h1>',
        f"<p>{_e(letter.date_label)}</p>",
    ]
    for section in letter.sections:
        if section.heading:
            out.append(f"<h2>{_e(section.heading)}</h2>")
        out += [f'<p dir="auto">{_e(p)}</p>' for p in section.paragraphs]
    out.append("</section>")
    return out


def _index(bundle: RenderBundle) -> list[str]:
    c = bundle.counts
    out = [
        '<section aria-labelledby="index"><h1 id="index">Index of items</h1>',
        f"<p>{c['in_scope']} items: {c['disclosed_in_full']} disclosed in full, "
        f"{c['disclosed_in_part']} disclosed in part, {c['withheld']} withheld.</p>",
        "<ul>",
        *(
            f'<li><a href="#{conv.ref}">{_e(conv.heading)}</a> — {len(conv.messages)} items</li>'
            for conv in bundle.conversations
        ),
        "</ul>",
        *(f"<p>{_e(note)}</p>" for note in [index_note(bundle)] if note),
        "<table><caption>Every item and what happened to it</caption><thead><tr>",
        *(
            f'<th scope="col">{h}</th>'
            for h in ("Chat", "Items", "Count", "Status", "Codes", "First", "Last")
        ),
        "</tr></thead><tbody>",
    ]
    for row in bundle.index:
        out.append(
            f"<tr><td>{row.conversation_ref}</td><td>{row.items_label}</td><td>{row.count}</td>"
            f"<td>{_e(str(row.status))}</td><td>{_e(', '.join(row.codes) or '—')}</td>"
            f'<td><time datetime="{_e(row.first_time)}">{_e(row.first_time[:16])}</time></td>'
            f'<td><time datetime="{_e(row.last_time)}">{_e(row.last_time[:16])}</time></td></tr>'
        )
    out.append("</tbody></table></section>")
    return out


def _message(msg: RenderMessage) -> str:
    when = f'<time datetime="{_e(msg.iso_time)}">{_e(msg.time_label)}</time>'
    meta = (
        f'<span class="meta">{when} · item {msg.item}{" · (edited)" if msg.edited else ""}</span>'
    )
    if msg.kind in ("system", "withheld") or msg.sender is None:
        return f'<p class="system" dir="auto">{meta} — {_e(msg.text)}</p>'
    parts = [
        f'<article aria-label="Item {msg.item}"><p class="sender" dir="auto">'
        f"{_e(msg.sender)}</p><p>{meta}</p>"
    ]
    if msg.reply_note:
        parts.append(f'<p class="reply">{_e(msg.reply_note)}</p>')
    if msg.text:
        parts.append(f'<p class="text" dir="auto">{_e(msg.text)}</p>')
    parts += [f'<p dir="auto">{_e(line)}</p>' for line in (*msg.attachments, *msg.reactions)]
    parts += [_image(image) for image in msg.images]
    parts.append("</article>")
    return "".join(parts)


def _image(image: RenderImage) -> str:
    # Embedded as a data URI so the file stays one self-contained page with no external
    # resource; the pixels are the re-encoded PNG with the boxes burned in.
    data = base64.b64encode(image.png).decode("ascii")
    return (
        f'<figure><img src="{IMAGE_DATA_PREFIX}{data}" width="{image.width}" '
        f'height="{image.height}" alt="{_e(image.label)}">'
        f'<figcaption dir="auto">{_e(image.label)}</figcaption></figure>'
    )


def _conversation(conv: RenderConversation) -> list[str]:
    out = [
        f'<section aria-labelledby="{conv.ref}"><h2 id="{conv.ref}" dir="auto">'
        f"{_e(conv.heading)}</h2>"
    ]
    day = None
    for msg in conv.messages:
        if msg.date_label != day:
            day = msg.date_label
            out.append(f'<h3 class="day">{_e(day)}</h3>')
        out.append(_message(msg))
    out.append("</section>")
    return out


def _glossary(bundle: RenderBundle) -> list[str]:
    out = ['<section aria-labelledby="glossary"><h1 id="glossary">Glossary of codes used</h1>']
    if not bundle.codes:
        out.append("<p>No information was removed or withheld.</p>")
    else:
        out.append("<dl>")
        for code in bundle.codes:
            out.append(
                f"<dt>[REDACTED · {_e(code.marker)}] — {_e(code.title)}</dt>"
                f"<dd>{_e(code.reference)}. {_e(code.summary)}</dd>"
            )
        out.append("</dl>")
    out.append("</section>")
    return out


def render_html(bundle: RenderBundle, letter: Letter, path: Path, *, large_print: bool) -> None:
    """Write the accessible HTML bundle.

    Args:
        bundle: The redacted render records.
        letter: The filled cover letter.
        path: The file to write (UTF-8, LF line ends).
        large_print: Larger type and line spacing.
    """
    css = _CSS % {
        "size": "150%" if large_print else "100%",
        "line": "1.8" if large_print else "1.45",
    }
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(bundle.reference)} disclosure bundle</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        f"<header><p>Case {_e(bundle.reference)}</p></header>",
        "<main>",
        *_letter(letter),
        *_index(bundle),
    ]
    for conv in bundle.conversations:
        parts += _conversation(conv)
    parts += _glossary(bundle)
    parts += ["</main>", "</body>", "</html>", ""]
    path.write_text("\n".join(parts), encoding="utf-8", newline="\n")
