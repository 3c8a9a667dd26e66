#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the *.http fixtures: real multipart/form-data requests as curl and Python `requests` send them,
# captured byte for byte by a one-shot TCP listener (no HTTP library in between). Run from this directory:
#   python3 capture_requests.py
import socket, subprocess, sys, threading
from PIL import Image

def capture(path, run_client):
    srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
    port = srv.getsockname()[1]
    def serve():
        conn, _ = srv.accept(); data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        length = next(int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:"))
        if b"expect: 100-continue" in head.lower():
            conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        while len(body) < length:
            body += conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK"); conn.close()
        open(path, "wb").write(head + b"\r\n\r\n" + body)
    t = threading.Thread(target=serve); t.start()
    run_client(f"http://127.0.0.1:{port}/api/talkinghead/load"); t.join(); srv.close()

img = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
for x in range(8, 24):
    for y in range(8, 24):
        img.putpixel((x, y), (255, 128, 0, 255))
img.save("face.png")
open("my face ü.png", "wb").write(open("face.png", "rb").read())

# curl -F: a PNG file field named `file`, a text field, an empty field, a file name with a space and UTF-8.
capture("curl_form.http", lambda url: subprocess.run(
    ["curl", "-s", "-o", "/dev/null", "-H", "Expect:", "-F", "file=@face.png;type=image/png",
     "-F", "comment=hello world", "-F", "empty=", "-F", "second=@my face ü.png", url], check=True))
# Python requests: the same PNG as `file` (no part Content-Type for the text field).
import requests
capture("requests_form.http", lambda url: requests.post(
    url, files={"file": ("talkinghead.png", open("face.png", "rb"), "image/png")}, data={"mode": "live"}))
import os; os.remove("my face ü.png")
