"""Saved inputs -> rebuilt leaflets and a live preview page: `brochure watch` and `brochure serve` (see README)."""
