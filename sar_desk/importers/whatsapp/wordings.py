"""Our own wordings of WhatsApp's system events (en, de, nl, es, fr, it, pt), by event.

Patterns, not WhatsApp's strings: each is matched in full, case-insensitively, against a line
with its invisible marks removed (`events.system_event`).
"""

from __future__ import annotations

from typing import Final

_W = r"(?:(?!: ).)+?"  # an actor: anything without ": ", so "Name: text" is never an actor
_Q = r"[\"“”„«»‘’']\s*"
_QE = r"\s*[\"“”„«»‘’']"
_NAME = rf"{_Q}(?P<name>.+?){_QE}"

SYSTEM_PATTERNS: Final[dict[str, tuple[str, ...]]] = {
    "created-group": (
        rf"{_W} created (?:the )?group {_NAME}",
        rf"{_W} created this group",
        rf"{_W} hat die Gruppe {_NAME} erstellt",
        rf"{_W} heeft (?:de )?groep {_NAME} aangemaakt",
        rf"{_W} creó el grupo {_NAME}",
        rf"{_W} a créé (?:le )?groupe {_NAME}",
        rf"{_W} ha creato il gruppo {_NAME}",
        rf"{_W} criou o grupo {_NAME}",
    ),
    "added": (
        rf"{_W} added {_W}",
        rf"{_W} hat {_W} hinzugefügt",
        rf"{_W} heeft {_W} toegevoegd",
        rf"{_W} (?:añadió|agregó) a {_W}",
        rf"{_W} a ajouté {_W}",
        rf"{_W} ha aggiunto {_W}",
        rf"{_W} adicionou {_W}",
    ),
    "removed": (
        rf"{_W} removed {_W}",
        rf"{_W} hat {_W} entfernt",
        rf"{_W} heeft {_W} verwijderd",
        rf"{_W} (?:eliminó|quitó) a {_W}",
        rf"{_W} a retiré {_W}",
        rf"{_W} ha rimosso {_W}",
        rf"{_W} removeu {_W}",
    ),
    "left": (
        rf"{_W} left",
        rf"{_W} (?:hat die Gruppe verlassen|ist ausgetreten)",
        rf"{_W} (?:heeft de groep verlaten|is vertrokken)",
        rf"{_W} salió del grupo",
        rf"{_W} (?:est parti(?:e)?|a quitté le groupe)",
        rf"{_W} (?:è uscit[oa]|ha abbandonato)(?: il gruppo)?",
        rf"{_W} saiu(?: do grupo)?",
    ),
    "joined-via-link": (
        rf"{_W} joined (?:using|via|from) (?:this group['’]s|the group['’]s|an) invite link",
        rf"{_W} ist (?:der Gruppe )?über den Einladungslink (?:dieser Gruppe )?beigetreten",
        rf"{_W} (?:neemt deel|is lid geworden) via de uitnodigingslink van deze groep",
        rf"{_W} se unió (?:usando|mediante|con) el enlace de invitación (?:de este|del) grupo",
        rf"{_W} a rejoint (?:ce|le) groupe (?:via|avec|en utilisant) le lien d['’]invitation",
        rf"{_W} si è unit[oa] (?:tramite|usando|con) il link d['’]invito(?: di questo gruppo)?",
        rf"{_W} entrou (?:usando|pelo|por meio do) (?:o )?link de convite(?: deste grupo)?",
    ),
    "changed-subject": (
        rf"{_W} changed (?:the subject|the group name|this group['’]s name)(?: from .+)? to .+",
        rf"{_W} hat den (?:Betreff|Gruppennamen) .*geändert",
        rf"{_W} heeft (?:het onderwerp|de groepsnaam) .*gewijzigd.*",
        rf"{_W} cambió (?:el asunto|el nombre del grupo) .+",
        rf"{_W} a (?:modifié|changé) le (?:sujet|nom du groupe) .+",
        rf"{_W} ha (?:cambiato|modificato) (?:l['’]oggetto|il nome del gruppo) .+",
        rf"{_W} mudou (?:o assunto|o nome do grupo) .+",
    ),
    "changed-icon": (
        rf"{_W} (?:changed|deleted|removed) (?:this|the) group['’]s (?:icon|photo|picture)",
        rf"{_W} hat (?:das Gruppenbild|das Bild dieser Gruppe) (?:geändert|gelöscht)",
        rf"{_W} heeft (?:de groepsafbeelding|het groepsicoon|de groepsfoto) "
        r"(?:gewijzigd|verwijderd)",
        rf"{_W} (?:cambió|eliminó) (?:el ícono|el icono|la imagen) (?:de este|del) grupo",
        rf"{_W} a (?:modifié|changé|supprimé) l['’]icône (?:de ce|du) groupe",
        rf"{_W} ha (?:cambiato|modificato|eliminato) l['’]immagine (?:di questo|del) gruppo",
        rf"{_W} (?:mudou|apagou) a imagem (?:deste|do) grupo",
    ),
    "changed-description": (
        rf"{_W} (?:changed|deleted) the group description",
        rf"{_W} hat die Gruppenbeschreibung (?:geändert|gelöscht)",
        rf"{_W} heeft de groepsbeschrijving (?:gewijzigd|verwijderd)",
        rf"{_W} (?:cambió|eliminó) la descripción del grupo",
        rf"{_W} a (?:modifié|changé|supprimé) la description du groupe",
        rf"{_W} ha (?:cambiato|modificato|eliminato) la descrizione del gruppo",
        rf"{_W} (?:mudou|apagou) a descrição do grupo",
    ),
    "encryption-notice": (
        r"Messages (?:and calls )?(?:are|to this (?:chat|group) are now) .*end-to-end.*",
        r"Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.*",
        r"Berichten en (?:oproepen|gesprekken) zijn end-to-end versleuteld.*",
        r"Los mensajes y las llamadas están cifrados de extremo a extremo.*",
        r"Les messages et les appels sont chiffrés de bout en bout.*",
        r"I messaggi e le chiamate sono crittografati end-to-end.*",
        r"As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.*",
    ),
    "security-code-changed": (
        r"Your security code with .+ changed.*",
        r"Deine Sicherheitsnummer für .+ hat sich geändert.*",
        r"Je beveiligingscode met .+ is gewijzigd.*",
        r"Tu código de seguridad con .+ cambió.*",
        r"Votre code de sécurité avec .+ a changé.*",
        r"Il tuo codice di sicurezza con .+ è cambiato.*",
        r"Seu código de segurança com .+ (?:mudou|foi alterado).*",
        r"O seu código de segurança com .+ (?:mudou|foi alterado).*",
    ),
    "message-timer": (
        rf"{_W} (?:turned on|turned off|updated|changed) (?:the )?"
        r"(?:message timer|disappearing messages).*",
        r"Disappearing messages were turned (?:on|off).*",
        rf"{_W} hat (?:selbstlöschende Nachrichten|den Nachrichten-Timer) .+",
        rf"{_W} heeft (?:verdwijnende berichten|de berichttimer) .+",
        rf"{_W} (?:activó|desactivó) los mensajes temporales.*",
        rf"{_W} a (?:activé|désactivé) les messages éphémères.*",
        rf"{_W} ha (?:attivato|disattivato) i messaggi effimeri.*",
        rf"{_W} (?:ativou|desativou) as mensagens temporárias.*",
    ),
    "now-admin": (
        r"You(?:['’]re| are) now an admin",
        r"Du bist jetzt (?:ein )?Admin",
        r"Je bent nu (?:een )?beheerder",
        r"Ahora eres (?:admin|administrador)(?: del grupo)?",
        r"Vous êtes (?:désormais|maintenant) (?:un )?admin(?:istrateur)?",
        r"Ora sei (?:un )?amministratore",
        r"Agora você é (?:um )?admin(?:istrador)?",
    ),
    "number-changed": (
        rf"{_W} changed (?:their|his|her) phone number.*",
        rf"{_W} changed to {_W}",
        rf"{_W} hat (?:seine|ihre|die) Telefonnummer .*geändert.*",
        rf"{_W} hat zu {_W} gewechselt",
        rf"{_W} heeft (?:zijn|haar) telefoonnummer gewijzigd.*",
        rf"{_W} is overgestapt naar {_W}",
        rf"{_W} cambió (?:su número de teléfono.*|a .+)",
        rf"{_W} a changé (?:son numéro de téléphone|de numéro).*",
        rf"{_W} ha cambiato (?:il suo )?numero(?: di telefono)?.*",
        rf"{_W} mudou (?:seu|o seu) número de telefone.*",
    ),
}
