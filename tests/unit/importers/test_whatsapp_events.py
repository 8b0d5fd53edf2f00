"""Localised WhatsApp system events, media markers, deletions, edits and calls."""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageKind
from sar_desk.importers.whatsapp.events import classify, file_type, group_name, system_event


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ('Priya Shah created group "Housing"', "created-group"),
        ("Lena hat die Gruppe „Nachbarn“ erstellt", "created-group"),
        ('Sanne heeft groep "Buurt" aangemaakt', "created-group"),
        ('Ana creó el grupo "Vecinos"', "created-group"),
        ("Luc a créé le groupe « Voisins »", "created-group"),
        ('Gia ha creato il gruppo "Vicini"', "created-group"),
        ('João criou o grupo "Vizinhos"', "created-group"),
        ("Priya Shah added +44 7911 123456", "added"),
        ("Lena hat Max hinzugefügt", "added"),
        ("Sanne heeft Daan toegevoegd", "added"),
        ("Ana añadió a Luis", "added"),
        ("Luc a ajouté Marie", "added"),
        ("Gia ha aggiunto Marco", "added"),
        ("João adicionou Rita", "added"),
        ("Priya removed Tom", "removed"),
        ("Lena hat Max entfernt", "removed"),
        ("Sanne heeft Daan verwijderd", "removed"),
        ("Ana eliminó a Luis", "removed"),
        ("Luc a retiré Marie", "removed"),
        ("Gia ha rimosso Marco", "removed"),
        ("João removeu Rita", "removed"),
        ("Tom Reid left", "left"),
        ("Max hat die Gruppe verlassen", "left"),
        ("Daan heeft de groep verlaten", "left"),
        ("Luis salió del grupo", "left"),
        ("Marie est partie", "left"),
        ("Marco è uscito", "left"),
        ("Rita saiu", "left"),
        ("+44 7700 900123 joined using this group's invite link", "joined-via-link"),
        ("Max ist über den Einladungslink dieser Gruppe beigetreten", "joined-via-link"),
        ("Daan neemt deel via de uitnodigingslink van deze groep", "joined-via-link"),
        ("Luis se unió usando el enlace de invitación de este grupo", "joined-via-link"),
        ("Marie a rejoint ce groupe via le lien d’invitation", "joined-via-link"),
        ("Marco si è unito tramite il link d'invito di questo gruppo", "joined-via-link"),
        ("Rita entrou usando o link de convite deste grupo", "joined-via-link"),
        ('Jo changed the subject from "A" to "B"', "changed-subject"),
        ("Lena hat den Betreff von „A“ zu „B“ geändert", "changed-subject"),
        ('Sanne heeft het onderwerp gewijzigd van "A" naar "B"', "changed-subject"),
        ('Ana cambió el asunto de "A" a "B"', "changed-subject"),
        ("Luc a modifié le sujet de « A » en « B »", "changed-subject"),
        ('Gia ha cambiato l\'oggetto da "A" a "B"', "changed-subject"),
        ('João mudou o assunto de "A" para "B"', "changed-subject"),
        ("Jo changed this group's icon", "changed-icon"),
        ("Lena hat das Gruppenbild geändert", "changed-icon"),
        ("Sanne heeft de groepsafbeelding gewijzigd", "changed-icon"),
        ("Ana cambió el ícono de este grupo", "changed-icon"),
        ("Luc a modifié l’icône de ce groupe", "changed-icon"),
        ("Gia ha cambiato l'immagine di questo gruppo", "changed-icon"),
        ("João mudou a imagem deste grupo", "changed-icon"),
        ("Jo changed the group description", "changed-description"),
        ("Lena hat die Gruppenbeschreibung geändert", "changed-description"),
        ("Sanne heeft de groepsbeschrijving gewijzigd", "changed-description"),
        ("Ana cambió la descripción del grupo", "changed-description"),
        ("Luc a modifié la description du groupe", "changed-description"),
        ("Gia ha cambiato la descrizione del gruppo", "changed-description"),
        ("João mudou a descrição do grupo", "changed-description"),
        ("Messages and calls are end-to-end encrypted. Tap to learn more.", "encryption-notice"),
        ("Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.", "encryption-notice"),
        ("Berichten en oproepen zijn end-to-end versleuteld.", "encryption-notice"),
        ("Los mensajes y las llamadas están cifrados de extremo a extremo.", "encryption-notice"),
        ("Les messages et les appels sont chiffrés de bout en bout.", "encryption-notice"),
        ("I messaggi e le chiamate sono crittografati end-to-end.", "encryption-notice"),
        (
            "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.",
            "encryption-notice",
        ),
        ("Your security code with Tom Reid changed. Tap to learn more.", "security-code-changed"),
        ("Deine Sicherheitsnummer für Max hat sich geändert.", "security-code-changed"),
        ("Je beveiligingscode met Daan is gewijzigd.", "security-code-changed"),
        ("Tu código de seguridad con Luis cambió.", "security-code-changed"),
        ("Votre code de sécurité avec Marie a changé.", "security-code-changed"),
        ("Il tuo codice di sicurezza con Marco è cambiato.", "security-code-changed"),
        ("Seu código de segurança com Rita mudou.", "security-code-changed"),
        ("You turned on disappearing messages. New messages will disappear.", "message-timer"),
        ("Lena hat selbstlöschende Nachrichten aktiviert.", "message-timer"),
        ("Sanne heeft verdwijnende berichten ingeschakeld.", "message-timer"),
        ("Ana activó los mensajes temporales.", "message-timer"),
        ("Luc a activé les messages éphémères.", "message-timer"),
        ("Gia ha attivato i messaggi effimeri.", "message-timer"),
        ("João ativou as mensagens temporárias.", "message-timer"),
        ("You're now an admin", "now-admin"),
        ("Du bist jetzt ein Admin", "now-admin"),
        ("Je bent nu beheerder", "now-admin"),
        ("Ahora eres admin del grupo", "now-admin"),
        ("Vous êtes désormais admin", "now-admin"),
        ("Ora sei un amministratore", "now-admin"),
        ("Agora você é admin", "now-admin"),
        ("Tom Reid changed their phone number to a new number. Tap to message.", "number-changed"),
        ("+44 7911 123456 changed to +44 7700 900999", "number-changed"),
        ("Max hat zu +49 151 0000000 gewechselt", "number-changed"),
        ("Daan heeft zijn telefoonnummer gewijzigd.", "number-changed"),
        ("Luis cambió su número de teléfono.", "number-changed"),
        ("Marie a changé de numéro.", "number-changed"),
        ("Marco ha cambiato numero.", "number-changed"),
        ("Rita mudou seu número de telefone.", "number-changed"),
    ],
)
def test_localised_system_events_are_recognised(text: str, event: str) -> None:
    assert system_event(text) == event


@pytest.mark.parametrize("text", ["Tom Reid: Alex left", "see you later", "Jo: Tom added Sam"])
def test_ordinary_text_is_not_a_system_event(text: str) -> None:
    # An actor never contains ": ", so "Name: ... left" is a message, not an event.
    assert system_event(text) is None


def test_group_name_comes_from_created_group_line() -> None:
    assert group_name('Priya Shah created group "Housing Team"') == "Housing Team"
    assert group_name("Luc a créé le groupe « Voisins »") == "Voisins"
    assert group_name("Priya Shah added Tom") is None


@pytest.mark.parametrize(
    "text",
    [
        "This message was deleted",
        "This message was deleted.",
        "You deleted this message",
        "You deleted this message.",
        "Diese Nachricht wurde gelöscht",
        "Du hast diese Nachricht gelöscht.",
        "Dit bericht is verwijderd",
        "Se eliminó este mensaje.",
        "Eliminaste este mensaje.",
        "Ce message a été supprimé",
        "Vous avez supprimé ce message",
        "Questo messaggio è stato eliminato",
        "Hai eliminato questo messaggio",
        "Esta mensagem foi apagada",
        "Você apagou esta mensagem",
    ],
)
def test_deleted_markers_are_deleted(text: str) -> None:
    assert classify(text, marked=False).kind is MessageKind.DELETED


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("<Media omitted>", "<Media omitted>", "file"),
        ("<Medien ausgeschlossen>", "<Medien ausgeschlossen>", "file"),
        ("<Media weggelaten>", "<Media weggelaten>", "file"),
        ("<Multimedia omitido>", "<Multimedia omitido>", "file"),
        ("<Médias omis>", "<Médias omis>", "file"),
        ("<Media omessi>", "<Media omessi>", "file"),
        ("<Mídia oculta>", "<Mídia oculta>", "file"),
        ("image omitted", "image omitted", "image"),
        ("video omitted", "video omitted", "video"),
        ("audio omitted", "audio omitted", "audio"),
        ("sticker omitted", "sticker omitted", "sticker"),
        ("GIF omitted", "GIF omitted", "gif"),
        ("Contact card omitted", "Contact card omitted", "contact"),
        ("document omitted", "document omitted", "document"),
        ("Minutes.pdf • 2 pages document omitted", "Minutes.pdf", "document"),
        ("null", "view-once media", "view-once"),
        ("<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>", None, "image"),
        ("<attached: 00000036-VIDEO-2022-03-27-21-41-55.mp4>", None, "video"),
        ("<attached: 00000037-AUDIO-2022-03-27-21-41-55.opus>", None, "audio"),
        ("<attached: 00000038-STICKER-2022-03-27-21-41-55.webp>", None, "sticker"),
        ("<attached: 00000039-GIF-2022-03-27-21-41-55.mp4>", None, "gif"),
        ("<attached: 00000042-Sam Patel.vcf>", None, "contact"),
        ("IMG-20220323-WA0002.jpg (file attached)", None, "image"),
        ("VID-20220323-WA0003.mp4 (file attached)", None, "video"),
        ("PTT-20220323-WA0004.opus (file attached)", None, "audio"),
        ("STK-20220323-WA0005.webp (file attached)", None, "sticker"),
        ("Tenancy agreement.pdf (file attached)", None, "document"),
        ("location: https://maps.google.com/?q=51.5,-0.12", None, "location"),
    ],
)
def test_media_markers_become_attachments(text: str, name: str | None, kind: str) -> None:
    body = classify(text, marked=False)
    assert body.kind is MessageKind.MEDIA
    ((file_name, file_kind),) = body.files
    assert file_kind == kind
    if name is not None:
        assert file_name == name


def test_attached_caption_before_the_marker_is_the_text() -> None:
    body = classify("Draft letter.docx <attached: 00000046-Draft letter.docx>", marked=True)
    assert body.kind is MessageKind.MEDIA
    assert body.text == "Draft letter.docx"
    assert body.files == (("00000046-Draft letter.docx", "document"),)


def test_android_caption_follows_on_the_next_lines() -> None:
    body = classify("IMG-20260402-WA0003.jpg (file attached)\nThe ceiling\nin flat 3", False)
    assert body.text == "The ceiling\nin flat 3"


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("See you at 3 <This message was edited>", "See you at 3"),
        ("Bis morgen <Diese Nachricht wurde bearbeitet>", "Bis morgen"),
        ("Tot morgen <Dit bericht is bewerkt>", "Tot morgen"),
        ("Hasta mañana <Se editó este mensaje.>", "Hasta mañana"),
        ("À demain <Ce message a été modifié>", "À demain"),
        ("A domani <Questo messaggio è stato modificato>", "A domani"),
        ("Até amanhã <Esta mensagem foi editada>", "Até amanhã"),
    ],
)
def test_edited_marker_is_stripped(text: str, plain: str) -> None:
    body = classify(text, marked=False)
    assert (body.kind, body.text, body.edited) == (MessageKind.MESSAGE, plain, True)


@pytest.mark.parametrize(
    "text",
    [
        "Missed voice call",
        "Missed video call",
        "Voice call",
        "Video call",
        "Voice call, 12 min",
        "Video call (1:02:03)",
        "Missed voice call, Tap to call back",
        "Missed group voice call",
        "Verpasster Sprachanruf",
        "Llamada perdida",
        "Appel vocal manqué",
    ],
)
def test_calls_are_calls(text: str) -> None:
    assert classify(text, marked=False).kind is MessageKind.CALL


@pytest.mark.parametrize(
    "text",
    ["Video call tomorrow at 10?", "voice call me when you can", "deleted the draft", "nullify"],
)
def test_lookalike_messages_stay_messages(text: str) -> None:
    assert classify(text, marked=False).kind is MessageKind.MESSAGE


def test_ios_marked_body_is_system_unless_it_is_media() -> None:
    assert classify("Priya Shah added Tom Reid", marked=True).kind is MessageKind.SYSTEM
    assert classify("image omitted", marked=True).kind is MessageKind.MEDIA
    assert classify("Priya Shah added Tom Reid", marked=False).kind is MessageKind.MESSAGE


def test_file_type_falls_back_to_extension() -> None:
    assert file_type("photo.HEIC") == "image"
    assert file_type("notes.txt") == "document"
    assert file_type("clip.gif") == "gif"
