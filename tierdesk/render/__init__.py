"""Painting for paper and PDF (QtGui only, no widgets): the card, the month plan's sheets, the
fonts that draw Chinese. Both the window and the command line print through here."""
