"""Reusable widgets bound to the session through the controller."""
