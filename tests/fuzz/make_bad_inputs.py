#!/usr/bin/env python3
# ruff: noqa  (a verbatim copy of /work/shared/tools/make_bad_inputs.py, so CI needs nothing outside the repo)
"""Write a folder of hostile 'exports' that an importer must refuse cleanly.

Each file is something a caseworker could plausibly be handed or that an attacker could craft.
"""

import io
import os
import sys
import zipfile

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
w = lambda name, data: open(os.path.join(out, name), "wb").write(data)

w("empty.txt", b"")
w("binary.txt", bytes(range(256)) * 64)
w("not_a_chat.txt", b"Dear Sir,\nPlease find attached the minutes.\nRegards\n" * 20)
w("latin1_garbage.txt", "caf\xe9 na\xefve \xff\xfe".encode("latin-1") * 100)
# zip slip: an entry that escapes the extraction folder
b = io.BytesIO()
with zipfile.ZipFile(b, "w") as z:
    z.writestr("../../../../tmp/sar-desk-escape-marker", "escaped")
w("zip_slip.zip", b.getvalue())
b = io.BytesIO()
with zipfile.ZipFile(b, "w") as z:
    z.writestr("/tmp/sar-desk-escape-marker", "escaped")
w("zip_absolute.zip", b.getvalue())
# zip bomb: 2 GB of zeros compressed, declared as a WhatsApp chat
b = io.BytesIO()
with zipfile.ZipFile(b, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("_chat.txt", "w", force_zip64=True) as f:
        chunk = b"\0" * (1 << 20)
        for _ in range(2048):
            f.write(chunk)
w("zip_bomb.zip", b.getvalue())
# truncated zip
b = io.BytesIO()
with zipfile.ZipFile(b, "w", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr("_chat.txt", "12/01/2024, 10:00 - Ann: hello\n" * 5000)
w("truncated.zip", b.getvalue()[: len(b.getvalue()) // 2])
# XML entity expansion (billion laughs) pretending to be an SMS backup
lol = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">'
        if i > 1
        else '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        for i in range(1, 10)
    )
    + ']>\n<smses count="1"><sms address="07700900123" date="1700000000000" type="1" body="&lol9;" /></smses>\n'
)
w("billion_laughs.xml", lol.encode())
# external entity (XXE) reading a local file
w(
    "xxe.xml",
    b'<?xml version="1.0"?>\n<!DOCTYPE smses [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<smses count="1"><sms address="1" date="1700000000000" type="1" body="&x;" /></smses>\n',
)
# JSON that is not closed
w(
    "truncated_telegram.json",
    b'{"name": "Chat", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "Ann", "text": "hi"}, {"id": 2, ',
)
print(len(os.listdir(out)), "bad inputs in", out)
