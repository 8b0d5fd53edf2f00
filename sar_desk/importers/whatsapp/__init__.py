"""WhatsApp "Export chat" importer (Android and iOS, .txt, .zip or folder)."""

from sar_desk.importers.whatsapp.importer import WhatsAppImporter, chat_title

__all__ = ["WhatsAppImporter", "chat_title"]
