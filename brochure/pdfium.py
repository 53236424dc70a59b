"""PDF bytes -> an open pypdfium2 document, one thread at a time (PDFium is not thread-safe, even across documents).

PDFium allows one call at a time in a process: two threads rendering two different documents crash
it or corrupt its state. Every use of PDFium in brochure goes through `open_pdf`, which holds this
module's lock for as long as the document is open; the other work of a build runs in parallel.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium

from brochure.collector import stops_held

_LOCK = threading.RLock()


@contextmanager
def open_pdf(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    """The document, open while the block runs; no other thread uses PDFium meanwhile. A stop signal never cuts its
    opening or closing in two (`stops_held`): pypdfium2 then left pages its document no longer knew, which asserted
    as the process ended, a traceback under "brochure: terminated"."""
    with _LOCK:
        with stops_held():
            doc = pdfium.PdfDocument(pdf)
        try:
            yield doc
        finally:
            with stops_held():
                doc.close()
