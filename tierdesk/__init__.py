"""TierDesk: the customer archive of a field sales office."""

__version__ = "0.1.0"
