"""Room voting in the app: the facilitator's panel, the round it runs, and what the room sees.

* :mod:`.live` — :class:`LiveRound`: the server and round of one page, as Qt signals;
* :mod:`.panel` — the facilitator's panel (addresses, start, "5 of 7 have voted", reveal,
  vote again, close);
* :mod:`.audience_overlay` — the QR code, address and code over the audience view, and the
  distribution once revealed;
* :mod:`.addresses` and :mod:`.qr` — the laptop's addresses, and the QR code widget.
"""
