"""The office: settings, regions and salespeople, holidays, customer numbering, the
person at each machine."""
