"""Tiers: the office's tier rules, assessment and overrides, tier views, contact norms."""
