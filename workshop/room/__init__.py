"""Room voting: the room votes from their phones over the local network, offline.

No Qt and no database here (the app and the command line wrap it): :mod:`.round` holds one
round's state in memory, :mod:`.server` serves the phone page and the JSON API on the one
address the facilitator picked, :mod:`.outcome` turns a page into a round and a tally into
one workshop edit, :mod:`.addresses` lists the laptop's addresses. See docs/room-voting.md.
"""
