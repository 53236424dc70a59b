"""A Live session -> the live preview page over HTTP: the page, its script and style, the page pictures, the state
and its server-sent events, and the switches. Nothing else is served (no file from disk) and the page asks for
nothing from anywhere else (its Content-Security-Policy says so to the browser).

Standard library only: a ThreadingHTTPServer, a thread per request; each open page holds one for its event stream,
which ends when the page goes away (a write to a closed connection), or when the server stops; at most
SERVE_CONNECTIONS requests (half of them from one machine) and SERVE_STREAMS pages at once. A request must name
the host it was sent to: on a loopback address (the default) a loopback name, on the network an address or this
machine's own name, so a web page elsewhere cannot reach the server by pointing a name of its own at it (DNS
rebinding).
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import re
import select
import socket
import sys
import threading
from collections.abc import Callable
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from typing import Any

from brochure.limits import SERVE_CONNECTIONS, SERVE_STREAMS
from brochure.live.session import Live

KEEP_ALIVE_S = 15.0  # a comment on the event stream this often (a proxy or browser that drops quiet streams)
LOOK_S = 0.25  # an event stream looks this often whether its page closed its end (a reload, a tab closed)
STREAM_WAIT_S = 1.0  # a page asking for a stream when all are held waits this long for a closed page's to be freed
REQUEST_TIMEOUT_S = 10.0  # a connection that sends nothing for this long is closed (its thread and slot freed), and
# so is one whose request line and headers are not all in by then (a byte every few seconds held it for ever)
MOST_BODY = 4096  # bytes of a switch request
_PICTURE = re.compile(r"^/pages/(\d{1,12})/(page\d{1,3})\.jpg$")
_STREAMS_FULL = f"{SERVE_STREAMS} preview pages are open: close one, then reload this one\n".encode()
_ASSETS = {
    "/": ("index.html", "text/html"),
    "/app.js": ("app.js", "text/javascript"),
    "/app.css": ("app.css", "text/css"),
}
_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_GONE = (BrokenPipeError, ConnectionError, TimeoutError)  # the page went away mid-answer


class Server:
    """The preview page's server, bound at once (so a port in use is known before anything starts)."""

    def __init__(self, live: Live, host: str, port: int, bug: Callable[[BaseException], None]) -> None:
        assets = {
            path: (files("brochure.live").joinpath("page", name).read_bytes(), kind)
            for path, (name, kind) in _ASSETS.items()
        }
        streams = threading.BoundedSemaphore(SERVE_STREAMS)
        fields = {"live": live, "assets": assets, "hosts": None, "streams": streams}
        handler: type[_Handler] = type("Handler", (_Handler,), fields)
        self.httpd = _HTTPServer((host, port), handler, bug)
        self.port = self.httpd.server_address[1]
        handler.hosts = loopback_hosts(host, self.port)
        self.url = f"http://{'[' + host + ']' if ':' in host else host}:{self.port}/"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        """Stop answering and close the socket (the event streams end when the session stops)."""
        if self._thread.is_alive():
            self.httpd.shutdown()
        self.httpd.server_close()


def is_loopback(host: str) -> bool:
    """Whether `host` is an address only this machine can reach (127.0.0.0/8, ::1, an IPv6 form of a 127 address)
    or 'localhost', as the socket reads it (`127.1` is 127.0.0.1: it was warned about as public)."""
    if host.lower() == "localhost":
        return True
    address = _address(host)
    return address is not None and address.is_loopback


def is_every(host: str) -> bool:
    """Whether `host` is every address of this machine (0.0.0.0, ::, or `0` as the socket reads it)."""
    address = _address(host)
    return address is not None and address.is_unspecified


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address `host` is written as: an IPv6 form of an IPv4 address as that address, an IPv4 address in one of
    the short forms the socket takes (`127.1`, `0`); None for a name."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return None
    mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    return mapped or address


def network_host(header: str) -> bool:
    """Whether a request served to the network names a host a page may reach this server by: an IP address, or
    this machine's own name (its host name, with .local, or its full name), with or without a port."""
    host = header.strip().lower()
    if host.startswith("["):  # [v6 address]:port
        host = host[1 : host.find("]")] if "]" in host else host
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(host) and host in _own_names()


@cache
def _own_names() -> frozenset[str]:
    """(Asked once a process: the full name may take a look-up in the name service.)"""
    name = socket.gethostname().lower()
    return frozenset({"localhost", name, f"{name}.local", socket.getfqdn().lower()})


def loopback_hosts(host: str, port: int) -> frozenset[str] | None:
    """The Host headers a request may carry when served on a loopback address (None when served to the network:
    then `network_host` decides): the loopback names and the address served on, with the port (and without it on
    port 80, where browsers leave it out)."""
    if not is_loopback(host):
        return None
    names = {"127.0.0.1", "localhost", "[::1]", f"[{host.lower()}]" if ":" in host else host.lower()}
    return frozenset({f"{n}:{port}" for n in names} | (names if port == 80 else set()))


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = os.name != "nt"  # on Windows it would let a second server take the port

    def __init__(self, address: tuple[str, int], handler: type[_Handler], bug: Callable[[BaseException], None]) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.bug = bug
        self.slots = threading.BoundedSemaphore(SERVE_CONNECTIONS)
        self.held: dict[str, int] = {}  # requests being answered, by the client's address
        self.held_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """A thread for the request, unless SERVE_CONNECTIONS are being answered, or half of them for this client (a
        machine that opens many and sends nothing cannot lock the others out): then it is closed unanswered."""
        client = str(client_address[0])
        with self.held_lock:
            mine = self.held.get(client, 0)
            if mine >= SERVE_CONNECTIONS // 2 or not self.slots.acquire(blocking=False):
                self.shutdown_request(request)
                return
            self.held[client] = mine + 1
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._release(client)
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._release(str(client_address[0]))

    def _release(self, client: str) -> None:
        with self.held_lock:
            left = self.held.pop(client, 1) - 1
            if left:
                self.held[client] = left
        self.slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if exc is not None and not isinstance(exc, _GONE):
            self.bug(exc)


class _Handler(BaseHTTPRequestHandler):
    live: Live
    assets: dict[str, tuple[bytes, str]]
    hosts: frozenset[str] | None
    streams: threading.BoundedSemaphore
    timeout = REQUEST_TIMEOUT_S
    server_version = "brochure"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request would bury the rebuild lines

    def handle_one_request(self) -> None:
        """One request, whose line and headers must all arrive within REQUEST_TIMEOUT_S (the socket's timeout is
        for each read: a client sending a byte every few seconds held its thread and slot for ever)."""
        self._deadline = threading.Timer(REQUEST_TIMEOUT_S, self._hang_up)
        self._deadline.daemon = True
        self._deadline.start()
        try:
            super().handle_one_request()
        finally:
            self._deadline.cancel()

    def parse_request(self) -> bool:
        ok = super().parse_request()  # (reads the headers)
        self._deadline.cancel()  # (in: what follows has limits of its own, and an event stream lasts)
        return ok

    def _hang_up(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        path = self.path.split("?", 1)[0]
        if path in self.assets:
            body, kind = self.assets[path]
            self._answer(HTTPStatus.OK, body, f"{kind}; charset=utf-8", cache="no-cache")
        elif path == "/state":
            self._answer(HTTPStatus.OK, self.live.state(), "application/json")
        elif path == "/events":
            self._events()
        elif path == "/favicon.ico":
            self._answer(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        elif (m := _PICTURE.match(path)) is not None:
            jpeg = self.live.picture(int(m.group(1)), m.group(2))
            if jpeg is None:
                self._answer(HTTPStatus.NOT_FOUND, b"gone: a newer picture replaced it\n", "text/plain")
            else:
                self._answer(HTTPStatus.OK, jpeg, "image/jpeg", cache="max-age=31536000, immutable")
        else:
            self._answer(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")

    def do_HEAD(self) -> None:
        """What GET would answer, without its body (an event stream: its headers only)."""
        if self.path.split("?", 1)[0] == "/events":
            if not self._host_ok():
                return
            if not self.streams.acquire(blocking=False):  # (a GET would be refused: say so)
                self._answer(HTTPStatus.SERVICE_UNAVAILABLE, _STREAMS_FULL, "text/plain")
                return
            self.streams.release()
            self._answer(HTTPStatus.OK, b"", "text/event-stream; charset=utf-8")
            return
        self.do_GET()

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        if self.path != "/choose":
            self._answer(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")
            return
        # JSON only: a form on another site cannot send it without the browser asking first (and being refused)
        if self.headers.get_content_type() != "application/json":
            self._answer(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, b"send JSON\n", "text/plain")
            return
        try:
            size = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            size = -1
        if not 0 < size <= MOST_BODY:
            self._answer(HTTPStatus.BAD_REQUEST, b"a small JSON object, please\n", "text/plain")
            return
        body = threading.Timer(REQUEST_TIMEOUT_S, self._hang_up)  # (the body within its own time too: one sent a
        body.daemon = True  # byte every 5 s held its slot for hours, each read's timeout starting again)
        body.start()
        try:
            fields = json.loads(self.rfile.read(size))
        except (ValueError, RecursionError, OSError):  # (RecursionError: arrays nested a thousand deep; OSError:
            fields = None  # hung up, its time out)
        finally:
            body.cancel()
        if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
            self._answer(HTTPStatus.BAD_REQUEST, b"a JSON object of strings, please\n", "text/plain")
            return
        problem = self.live.choose(fields)
        if problem:
            self._answer(HTTPStatus.BAD_REQUEST, json.dumps({"problem": problem}).encode(), "application/json")
        else:
            self._answer(HTTPStatus.NO_CONTENT, b"", "text/plain")

    def _events(self) -> None:
        """The state now, then each new one, until the page goes away or the server stops; none when SERVE_STREAMS
        pages are open already."""
        if not self.streams.acquire(timeout=STREAM_WAIT_S):  # (a page reloaded: its old stream is freed within
            self._answer(HTTPStatus.SERVICE_UNAVAILABLE, _STREAMS_FULL, "text/plain")  # LOOK_S)
            return
        try:
            self._stream()
        finally:
            self.streams.release()

    def _stream(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        seen, quiet = 0, 0.0
        try:
            while not self.live.stopping:
                got = self.live.wait(seen, LOOK_S)
                if got is not None:
                    seen, data = got
                    self.wfile.write(b"id: %d\ndata: %s\n\n" % (seen, data))
                    self.wfile.flush()
                    quiet = 0.0
                elif self.live.stopping or self._closed():
                    break
                elif (quiet := quiet + LOOK_S) >= KEEP_ALIVE_S:
                    self.wfile.write(b": still here\n\n")
                    self.wfile.flush()
                    quiet = 0.0
        except _GONE:
            pass  # the page was closed or reloaded
        self.close_connection = True

    def _closed(self) -> bool:
        """Whether the page closed its end of the event stream (it sends nothing on it: the socket reads as ended).
        A reloaded page's stream was held until the next write to it failed, up to KEEP_ALIVE_S: reloading a
        page a few times filled every stream, and the page said the server was gone."""
        try:
            ready, _, _ = select.select([self.connection], [], [], 0)
            return bool(ready) and not self.connection.recv(1, socket.MSG_PEEK)
        except OSError:
            return True

    def _host_ok(self) -> bool:
        """The request names one host this server may be reached by (RFC 9112, 3.2: more than one Host header, or
        none in an HTTP/1.1 request, is a bad request, 400: the first was checked and another may be the one a
        proxy or cache read)."""
        hosts = self.headers.get_all("Host") or ()
        if len(hosts) > 1 or (not hosts and self.request_version == "HTTP/1.1"):  # (an HTTP/1.1 request without
            # one is a bad request too; an HTTP/1.0 one is told where to open the page)
            self._answer(HTTPStatus.BAD_REQUEST, b"one Host header, please\n", "text/plain")
            return False
        header = (self.headers.get("Host") or "").lower()
        if header in self.hosts if self.hosts is not None else network_host(header):
            return True
        where = "its loopback address" if self.hosts is not None else "this machine's address or name"
        self._answer(HTTPStatus.MISDIRECTED_REQUEST, f"open the page at {where}\n".encode(), "text/plain")
        return False

    def _answer(self, status: HTTPStatus, body: bytes, kind: str, cache: str = "no-store") -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", cache)
            self.send_header("Content-Security-Policy", _POLICY)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cross-Origin-Resource-Policy", "same-origin")  # no picture shown on another site
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except _GONE:
            self.close_connection = True
