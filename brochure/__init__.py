"""brochure: content.yaml + a brand kit -> print-ready leaflet PDFs."""

__version__ = "0.1.0"
