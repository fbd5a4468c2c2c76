"""The audience view shown while presenting (F5): what the room sees of the current page."""
